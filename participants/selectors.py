"""Reads of participants and registrations that pages, admins, exports and reports share."""

from workshops.selectors import occurrences_visible_to

from .models import Registration
from .questions import FOLLOWUP_KINDS


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
