from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Bilateral meetings between the delegations of an occurrence: requests, slots and rooms
    without double-booking, each side's schedule, an .ics per meeting and notices of changes."""

    name = "meetings"
    verbose_name = _("Bilateral meetings")

    def ready(self):
        from . import notices  # noqa: F401 - the meeting notices
