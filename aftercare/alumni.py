"""The alumni network: officials who attended an edition of a program join its directory, find each
other and write through the portal, never seeing each other's address.

Who attended is the survey's rule (aftercare.surveys): an accepted, attended or completed
registration of an occurrence that has ended. A message is a row and an outbox notification to
the recipient in their language, with a link back to the portal and no Reply-To: the sender's
address is never in it. A sender may write MESSAGES_PER_DAY messages in any 24 hours; the count
is taken under a lock on the sender's profile row, so parallel requests cannot pass it. Leaving
deletes the entry at once; the retention purge deletes entries and messages with the person's
data (aftercare.receivers).
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from formats.names import display_name
from notifications.services import notification_queue
from participants.models import ANONYMISED_DOMAIN, Participant, Registration
from participants.self_service import participant_for_user

from .models import AlumniAbuseReport, AlumniEntry, AlumniMessage
from .surveys import ATTENDEE_STATUSES, ended_before

MESSAGES_PER_DAY = 10
BODY_MAX_CHARS = 2000
ENTRY_FIELDS = ("country", "organization", "position", "languages", "note")


class AlumniError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Reads ---------------------------------------------------------------------------------------


def attended_registrations(participant, *, today=None):
    """The participant's registrations to occurrences they attended and that have ended."""
    if participant is None:
        return Registration.objects.none()
    today = today or timezone.localdate()
    return (
        Registration.objects.filter(participant=participant, status__in=ATTENDEE_STATUSES)
        .filter(ended_before(today))
        .select_related("occurrence__program")
        .order_by("-occurrence__start_date", "-pk")
    )


def entries_of(participant):
    if participant is None:
        return AlumniEntry.objects.none()
    return AlumniEntry.objects.filter(participant=participant).select_related("program", "registration__occurrence")


def entry_of(participant, program):
    """The participant's entry in the program's directory, or None: the key to the directory."""
    if participant is None:
        return None
    return AlumniEntry.objects.filter(participant=participant, program=program).first()


def directory(*, program, q="", country="", occurrence=None):
    """The program's directory, searched by name (any spelling), country and edition."""
    entries = (
        AlumniEntry.objects.filter(program=program)
        .exclude(participant__email__endswith="@" + ANONYMISED_DOMAIN)
        .select_related("participant", "registration__occurrence")
    )
    for word in (q or "").split()[:6]:
        entries = entries.filter(
            Q(participant__search_key__icontains=word.lower())
            | Q(participant__family_name__icontains=word)
            | Q(participant__given_name__icontains=word)
        )
    if country:
        entries = entries.filter(country=country)
    if occurrence is not None:
        entries = entries.filter(registration__occurrence=occurrence)
    return entries


def messages_of(participant):
    """What the participant received and sent, newest first."""
    if participant is None:
        return AlumniMessage.objects.none()
    return (
        AlumniMessage.objects.filter(Q(recipient=participant) | Q(sender=participant))
        .select_related("sender", "recipient", "program", "abuse_report")
        .order_by("-created_at", "-pk")
    )


def sent_today(participant, *, now=None):
    now = now or timezone.now()
    return AlumniMessage.objects.filter(sender=participant, created_at__gt=now - timedelta(days=1)).count()


def entry_initial(registration):
    """What the join form starts with: the profile's country, organization, position and languages."""
    participant = registration.participant
    return {
        "country": participant.country,
        "organization": str(participant.organization) if participant.organization_id else "",
        "position": participant.position,
        "languages": list(participant.languages or []),
        "note": "",
    }


# --- Joining and leaving -------------------------------------------------------------------------


def _clean_text(value, limit):
    return (value or "").replace("\x00", "").strip()[:limit]


def _entry_values(data):
    return {
        "country": data["country"],
        "organization": _clean_text(data.get("organization"), 200),
        "position": _clean_text(data.get("position"), 200),
        "languages": list(data.get("languages") or []),
        "note": _clean_text(data.get("note"), 500),
    }


def alumni_join(*, user, registration, data):
    """Open the user's entry in the directory of the program whose edition `registration` attended."""
    participant = participant_for_user(user)
    if participant is None or not attended_registrations(participant).filter(pk=registration.pk).exists():
        raise AlumniError(_("Only officials who attended an edition of this program can join its alumni directory."))
    program = registration.occurrence.program
    try:
        with transaction.atomic():
            return AlumniEntry.objects.create(
                participant=participant, program=program, registration=registration, **_entry_values(data)
            )
    except IntegrityError:
        raise AlumniError(_("You are already in this program's alumni directory.")) from None


