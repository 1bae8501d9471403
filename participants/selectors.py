"""Reads of participants and registrations that pages, admins, exports and reports share."""

from workshops.selectors import occurrences_visible_to

from .models import Registration


def registrations_visible_to(user):
    """The registrations of the occurrences a staff member manages (programs.access)."""
    if user.is_superuser:
        return Registration.objects.all()
    return Registration.objects.filter(occurrence__in=occurrences_visible_to(user).values("pk"))
