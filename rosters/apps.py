from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RostersConfig(AppConfig):
    name = "rosters"
    verbose_name = _("Rosters")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the "export_job_id" loader used by the export-ready email.
        from . import notifications  # noqa: F401
