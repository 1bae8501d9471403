"""What a staff member may see and manage: the programs their organization hosts or co-hosts.

Superusers see everything; staff with no organization see nothing. Every admin queryset,
export and report filters through these functions, so the rule lives in one place.
"""

from django.db.models import Q

from .models import Organization, Program


def organizations_of(user):
    """The user's organization and the organizations under it (an institute under its province)."""
    if not user.is_authenticated or user.organization_id is None:
        return Organization.objects.none()
    ids, frontier = {user.organization_id}, [user.organization_id]
    while frontier:
        frontier = list(
            Organization.objects.filter(parent_id__in=frontier).exclude(pk__in=ids).values_list("pk", flat=True)
        )
        ids.update(frontier)
    return Organization.objects.filter(pk__in=ids)


def programs_visible_to(user):
    if user.is_superuser:
        return Program.objects.all()
    return Program.objects.filter(hosts__in=organizations_of(user)).distinct()


def occurrences_visible_to(user):
    from workshops.models import Occurrence

    if user.is_superuser:
        return Occurrence.objects.all()
    orgs = organizations_of(user)
    return Occurrence.objects.filter(Q(program__hosts__in=orgs) | Q(hosts__in=orgs)).distinct()


def registrations_visible_to(user):
    from participants.models import Registration

    if user.is_superuser:
        return Registration.objects.all()
    return Registration.objects.filter(occurrence__in=occurrences_visible_to(user).values("pk"))