def alumni_entry_update(*, entry, data):
    for name, value in _entry_values(data).items():
        setattr(entry, name, value)
    entry.save()
    return entry


def alumni_leave(*, entry):
    """Leave the directory: the entry is deleted at once; messages already exchanged stay with their readers."""
    entry.delete()


# --- Messages ------------------------------------------------------------------------------------


def _message_link(message):
    return settings.SITE_URL.rstrip("/") + reverse("alumni:message_detail", kwargs={"pk": message.pk})


def alumni_message_send(*, user, recipient_entry, body, in_reply_to=None, now=None):
    """Write to an alumnus of a program the sender is an alumnus of; returns the message."""
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise AlumniError(_("Please write a message."))
    if len(body) > BODY_MAX_CHARS:
        raise AlumniError(
            _("Your message is %(length)s characters long; please keep it under %(limit)s.")
            % {"length": len(body), "limit": BODY_MAX_CHARS}
        )
    sender = participant_for_user(user)
    program = recipient_entry.program
    if sender is None or entry_of(sender, program) is None:
        raise AlumniError(_("Only alumni in this program's directory can write to its alumni."))
    recipient = recipient_entry.participant
    if recipient.pk == sender.pk:
        raise AlumniError(_("You cannot write to yourself."))
    now = now or timezone.now()
    with transaction.atomic():
        # The sender's row is the lock: two parallel sends are counted one after the other.
        Participant.objects.select_for_update().filter(pk=sender.pk).first()
        if sent_today(sender, now=now) >= MESSAGES_PER_DAY:
            raise AlumniError(
                _(
                    "You have sent %(limit)s messages in the last 24 hours, the most the alumni network allows. "
                    "Your message was not sent; please try again tomorrow."
                )
                % {"limit": MESSAGES_PER_DAY}
            )
        message = AlumniMessage.objects.create(
            program=program, sender=sender, recipient=recipient, body=body, in_reply_to=in_reply_to
        )
        language = recipient.preferred_language or "en"
        with translation.override(language):
            program_name = str(program.name)
        notification_queue(
            key=f"alumni_message:{message.pk}",
            template="alumni_message",
            recipient=recipient.email,
            language=language,
            # No reply_to: the email comes from the portal, and replies go through the portal.
            context={
                "participant_id": recipient.pk,
                "sender_name": display_name(sender, language),
                "sender_country": str(sender.country),
                "program_name": program_name,
                "message_body": body,
                "link": _message_link(message),
            },
        )
    return message


def alumni_message_reply(*, user, message, body):
    """The recipient answers the sender, who must still be in the program's directory."""
    participant = participant_for_user(user)
    if participant is None or message.recipient_id != participant.pk:
        raise AlumniError(_("Only the recipient of a message can reply to it."))
    sender_entry = entry_of(message.sender, message.program)
    if sender_entry is None:
        raise AlumniError(_("This alumnus has left the directory; you can no longer write to them."))
    return alumni_message_send(user=user, recipient_entry=sender_entry, body=body, in_reply_to=message)


def alumni_message_read(*, message, participant):
    if message.recipient_id == participant.pk and message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])


def alumni_message_report(*, user, message, reason=""):
    """The recipient reports a message to staff; once per message."""
    participant = participant_for_user(user)
    if participant is None or message.recipient_id != participant.pk:
        raise AlumniError(_("Only the recipient of a message can report it."))
    try:
        with transaction.atomic():
            return AlumniAbuseReport.objects.create(message=message, reason=_clean_text(reason, 1000))
    except IntegrityError:
        raise AlumniError(_("You have already reported this message.")) from None


def alumni_report_handle(*, report, by):
    report.status = AlumniAbuseReport.Status.HANDLED
    report.handled_by, report.handled_at = by, timezone.now()
    report.save(update_fields=["status", "handled_by", "handled_at"])
    return report


def alumni_report_remove_sender(*, report, by):
    """Staff take the sender of a reported message out of that program's directory; returns 1 or 0."""
    removed, _detail = AlumniEntry.objects.filter(
        participant_id=report.message.sender_id, program_id=report.message.program_id
    ).delete()
    alumni_report_handle(report=report, by=by)
    return removed


def alumni_erase(*, participant_id):
    """The retention purge: the person's entries and every message they sent or received go."""
    AlumniEntry.objects.filter(participant_id=participant_id).delete()
    AlumniMessage.objects.filter(Q(sender_id=participant_id) | Q(recipient_id=participant_id)).delete()
