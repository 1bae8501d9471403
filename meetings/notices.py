"""The notice meetings sends: a meeting requested, accepted, moved, declined or cancelled, to the
focal points of both delegations, each in their language."""

from notifications.registry import context_loader, notice_kinds

notice_kinds("meeting_changed", app="meetings")


@context_loader("meeting_id")
def _meeting(meeting_id):
    from .models import Meeting

    meeting = Meeting.objects.select_related(
        "occurrence__program",
        "requester__organization",
        "counterpart__organization",
        "requester_head",
        "counterpart_head",
        "room",
    ).get(pk=meeting_id)
    from django.utils import timezone

    from .models import occurrence_time_zone
    from .times import slot_text

    when = ""
    if meeting.starts_at:
        with timezone.override(occurrence_time_zone(meeting.occurrence)):
            when = slot_text(meeting.starts_at, meeting.ends_at)
    return {"meeting": meeting, "occurrence": meeting.occurrence, "when": when}
