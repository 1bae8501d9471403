"""Daily reminders: an occurrence starting soon, a registration deadline, a missing follow-up form.

Each reminder's key names its registration (or occurrence and participant) and its step,
so rerunning the daily job, or a beat that ran twice, never sends one twice. A step is
"the nearest reminder still ahead" rather than an exact day, so a day the job did not run
is caught up the next day instead of being skipped.

Who gets the deadline reminder: officials who took part in an earlier occurrence of the
same program (a seat-holding registration) and have not registered for this one. People who
already registered have nothing left to do before the deadline, and writing to every
account would be spam; alumni are the ones a reminder actually helps.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from notifications.services import notification_queue
from programs.models import DatePrecision
from workshops.models import Occurrence

from .models import Participant, Registration, holding_seat_q
from .selectors import registrations_missing_travel

S = Registration.Status


def _step(days_left, steps):
    """The smallest step (in days) that is still >= days_left, e.g. 5 days left with (1, 7) -> 7."""
    for step in sorted(steps):
        if days_left <= step:
            return step
    return None


def _queue_for_registration(registration, *, kind, step, days_left, template):
    participant = registration.participant
    return notification_queue(
        key=f"reminder:{kind}:{registration.pk}:{step}d",
        template=template,
        recipient=participant.email,
        language=participant.preferred_language,
        context={"registration_id": registration.pk, "days_left": days_left},
    )


def _dated_soon(today, horizon_days):
    return Q(
        occurrence__is_cancelled=False,
        occurrence__date_precision=DatePrecision.DAY,
        occurrence__start_date__gt=today,
        occurrence__start_date__lte=today + datetime.timedelta(days=horizon_days),
    )


def _remind(registrations, *, today, kind, steps, template):
    count = 0
    for registration in registrations.select_related("participant", "occurrence"):
        days_left = (registration.occurrence.start_date - today).days
        _queue_for_registration(
            registration,
            kind=kind,
            step=_step(days_left, steps),
            days_left=days_left,
            template=template,
        )
        count += 1
    return count


def reminders_occurrence_start(*, today):
    registrations = Registration.objects.filter(_dated_soon(today, 7), status=S.ACCEPTED)
    return _remind(registrations, today=today, kind="start", steps=(1, 7), template="reminder_occurrence_start")


def reminders_followup(*, today):
    """Accepted officials who have not sent their travel details (selectors.registrations_missing_travel).

    With a due date set on the occurrence: once a week before it and once from that day on
    (the step "due0" is caught up on any later day until the start). Without one: three weeks
    and three days before the start.
    """
    missing = registrations_missing_travel().filter(
        occurrence__is_cancelled=False, occurrence__date_precision=DatePrecision.DAY
    )
    count = _remind(
        missing.filter(_dated_soon(today, 21), occurrence__travel_details_due__isnull=True),
        today=today,
        kind="followup",
        steps=(3, 21),
        template="reminder_followup",
    )
    due_soon = missing.filter(
        occurrence__start_date__gt=today,
        occurrence__travel_details_due__lte=today + datetime.timedelta(days=7),
    ).select_related("participant", "occurrence")
    for registration in due_soon:
        days_to_due = (registration.occurrence.travel_details_due - today).days
        _queue_for_registration(
            registration,
            kind="followup",
            step="due0" if days_to_due <= 0 else "due7",
            days_left=(registration.occurrence.start_date - today).days,
            template="reminder_followup",
        )
        count += 1
    return count


def reminders_registration_deadline(*, today):
    now = timezone.now()
    occurrences = (
        Occurrence.objects.open_for_registration(now)
        .filter(registration_closes_at__lte=now + datetime.timedelta(days=7))
        .select_related("program")
    )
    count = 0
    for occurrence in occurrences:
        days_left = max((timezone.localdate(occurrence.registration_closes_at) - today).days, 0)
        step = _step(days_left, (1, 7))
        alumni = (
            # One filter() call: the seat and the program are those of the same registration.
            Participant.objects.filter(
                holding_seat_q("registrations"), registrations__occurrence__program=occurrence.program_id
            )
            .exclude(registrations__occurrence=occurrence)
            .not_anonymised()
            .admitted_to(occurrence.program)
            .distinct()
        )
        for participant in alumni:
            notification_queue(
                key=f"reminder:deadline:{occurrence.pk}:{participant.pk}:{step}d",
                template="reminder_registration_deadline",
                recipient=participant.email,
                language=participant.preferred_language,
                context={"occurrence_id": occurrence.pk, "participant_id": participant.pk, "days_left": days_left},
            )
            count += 1
    return count


def reminders_queue(*, today=None):
    """Queue every reminder due today; returns how many were considered per kind."""
    today = today or timezone.localdate()
    return {
        "start": reminders_occurrence_start(today=today),
        "deadline": reminders_registration_deadline(today=today),
        "followup": reminders_followup(today=today),
    }
