"""Reads of allocations, focal points and nominations shared by the focal point's page, the
staff overview and the reminders."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from participants.models import HOLDS_SEAT, Registration
from participants.selectors import registrations_missing_travel
from workshops.models import CountryQuota

from .models import FocalPoint, Nomination, NominationEvent

S = Registration.Status
ACTIVE = Nomination.Status.ACTIVE


def _grant_q(focal_point, today, prefix=""):
    """The allocations one grant reaches: its party's, in its occurrence or the program's future ones."""
    if focal_point.organization_id:
        party = Q(**{f"{prefix}organization_id": focal_point.organization_id})
    else:
        party = Q(**{f"{prefix}country": focal_point.country, f"{prefix}organization__isnull": True})
    if focal_point.occurrence_id:
        scope = Q(**{f"{prefix}occurrence_id": focal_point.occurrence_id})
    else:
        scope = Q(**{f"{prefix}occurrence__program_id": focal_point.program_id}) & (
            Q(**{f"{prefix}occurrence__start_date__gte": today})
            | Q(**{f"{prefix}occurrence__start_date__isnull": True})
        )
    return party & scope


def focal_points_of(user):
    """The active grants of a signed-in official: those made to their verified address."""
    if not user.is_authenticated or not user.email_verified_at:
        return FocalPoint.objects.none()
    return FocalPoint.objects.filter(email__iexact=user.email, is_active=True)


def allocations_of_focal_point(user, *, today=None):
    """The seat allocations the user may nominate into; any other allocation is not theirs (404)."""
    today = today or timezone.localdate()
    condition = Q(pk__in=[])
    for focal_point in focal_points_of(user):
        condition |= _grant_q(focal_point, today)
    return (
        CountryQuota.objects.filter(condition)
        .select_related("occurrence__program", "organization")
        .order_by("occurrence__start_date", "occurrence_id", "pk")
    )


def focal_points_for_allocation(allocation, *, today=None):
    """The active grants that reach this allocation (whom its reminders go to)."""
    today = today or timezone.localdate()
    return [
        fp
        for fp in FocalPoint.objects.filter(is_active=True).filter(
            Q(occurrence_id=allocation.occurrence_id) | Q(program_id=allocation.occurrence.program_id)
        )
        if CountryQuota.objects.filter(_grant_q(fp, today), pk=allocation.pk).exists()
    ]


def allocation_nominations(allocation=None, *, occurrence_id=None):
    """The nominations of one allocation (or of every allocation of an occurrence), current ones
    first, with registration status and history, in a fixed number of queries."""
    condition = {"allocation": allocation} if allocation is not None else {"allocation__occurrence_id": occurrence_id}
    return (
        Nomination.objects.filter(**condition)
        .select_related("registration", "replaces", "replaced_by")
        .prefetch_related(Prefetch("events", queryset=NominationEvent.objects.select_related("by")))
        .order_by("status", "nominated_at", "pk")
    )


def allocation_figures(*, occurrence_id):
    """Per allocation of the occurrence: seats, nominated, registered, accepted, missing letters and
    missing travel details; a fixed number of queries whatever the number of allocations."""
    active = Q(nominations__status=ACTIVE)
    allocations = (
        CountryQuota.objects.filter(occurrence_id=occurrence_id)
        .select_related("organization", "occurrence__program")
        .annotate(
            nominated=Count("nominations", filter=active, distinct=True),
            registered=Count("nominations", filter=active & Q(nominations__registration__isnull=False), distinct=True),
            accepted=Count(
                "nominations",
                filter=active & Q(nominations__registration__status__in=HOLDS_SEAT),
                distinct=True,
            ),
            missing_letters=Count("nominations", filter=active & Q(nominations__letter=""), distinct=True),
        )
        .order_by("country", "organization__name", "pk")
    )
    travel = dict(
        registrations_missing_travel(
            Registration.objects.filter(
                occurrence_id=occurrence_id, allocation__isnull=False, nomination__status=ACTIVE
            )
        )
        .values("allocation")
        .annotate(n=Count("pk"))
        .values_list("allocation", "n")
    )
    rows = []
    for allocation in allocations:
        rows.append(
            {
                "allocation": allocation,
                "party": allocation.party_name,
                "seats": allocation.seats,
                "nominated": allocation.nominated,
                "open_seats": allocation.seats - allocation.nominated,
                "registered": allocation.registered,
                "accepted": allocation.accepted,
                "missing_letters": allocation.missing_letters,
                "missing_travel": travel.get(allocation.pk, 0),
            }
        )
    return rows
