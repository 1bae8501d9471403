"""Receivers of the signals of lower apps (accounts), connected in ParticipantsConfig.ready()."""

from django.dispatch import receiver

from accounts.signals import email_verified

from .self_service import participant_link_account


@receiver(email_verified, dispatch_uid="participants.link_imported_profile")
def link_imported_profile(sender, *, user, **kwargs):
    participant_link_account(user=user)
