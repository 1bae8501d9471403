from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    """Staff write to a cohort: a message, in several languages, to selected registrations."""

    name = "mailings"
    verbose_name = _("Messages to officials")

    def ready(self):
        from participants.self_service import REGISTRATION_PAGE_EXTRAS

        from . import notices, receivers  # noqa: F401 - the cohort message notice; the retention purge
        from .selectors import registration_messages_extra

        REGISTRATION_PAGE_EXTRAS.append(registration_messages_extra)
