"""The notices participants sends: registration outcomes and the daily reminders."""

from notifications.registry import context_loader, notice_kinds

notice_kinds(
    "registration_received",
    "registration_accepted",
    "registration_waitlisted",
    "registration_rejected",
    "registration_cancelled",
    "registration_withdrawn",
    "registration_promoted",
    "reminder_occurrence_start",
    "reminder_registration_deadline",
    "reminder_followup",
    app="participants",
)


@context_loader("registration_id")
def _registration(registration_id):
    from .models import Registration

    registration = Registration.objects.select_related("participant", "occurrence__program", "category").get(
        pk=registration_id
    )
    return {
        "registration": registration,
        "participant": registration.participant,
        "occurrence": registration.occurrence,
        "program": registration.occurrence.program,
    }


@context_loader("occurrence_id")
def _occurrence(occurrence_id):
    from workshops.models import Occurrence

    occurrence = Occurrence.objects.select_related("program").get(pk=occurrence_id)
    return {"occurrence": occurrence, "program": occurrence.program}


@context_loader("participant_id")
def _participant(participant_id):
    from .models import Participant

    return {"participant": Participant.objects.get(pk=participant_id)}
