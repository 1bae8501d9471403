from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from .public_cache import connect_signals

        connect_signals()
