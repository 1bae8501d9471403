from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AftercareConfig(AppConfig):
    """After the event: materials and photos, evaluation surveys, the best-practice library, alumni."""

    name = "aftercare"
    verbose_name = _("After the event")

    def ready(self):
        from workshops.page_extras import OCCURRENCE_PAGE_EXTRAS

        from . import notices, receivers  # noqa: F401 - the survey notices; the public pages' version
        from .views import occurrence_materials_and_photos

        OCCURRENCE_PAGE_EXTRAS.append(occurrence_materials_and_photos)
