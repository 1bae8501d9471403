"""The retention purge (participants.signals.participant_anonymised) erases the messages as received."""

from django.dispatch import receiver

from participants.signals import participant_anonymised

from .models import CohortMessageRecipient


@receiver(participant_anonymised, dispatch_uid="mailings.erase_received_messages")
def erase_received_messages(sender, *, participant_id, **kwargs):
    # The filled-in text names the official; the row stays (the message went to that registration).
    CohortMessageRecipient.objects.filter(registration__participant_id=participant_id).update(
        subject="-", body="", reply_to=""
    )
