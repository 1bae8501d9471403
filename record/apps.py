from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordConfig(AppConfig):
    name = "record"
    verbose_name = _("Public record")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import exporters  # noqa: F401 - registers the public statistics with the roster exporters
