"""Participation figures for the statistics workbook and the staff digest.

One row per occurrence and country. "Participants" is the recorded figure where the
sources give one for that occurrence and country (past editions, e.g. the 7th CJK workshop),
otherwise the registrations that hold a seat (accepted, attended, no-show, completed).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from formats.languages import country_name
from participants.models import ParticipantCategory, Registration, holding_seat_q
from participants.selectors import registrations_visible_to
from workshops.models import Occurrence, RecordedParticipation
from workshops.selectors import occurrences_visible_to


@dataclass
class ParticipationRow:
    program: str
    occurrence: str
    edition: int | None
    year: int | None
    country: str  # ISO code, "" when the figure is not broken down by country
    registered: int
    recorded: int | None

    @property
    def participants(self):
        return self.recorded if self.recorded is not None else self.registered

    @property
    def country_name(self):
        return country_name(self.country) if self.country else ""


def participation_rows(*, user):
    """Every (occurrence, country) with a figure, among the occurrences `user` may see.

    Demo rows flagged `is_sample` are no real event or person, so statistics leave them out."""
    occurrences = {
        o.pk: o
        for o in occurrences_visible_to(user)
        .filter(is_sample=False)
        .select_related("program")
        .order_by("program__name", "year", "number", "pk")
    }
    registered = {
        (r["occurrence_id"], r["country"]): r["n"]
        for r in Registration.objects.filter(occurrence_id__in=occurrences, is_sample=False)
        .holding_seat()
        .values("occurrence_id", "country")
        .annotate(n=Count("pk"))
    }
    recorded = {
        (r.occurrence_id, str(r.country)): r.count
        for r in RecordedParticipation.objects.filter(occurrence_id__in=occurrences)
    }
    order = {pk: i for i, pk in enumerate(occurrences)}
    rows = []
    for occurrence_id, country in sorted(set(registered) | set(recorded), key=lambda k: (order[k[0]], k[1])):
        occurrence = occurrences[occurrence_id]
        rows.append(
            ParticipationRow(
                program=occurrence.program.name,
                occurrence=occurrence.title,
                edition=occurrence.number,
                year=occurrence.year or (occurrence.start_date.year if occurrence.start_date else None),
                country=country,
                registered=registered.get((occurrence_id, country), 0),
                recorded=recorded.get((occurrence_id, country)),
            )
        )
    return rows


@dataclass
class CategoryRow:
    program: str
    occurrence: str
    category: str
    seats: int | None
    registered: int  # registrations in the category, withdrawn ones left out
    seat_holders: int


def category_rows(*, user):
    """Every participant category of the occurrences `user` may see, with its counts (sample rows left out)."""
    categories = (
        ParticipantCategory.objects.filter(
            occurrence__in=occurrences_visible_to(user).filter(is_sample=False).values("pk")
        )
        .select_related("occurrence__program")
        .annotate(
            registered=Count(
                "registrations",
                filter=Q(registrations__is_sample=False) & ~Q(registrations__status=Registration.Status.WITHDRAWN),
            ),
            seat_holders=Count(
                "registrations",
                filter=holding_seat_q("registrations") & Q(registrations__is_sample=False),
            ),
        )
        .order_by("occurrence__program__name", "occurrence__year", "occurrence__number", "occurrence_id", "order", "pk")
    )
    return [
        CategoryRow(
            program=c.occurrence.program.name,
            occurrence=c.occurrence.title,
            category=c.name,
            seats=c.capacity,
            registered=c.registered,
            seat_holders=c.seat_holders,
        )
        for c in categories
    ]


def _per_occurrence(registrations):
    counts = dict(registrations.values_list("occurrence_id").annotate(n=Count("pk")).order_by())
    occurrences = Occurrence.objects.filter(pk__in=counts).order_by("start_date", "pk")
    return sorted(((o, counts[o.pk]) for o in occurrences), key=lambda pair: -pair[1])


def digest_for(*, user, now=None, days=7, soon_days=14):
    """What a staff member's weekly digest shows, within their scope: [(occurrence, count)] lists."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    registrations = registrations_visible_to(user)
    new = _per_occurrence(registrations.filter(submitted_at__gte=now - datetime.timedelta(days=days)))
    starting = (
        occurrences_visible_to(user)
        .filter(is_cancelled=False, start_date__gte=today, start_date__lte=today + datetime.timedelta(days=soon_days))
        .annotate(seat_holders=Count("registrations", filter=holding_seat_q("registrations")))
        .order_by("start_date", "pk")
    )
    return {
        "new_registrations": new,
        "new_total": sum(n for _o, n in new),
        "waitlists": _per_occurrence(registrations.filter(status=Registration.Status.WAITLISTED)),
        "starting_soon": list(starting),
    }
