from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        # The notice kinds and context loaders; the link of an imported profile when its email is verified.
        from . import notices, receivers  # noqa: F401
