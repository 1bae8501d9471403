"""Who sees which meetings: a focal point those of their delegations, staff those of the
occurrences they manage; anything else is not theirs (404)."""

from django.db.models import Q

from delegations.models import Nomination
from delegations.selectors import allocations_of_focal_point
from workshops.selectors import occurrences_visible_to

from .models import Meeting

RELATED = (
    "occurrence__program",
    "requester__organization",
    "counterpart__organization",
    "requester_head",
    "counterpart_head",
    "room",
)


def meetings_of_focal_point(user):
    allocations = allocations_of_focal_point(user).values("pk")
    return (
        Meeting.objects.filter(Q(requester__in=allocations) | Q(counterpart__in=allocations))
        .select_related(*RELATED)
        .order_by("occurrence__start_date", "occurrence_id", "starts_at", "created_at", "pk")
    )


def user_manages_meetings(user, occurrence):
    return (
        user.is_authenticated
        and user.is_staff
        and user.has_perm("meetings.change_meeting")
        and occurrences_visible_to(user).filter(pk=occurrence.pk).exists()
    )


def occurrences_with_meetings_for_staff(user):
    if not (user.is_authenticated and user.is_staff and user.has_perm("meetings.change_meeting")):
        return occurrences_visible_to(user).none()
    return occurrences_visible_to(user).filter(meetings__isnull=False).distinct().order_by("-start_date", "pk")


def meeting_for(user, pk):
    """The meeting and the user's roles in it ({"requester", "counterpart", "staff"}), or None."""
    meeting = Meeting.objects.select_related(*RELATED).filter(pk=pk).first()
    if meeting is None:
        return None, set()
    roles = set()
    own = set(allocations_of_focal_point(user).values_list("pk", flat=True))
    if meeting.requester_id in own:
        roles.add("requester")
    if meeting.counterpart_id in own:
        roles.add("counterpart")
    if user_manages_meetings(user, meeting.occurrence):
        roles.add("staff")
    return (meeting, roles) if roles else (None, set())


def heads_of(allocation):
    """The persons who may head a delegation at a meeting: its current nominees."""
    return Nomination.objects.filter(allocation=allocation, status=Nomination.Status.ACTIVE).order_by(
        "family_name", "given_name", "pk"
    )
