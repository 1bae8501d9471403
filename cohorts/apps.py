from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        # Registers the "certificate_id" loader for notification templates.
        from . import notices  # noqa: F401
