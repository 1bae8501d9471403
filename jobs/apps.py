from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Bottom layer: the shared life of a file job and the XLSX writer. Imports no project app."""

    name = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from .models import FileJob
        from .selectors import jobs_visible_to
        from .storage import register_reader

        def reader(model):
            return lambda user, name: jobs_visible_to(model.objects.filter(file=name), user).exists()

        # Every kind of file job (roster exports, report workbooks): its owner reads its files.
        for model in _concrete_subclasses(FileJob):
            register_reader(f"{model.upload_folder}/", reader(model))


def _concrete_subclasses(model):
    for subclass in model.__subclasses__():
        if not subclass._meta.abstract:
            yield subclass
        yield from _concrete_subclasses(subclass)
