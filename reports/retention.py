"""Purge of personal data past its retention period (settings.PERSONAL_DATA_RETENTION_DAYS).

A participant whose registrations all ended more than the retention period ago (and who has
not signed in since) is anonymised: names, contact details, personal answers and uploaded
answers, travel details and the
history rows that copied them are erased, passport details are deleted, certificate and visa
letter PDFs (they print the name, the letters the passport number too), placement insurance
numbers and nominations (name, email, letter) are removed, and their emails in the outbox are blanked. The
participant and registration rows stay, with country, organization, administrative level and
status, so every count in the statistics stays the same.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from delegations.models import Nomination, NominationEvent
from jobs.storage import private_storage
from notifications.models import Notification
from participants.answers import answers_erase_personal
from participants.models import Participant, PassportDetails, Registration, TravelDetails, anonymised_email
from participants.page_cache import official_changed
from participants.signals import participant_anonymised
from programs.models import DatePrecision


def participants_past_retention(*, today=None):
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    # A registration counts as recent while its occurrence ended on or after the cutoff, or,
    # undated, while its planned year is not before the cutoff's (or unknown). A start date
    # stated only as a month or a year ("May 2019", "2022") stands for its first day, so the
    # occurrence may run until that month's or year's end: compare at that precision.
    undated_end = Q(occurrence__end_date__isnull=True)
    recent = (
        Registration.objects.annotate(ended=Coalesce(F("occurrence__end_date"), F("occurrence__start_date")))
        .filter(participant=OuterRef("pk"))
        .filter(
            Q(ended__gte=cutoff)
            | Q(
                undated_end,
                occurrence__date_precision=DatePrecision.MONTH,
                occurrence__start_date__gte=cutoff.replace(day=1),
            )
            | Q(
                undated_end,
                occurrence__date_precision=DatePrecision.YEAR,
                occurrence__start_date__year__gte=cutoff.year,
            )
            | Q(ended__isnull=True, occurrence__year__isnull=True)
            | Q(ended__isnull=True, occurrence__year__gte=cutoff.year)
        )
    )
    cutoff_moment = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    return (
        Participant.objects.not_anonymised()
        .filter(created_at__lt=cutoff_moment)
        .exclude(Exists(recent))
        .exclude(user__last_login__gte=cutoff_moment)
    )


def participant_anonymise(*, participant):
    """Erase one participant's personal data in one transaction; counts stay."""
    placeholder = anonymised_email("participant", participant.pk)
    with transaction.atomic():
        old_email = participant.email
        user_id = participant.user_id
        # .update() on purpose: saving would write the old values into new history rows.
        Participant.objects.filter(pk=participant.pk).update(
            family_name="-",
            given_name="-",
            family_name_native="",
            given_name_native="",
            search_key="",
            email=placeholder,
            phone="",
            department="",
            position="",
            languages=[],
            user=None,
            updated_at=timezone.now(),
        )
        Registration.objects.filter(participant_id=participant.pk).update(note="")
        answers_erase_personal(participant_id=participant.pk)
        TravelDetails.objects.filter(registration__participant_id=participant.pk).delete()
        PassportDetails.objects.filter(participant_id=participant.pk).delete()
        Participant.history.filter(id=participant.pk).delete()
        Registration.history.filter(participant_id=participant.pk).delete()
        _erase_cohort_records(participant.pk)
        participant_anonymised.send(sender=Participant, participant_id=participant.pk)
        official_changed(user_id)  # written with .update(): no signal replaced their kept pages
        _erase_nominations(Q(registration__participant_id=participant.pk) | Q(email__iexact=old_email))
        notifications = Notification.objects.filter(recipient__iexact=old_email)
        # An unsent notice must not go out blank to the placeholder address: it ends as failed.
        notifications.exclude(status=Notification.Status.SENT).update(
            status=Notification.Status.FAILED, last_error="Recipient's personal data erased (retention period)."
        )
        notifications.update(
            recipient=placeholder, subject="-", body_text="", body_html="", context={}, inline_images=[]
        )
        if user_id is not None:
            user = get_user_model().objects.get(pk=user_id)
            user.email, user.first_name, user.last_name, user.is_active = (
                anonymised_email("user", user_id),
                "",
                "",
                False,
            )
            user.set_unusable_password()
            user.save()
    return placeholder


def _erase_cohort_records(participant_id):
    """Certificate and letter PDFs print the official's name (letters the passport number too) and
    placements hold an insurance policy number: all personal data. Certificate and letter numbers,
    placement dates and allowances stay."""
    from cohorts.models import Certificate, InvitationLetter, Placement

    registration_ids = list(Registration.objects.filter(participant_id=participant_id).values_list("pk", flat=True))
    certificates = Certificate.objects.filter(registration_id__in=registration_ids).exclude(file="")
    letters = InvitationLetter.objects.filter(registration_id__in=registration_ids).exclude(file="")
    files = list(certificates.values_list("file", flat=True)) + list(letters.values_list("file", flat=True))
    certificates.update(file="", rendered_at=None)
    letters.update(file="")
    # Files are not transactional: delete them only once the erasure is committed.
    transaction.on_commit(lambda: [private_storage().delete(name) for name in files])
    Placement.objects.filter(registration_id__in=registration_ids).update(insurance_policy="", note="")
    Placement.history.filter(registration_id__in=registration_ids).delete()


def _erase_nominations(condition):
    """A nomination holds the nominee's name and email, its history notes name the substitutes,
    and its letter is a PDF about the person: all erased, the allocation's counts stay."""
    nominations = Nomination.objects.filter(condition).exclude(family_name="-")
    ids = list(nominations.values_list("pk", flat=True))
    if not ids:
        return 0
    letters = [name for name in Nomination.objects.filter(pk__in=ids).values_list("letter", flat=True) if name]
    storage = Nomination._meta.get_field("letter").storage
    for pk in ids:
        Nomination.objects.filter(pk=pk).update(
            family_name="-", given_name="-", email=anonymised_email("nominee", pk), letter=""
        )
    NominationEvent.objects.filter(nomination_id__in=ids).update(note="")
    transaction.on_commit(lambda: [storage.delete(name) for name in letters])
    return len(ids)


def nominations_purge_expired(*, today=None):
    """Erase the nominees who never registered, once their occurrence is past the retention period."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)
    ended = Coalesce(F("allocation__occurrence__end_date"), F("allocation__occurrence__start_date"))
    expired = Nomination.objects.annotate(ended=ended).filter(registration__isnull=True, ended__lt=cutoff)
    with transaction.atomic():
        return _erase_nominations(Q(pk__in=list(expired.values_list("pk", flat=True))))


def participants_purge_expired(*, today=None):
    """Anonymise every participant past the retention period (and the nominees who never
    registered); returns how many participants."""
    count = 0
    for participant in participants_past_retention(today=today).iterator():
        participant_anonymise(participant=participant)
        count += 1
    nominations_purge_expired(today=today)
    return count
