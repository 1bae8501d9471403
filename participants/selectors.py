"""Reads of participants and registrations that pages, admins, exports and reports share."""

from programs.models import Program
from workshops.selectors import occurrences_visible_to

from .models import Registration

K = Program.Kind
# Programs whose accepted participants travel and must send their travel plans.
FOLLOWUP_KINDS = {K.WORKSHOP, K.CONFERENCE, K.EVENT, K.FORUM, K.TRAINING, K.EXCHANGE, K.OVERSEAS_TRAINING}


def asks_followup(program):
    return program.kind in FOLLOWUP_KINDS


def registrations_visible_to(user):
    """The registrations of the occurrences a staff member manages (programs.access)."""
    if user.is_superuser:
        return Registration.objects.all()
    return Registration.objects.filter(occurrence__in=occurrences_visible_to(user).values("pk"))


def registrations_missing_travel(queryset=None):
    """Accepted registrations, in programs that ask for travel details, whose official has not sent
    them yet: the one answer for the reminders and for staff overviews. Narrow it by passing a
    queryset (e.g. registrations_visible_to(user).filter(occurrence=...))."""
    queryset = Registration.objects.all() if queryset is None else queryset
    return queryset.filter(
        status=Registration.Status.ACCEPTED,
        followup_completed_at__isnull=True,
        occurrence__program__kind__in=sorted(FOLLOWUP_KINDS),
    )
