from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RostersConfig(AppConfig):
    name = "rosters"
    verbose_name = _("Rosters")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notices  # noqa: F401 - declares this app's notice kinds and context loaders
