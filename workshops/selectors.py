"""Reads of programs and occurrences shared by pages, exports and reports."""

from django.db.models import F, Min, Prefetch, Q, Sum
from django.utils import timezone

from programs.access import organizations_of
from programs.models import Program

from .models import AgendaItem, Occurrence


def occurrences_visible_to(user):
    """The occurrences a staff member manages: of programs their organizations host, or co-hosted by them."""
    if user.is_superuser:
        return Occurrence.objects.all()
    orgs = organizations_of(user)
    return Occurrence.objects.filter(Q(program__hosts__in=orgs) | Q(hosts__in=orgs)).distinct()


def occurrence_ids_visible_to(user):
    """The ids of the occurrences a staff member manages, as a list read once per request.

    The admin scopes registrations and what hangs off them by it: a short list of numbers lets the
    database count and page through the occurrence index, where the subquery of
    `occurrences_visible_to` (programs, hosts, DISTINCT) is joined again into every count and page
    query. Remembered on the user object, which lives for one request (as organizations_of does)."""
    cached = getattr(user, "_occurrence_ids_cache", None)
    if cached is not None and cached[0] == user.organization_id:
        return cached[1]
    ids = list(occurrences_visible_to(user).order_by().values_list("pk", flat=True))
    user._occurrence_ids_cache = (user.organization_id, ids)
    return ids


def occurrences_open_for_registration(*, now=None):
    return (
        Occurrence.objects.open_for_registration(now)
        .select_related("program")
        .order_by("registration_closes_at", "start_date")
    )


def next_registration_change(*, now=None):
    """The next moment some occurrence's registration opens or closes (None: nothing scheduled)."""
    now = now or timezone.now()
    bounds = Occurrence.objects.filter(is_cancelled=False).aggregate(
        opens=Min("registration_opens_at", filter=Q(registration_opens_at__gt=now)),
        closes=Min("registration_closes_at", filter=Q(registration_closes_at__gt=now)),
    )
    upcoming = [moment for moment in bounds.values() if moment is not None]
    return min(upcoming) if upcoming else None


def occurrences_upcoming(*, today=None):
    """Occurrences from today on, and undated ones (TBD) planned for this year or later or for no
    stated year: "2022 (TBD)" is not coming up in 2026."""
    today = today or timezone.localdate()
    undated = Q(start_date__isnull=True) & (Q(year__isnull=True) | Q(year__gte=today.year))
    return (
        Occurrence.objects.filter(is_cancelled=False)
        .filter(Q(start_date__gte=today) | undated)
        .select_related("program")
        .order_by("start_date", "year")
    )


def programs_by_kind():
    """Active programs grouped by kind: [(kind label, [programs])]."""
    groups = {}
    for program in Program.objects.filter(is_active=True).order_by("kind", "name"):
        groups.setdefault(program.get_kind_display(), []).append(program)
    return list(groups.items())


def program_occurrences(*, program):
    return (
        program.occurrences.all()
        .annotate(recorded_total=Sum("recorded_participation__count"))
        # Numbered editions in order (NULLs last on every database), then unnumbered runs by date.
        .order_by(F("number").asc(nulls_last=True), F("start_date").asc(nulls_last=True), "year")
    )


def occurrence_for_page(*, slug):
    return (
        Occurrence.objects.select_related("program")
        .prefetch_related(
            "hosts",
            "quotas",
            "delegations",
            "recorded_participation",
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("day", "order", "starts_at")),
        )
        .get(slug=slug)
    )
