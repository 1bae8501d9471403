from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import notices  # noqa: F401 - declares this app's notice kinds and context loaders
        from .backends import connect_signals

        connect_signals()
