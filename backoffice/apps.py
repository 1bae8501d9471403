from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """The staff admin composed across apps: the occurrence, registration and agreement pages
    that bring together the data apps and the features built on them."""

    name = "backoffice"
    verbose_name = _("Back office")

    def ready(self):
        from .admin_inputs import autocomplete_ignores_unreadable_ids

        autocomplete_ignores_unreadable_ids()
