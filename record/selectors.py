"""The public record's reads: program history and participation counts with no personal data.

A figure is the recorded one where the sources give it for an occurrence and country (the 7th CJK
workshop: China 35, Japan 15, Korea 38), otherwise the portal's registrations holding a seat. A
count taken from registrations below SMALL_COUNT for one country in one occurrence is suppressed
("<3"): with so few people, a country and a year can name them. Sums keep the suppression honest:
they show a lower bound ("≥40") instead of a number from which the hidden cell could be worked out.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q
from django.utils.translation import pgettext

from cohorts.models import ExchangeCohort
from formats.languages import country_name
from participants.models import Registration
from programs.models import Agreement, AgreementSignatory, Program
from workshops.models import Occurrence, RecordedParticipation

SMALL_COUNT = 3


@dataclass(frozen=True)
class Figure:
    """A count as published: `known` people shown exactly plus `hidden` suppressed cells (each 1 or 2)."""

    known: int = 0
    hidden: int = 0

    def __add__(self, other):
        return Figure(self.known + other.known, self.hidden + other.hidden)

    @property
    def lower_bound(self):
        return self.known + self.hidden

    def __str__(self):
        if not self.hidden:
            return str(self.known)
        if self.hidden == 1 and self.known == 0:
            return f"<{SMALL_COUNT}"
        return f"≥{self.lower_bound}"


def figure_of(count, *, recorded):
    if not recorded and 0 < count < SMALL_COUNT:
        return Figure(0, 1)
    return Figure(count, 0)


def public_programs():
    return Program.objects.filter(is_active=True).order_by("name")


def program_history(*, program):
    """A program's occurrences, numbered editions first, TBD ones included (date_display says so)."""
    return (
        Occurrence.objects.filter(program=program, is_sample=False)
        .order_by(F("number").asc(nulls_last=True), F("start_date").asc(nulls_last=True), "year", "pk")
        .prefetch_related("hosts")
    )


@dataclass
class OccurrenceFigures:
    occurrence: Occurrence
    by_country: dict  # ISO code ("" for a figure not broken down) -> Figure

    @property
    def year(self):
        o = self.occurrence
        return o.year or (o.start_date.year if o.start_date else None)

    @property
    def total(self):
        return sum(self.by_country.values(), Figure())


def participation(*, program=None):
    """[OccurrenceFigures] of the real (not sample) occurrences that have a figure, in program and date order."""
    occurrences = Occurrence.objects.filter(is_sample=False, is_cancelled=False).select_related("program")
    if program is not None:
        occurrences = occurrences.filter(program=program)
    occurrences = {
        o.pk: o
        for o in occurrences.order_by(
            "program__name", F("year").asc(nulls_last=True), F("number").asc(nulls_last=True), "start_date", "pk"
        )
    }
    recorded = {
        (r["occurrence_id"], r["country"]): r["count"]
        for r in RecordedParticipation.objects.filter(occurrence_id__in=occurrences).values(
            "occurrence_id", "country", "count"
        )
    }
    registered = {
        (r["occurrence_id"], r["country"]): r["n"]
        for r in Registration.objects.filter(occurrence_id__in=occurrences, is_sample=False)
        .holding_seat()
        .values("occurrence_id", "country")
        .annotate(n=Count("pk"))
        .order_by()
    }
    cells = defaultdict(dict)
    for key in set(registered) | set(recorded):
        occurrence_id, country = key
        if key in recorded:
            cells[occurrence_id][country] = figure_of(recorded[key], recorded=True)
        else:
            cells[occurrence_id][country] = figure_of(registered[key], recorded=False)
    return [
        OccurrenceFigures(occurrence, dict(sorted(cells[pk].items())))
        for pk, occurrence in occurrences.items()
        if pk in cells
    ]


def countries_of(rows):
    """The countries in `rows`, by name in the reader's language; "" (not broken down) last."""
    codes = {code for row in rows for code in row.by_country}
    return sorted(codes, key=lambda code: (code == "", country_name(code) if code else ""))


def per_country_by_year(rows):
    """{year: {country: Figure}} summed over the occurrences of each year, years in order."""
    table = defaultdict(lambda: defaultdict(Figure))
    for row in rows:
        for country, figure in row.by_country.items():
            table[row.year][country] += figure
    return {year: dict(table[year]) for year in sorted(table, key=lambda y: (y is None, y or 0))}


def country_label(code):
    """A country's name in the reader's language, or what a figure not broken down by country is."""
    return country_name(code) if code else str(pgettext("country", "Not broken down"))


def public_agreements():
    return Agreement.objects.filter(is_public=True)


def agreements_matching(*, q="", kind="", country="", countries=(), organization=None, year=None):
    """The public agreements matching the registry's filters, each party once, newest first."""
    agreements = public_agreements()
    if q:
        agreements = agreements.filter(
            Q(title__icontains=q)
            | Q(title_en__icontains=q)
            | Q(parties__name__icontains=q)
            | Q(parties__name_en__icontains=q)
            | Q(parties__name_native__icontains=q)
        )
    if kind:
        agreements = agreements.filter(kind=kind)
    if country:
        agreements = agreements.filter(parties__country=country)
    if countries:
        agreements = agreements.filter(parties__country__in=countries)
    if organization is not None:
        agreements = agreements.filter(parties=organization)
    if year:
        agreements = agreements.filter(signed_on__year=year)
    return (
        public_agreements()
        .filter(pk__in=agreements.values("pk"))
        .prefetch_related("parties")
        .order_by(F("signed_on").desc(nulls_last=True), "title")
    )


def agreement_for_page(*, slug):
    return (
        public_agreements()
        .select_related("builds_on", "program")
        .prefetch_related(
            "parties",
            Prefetch("signatories", queryset=AgreementSignatory.objects.select_related("organization")),
            Prefetch(
                "cohorts",
                queryset=ExchangeCohort.objects.select_related("sending", "receiving", "occurrence").order_by("year"),
            ),
            Prefetch("follow_ups", queryset=public_agreements()),
        )
        .get(slug=slug)
    )
