from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """Applications by organizations: a local government (through an official the Online Bureau
    verified for it) applies for an occurrence of a program such as Glocalization Lecturing."""

    name = "applications"
    verbose_name = _("Applications by organizations")

    def ready(self):
        from workshops.page_extras import OCCURRENCE_REGISTER_ALTERNATIVES
        from workshops.public_cache import OCCURRENCE_PAGE_MOMENTS

        from . import notices, receivers  # noqa: F401 - notice kinds and loaders; the sign-in flag
        from .selectors import next_call_change
        from .views import occurrence_call_extra

        OCCURRENCE_REGISTER_ALTERNATIVES.append(occurrence_call_extra)
        OCCURRENCE_PAGE_MOMENTS.append(next_call_change)
