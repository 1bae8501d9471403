from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    name = "bureau"
    verbose_name = _("Online Bureau")

    def ready(self):
        from . import notices  # noqa: F401 - declares this app's notice kinds and context loaders
