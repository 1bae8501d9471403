from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def ready(self):
        from . import notices, receivers  # noqa: F401 - notice kinds and loaders; the sign-in flag
