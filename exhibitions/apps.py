from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    """Exhibitions at an occurrence: sections, exhibiting organizations, exhibits, public pages."""

    name = "exhibitions"
    verbose_name = _("Exhibitions")

    def ready(self):
        from workshops.page_extras import OCCURRENCE_PAGE_EXTRAS

        from . import receivers  # noqa: F401 - the public pages' version
        from .views import occurrence_exhibitions

        OCCURRENCE_PAGE_EXTRAS.append(occurrence_exhibitions)
