"""Exporters: each turns a filter into a header row and a stream of data rows.

Modelled on pretix's exporters: a registered class with an identifier and a verbose name.
Renderers (renderers.py) turn any exporter into CSV or XLSX. Rows are plain Python values
(str, int, date, datetime, None) read with values_list, never model instances, so an
export of 100,000 rows costs no ORM object per row.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from formats.languages import country_name
from participants.models import ParticipantCategory, Registration, TravelDetails, holding_seat_q
from participants.questionnaire import LANGUAGE_NAMES, answer_label_lazy, answer_value, questions_for_occurrences
from programs.models import Organization
from workshops.models import Occurrence

from .selectors import roster_answer_keys, roster_registrations

EXPORTERS = {}


def register(cls):
    EXPORTERS[cls.identifier] = cls
    return cls


def get_exporter(identifier):
    return EXPORTERS[identifier]


@dataclass(frozen=True)
class Column:
    key: str
    label: object
    source: str
    width: int = 16
    personal: bool = False
    default: bool = True
    kind: str = "plain"  # how the raw value becomes a cell: plain, country, organization, ...
    extra: dict = field(default_factory=dict, hash=False, compare=False)


ANSWER_PREFIX = "answer:"

REGISTRATION_COLUMNS = [
    Column("registration", pgettext_lazy("roster column", "Registration no."), "pk", 10),
    Column("family_name", pgettext_lazy("roster column", "Family name (romanized)"), "participant__family_name", 18),
    Column("given_name", pgettext_lazy("roster column", "Given name (romanized)"), "participant__given_name", 18),
    Column(
        "family_name_native",
        pgettext_lazy("roster column", "Family name (native script)"),
        "participant__family_name_native",
        14,
    ),
    Column(
        "given_name_native",
        pgettext_lazy("roster column", "Given name (native script)"),
        "participant__given_name_native",
        14,
    ),
    Column("country", pgettext_lazy("roster column", "Country"), "country", 18, kind="country"),
    Column(
        "organization",
        pgettext_lazy("roster column", "Organization"),
        "participant__organization_id",
        30,
        kind="organization",
    ),
    Column("department", pgettext_lazy("roster column", "Department"), "participant__department", 24),
    Column("position", pgettext_lazy("roster column", "Position"), "participant__position", 22),
    Column("admin_level", pgettext_lazy("roster column", "Administrative level"), "participant__admin_level", 10),
    Column("email", pgettext_lazy("roster column", "Email"), "participant__email", 28, personal=True),
    Column("phone", pgettext_lazy("roster column", "Phone"), "participant__phone", 16, personal=True, default=False),
    Column("occurrence", pgettext_lazy("roster column", "Occurrence"), "occurrence_id", 30, kind="occurrence"),
    Column("start_date", pgettext_lazy("roster column", "Start date"), "occurrence__start_date", 12),
    # Chosen by default only for occurrences with participant categories (RegistrationRosterExporter).
    Column("category", pgettext_lazy("roster column", "Category"), "category_id", 18, kind="category", default=False),
    Column("status", pgettext_lazy("roster column", "Status"), "status", 14, kind="status"),
    Column("submitted_at", pgettext_lazy("roster column", "Submitted"), "submitted_at", 17, kind="datetime"),
    Column("decided_at", pgettext_lazy("roster column", "Decided"), "decided_at", 17, kind="datetime"),
    Column(
        "consent_given_at",
        pgettext_lazy("roster column", "Consent given"),
        "consent_given_at",
        17,
        kind="datetime",
        personal=True,
        default=False,
    ),
    Column("note", pgettext_lazy("roster column", "Staff note"), "note", 30, default=False),
    Column(
        "preferred_language",
        pgettext_lazy("roster column", "Language for emails"),
        "participant__preferred_language",
        14,
        kind="site_language",
        default=False,
    ),
    Column(
        "languages",
        pgettext_lazy("roster column", "Languages spoken"),
        "participant__languages",
        20,
        kind="languages",
        default=False,
    ),
    # Passport details exist only where the program issues visa letters; never exported unless chosen.
    Column(
        "passport_name",
        pgettext_lazy("roster column", "Name as in the passport"),
        "participant__passport__full_name",
        24,
        personal=True,
        default=False,
    ),
    Column(
        "passport_nationality",
        pgettext_lazy("roster column", "Nationality (passport)"),
        "participant__passport__nationality",
        18,
        kind="country",
        personal=True,
        default=False,
    ),
    Column(
        "passport_number",
        pgettext_lazy("roster column", "Passport number"),
        "participant__passport__number",
        14,
        personal=True,
        default=False,
    ),
    Column(
        "passport_expiry",
        pgettext_lazy("roster column", "Passport expiry date"),
        "participant__passport__expires_on",
        12,
        personal=True,
        default=False,
    ),
]


def _travel(key, label, source, width=16, kind="plain", personal=False):
    return Column(key, label, source, width, personal=personal, default=False, kind=kind)


# Travel and logistics (participants.models.TravelDetails), offered in the column chooser and
# used by the arrivals, rooming and dietary lists below.
TRAVEL_COLUMNS = [
    _travel("arrival_date", pgettext_lazy("roster column", "Arrival date"), "travel__arrival_date", 12),
    _travel("arrival_time", pgettext_lazy("roster column", "Arrival time"), "travel__arrival_time", 8, "time"),
    _travel("arrival_number", pgettext_lazy("roster column", "Arrival flight or train"), "travel__arrival_number"),
    _travel("arrival_place", pgettext_lazy("roster column", "Arrival airport or station"), "travel__arrival_place", 22),
    _travel("pickup_needed", pgettext_lazy("roster column", "Pickup"), "travel__pickup_needed", 8, "yes_no"),
    _travel("departure_date", pgettext_lazy("roster column", "Departure date"), "travel__departure_date", 12),
    _travel("departure_time", pgettext_lazy("roster column", "Departure time"), "travel__departure_time", 8, "time"),
    _travel(
        "departure_number", pgettext_lazy("roster column", "Departure flight or train"), "travel__departure_number"
    ),
    _travel(
        "departure_place", pgettext_lazy("roster column", "Departure airport or station"), "travel__departure_place", 22
    ),
    _travel(
        "accommodation", pgettext_lazy("roster column", "Accommodation"), "travel__accommodation", 24, "accommodation"
    ),
    _travel("hotel", pgettext_lazy("roster column", "Hotel"), "travel__room__hotel__name", 24),
    _travel("room", pgettext_lazy("roster column", "Room"), "travel__room__number", 8),
    _travel("room_beds", pgettext_lazy("roster column", "Beds"), "travel__room__beds", 6),
    _travel(
        "emergency_name",
        pgettext_lazy("roster column", "Emergency contact"),
        "travel__emergency_name",
        20,
        personal=True,
    ),
    _travel(
        "emergency_relation",
        pgettext_lazy("roster column", "Emergency contact's relation"),
        "travel__emergency_relation",
        personal=True,
    ),
    _travel(
        "emergency_phone",
        pgettext_lazy("roster column", "Emergency contact's phone"),
        "travel__emergency_phone",
        18,
        personal=True,
    ),
    _travel("diet", pgettext_lazy("roster column", "Diet"), "travel__diet", 16, "diet"),
    _travel("diet_notes", pgettext_lazy("roster column", "Dietary needs and allergies"), "travel__diet_notes", 30),
    _travel(
        "accessibility_needs",
        pgettext_lazy("roster column", "Accessibility needs"),
        "travel__accessibility_needs",
        30,
        personal=True,
    ),
    _travel("travel_notes", pgettext_lazy("roster column", "Travel notes"), "travel__notes", 30),
    _travel(
        "travel_sent_at",
        pgettext_lazy("roster column", "Travel details sent"),
        "followup_completed_at",
        17,
        "datetime",
    ),
]
ALL_COLUMNS = {c.key: c for c in REGISTRATION_COLUMNS + TRAVEL_COLUMNS}


class Exporter:
    identifier = None
    verbose_name = None

    def __init__(self, *, user, filters, columns=None, language=None):
        self.user = user
        self.filters = filters
        self.language = language or settings.LANGUAGE_CODE
        self.selected = columns

    def available_columns(self):
        raise NotImplementedError

    def columns(self):
        available = self.available_columns()
        if not self.selected:
            return [c for c in available if c.default]
        by_key = {c.key: c for c in available}
        return [by_key[key] for key in self.selected if key in by_key]

    def header(self):
        # Date-times are written in the portal's time zone; the header says which ("Submitted (KST)"),
        # since staff abroad read the roster too.
        zone = timezone.localtime().tzname()
        with translation.override(self.language):
            return [f"{c.label} ({zone})" if c.kind == "datetime" else str(c.label) for c in self.columns()]

    def widths(self):
        return [max(c.width, min(len(h) + 2, 40)) for c, h in zip(self.columns(), self.header(), strict=True)]

    def count(self):
        raise NotImplementedError

    def rows(self):
        raise NotImplementedError


@register
class RegistrationRosterExporter(Exporter):
    identifier = "registrations"
    verbose_name = _("Registrations roster")

    def queryset(self):
        return roster_registrations(user=self.user, filters=self.filters)

    def available_columns(self):
        if not hasattr(self, "_available"):
            qs = self.queryset()
            questions = questions_for_occurrences(qs.order_by().values_list("occurrence_id", flat=True).distinct())
            # The question's label in the exporter's language (read when the header is written).
            answers = [
                Column(
                    f"{ANSWER_PREFIX}{key}",
                    answer_label_lazy(questions.get(key), key),
                    "answers",
                    20,
                    kind="answer",
                    personal=bool(questions.get(key) and questions[key].personal),
                    extra={"key": key, "question": questions.get(key)},
                )
                for key in roster_answer_keys(qs)
            ]
            registration_columns = REGISTRATION_COLUMNS
            if qs.filter(category__isnull=False).exists():
                registration_columns = [
                    replace(c, default=True) if c.key == "category" else c for c in registration_columns
                ]
            self._available = registration_columns + answers + TRAVEL_COLUMNS
        return self._available

    def count(self):
        return self.queryset().count()

    def _lookups(self, qs):
        """Names that are the same for many rows, read once and in the staff member's language."""
        with translation.override(self.language):
            org_ids = qs.order_by().values("participant__organization_id")
            occ_ids = qs.order_by().values("occurrence_id")
            return {
                "country": {code: country_name(code, self.language) for code, _name in countries},
                "organization": {o.pk: str(o.name) for o in Organization.objects.filter(pk__in=org_ids)},
                "occurrence": {o.pk: str(o.title) for o in Occurrence.objects.filter(pk__in=occ_ids)},
                "category": {c.pk: str(c.name) for c in ParticipantCategory.objects.filter(occurrence_id__in=occ_ids)},
                "status": {value: str(label) for value, label in Registration.Status.choices},
                "accommodation": {value: str(label) for value, label in TravelDetails.Accommodation.choices},
                "diet": {value: str(label) for value, label in TravelDetails.Diet.choices if value},
                "site_language": {code: str(name) for code, name in settings.LANGUAGES},
                "yes_no": {True: str(_("Yes")), False: str(_("No"))},
                "language_names": {code: str(name) for code, name in LANGUAGE_NAMES.items()},
            }

    def _converter(self, column, lookups):
        kind = column.kind
        if kind in lookups:
            table = lookups[kind]
            return lambda value: table.get(value, value)
        if kind == "datetime":
            zone = timezone.get_current_timezone()
            return lambda value: value.astimezone(zone).replace(tzinfo=None) if value is not None else None
        if kind == "answer":
            key, question = column.extra["key"], column.extra["question"]
            yes_no, language = lookups["yes_no"], self.language
            return lambda answers: _answer_cell(question, key, (answers or {}).get(key), yes_no, language)
        if kind == "languages":
            names = lookups["language_names"]
            return lambda codes: ", ".join(names.get(code, code) for code in codes or []) or None
        if kind == "time":
            return lambda value: value.strftime("%H:%M") if value is not None else None
        return None

    ordering = ("occurrence_id", "participant__family_name", "participant__given_name", "pk")

    def rows(self):
        qs = self.queryset().order_by(*self.ordering)
        columns = self.columns()
        lookups = self._lookups(qs)
        sources = list(dict.fromkeys(c.source for c in columns))
        plan = [(sources.index(c.source), self._converter(c, lookups)) for c in columns]
        if all(convert is None for _i, convert in plan) and [i for i, _c in plan] == list(range(len(sources))):
            yield from qs.values_list(*sources).iterator(chunk_size=5000)
            return
        for raw in qs.values_list(*sources).iterator(chunk_size=5000):
            yield [raw[i] if convert is None else convert(raw[i]) for i, convert in plan]


def _answer_cell(question, key, value, yes_no, language):
    """An answer as a cell: a date stays a date, yes or no, and otherwise as the official's page
    shows it (choice labels, language and country names) in the exporter's language."""
    if isinstance(value, bool):
        return yes_no[value]
    is_date = key.endswith("_date") or (question is not None and question.kind == question.Kind.DATE)
    if is_date and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if value is not None:
        with translation.override(language):
            value = answer_value(question, value, key)
    if value is None or isinstance(value, (str, int, float, datetime.date)):
        return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _columns(*keys):
    return [ALL_COLUMNS[key] for key in keys]


class LogisticsExporter(RegistrationRosterExporter):
    """A fixed list for the hosts' logistics, of the officials who hold a seat. `group_by` names the
    column the on-screen list is grouped by (rosters.views.logistics_list)."""

    fixed_columns = ()
    group_by = None

    def available_columns(self):
        return [replace(c, default=True) for c in _columns(*self.fixed_columns)]

    def queryset(self):
        return super().queryset().filter(holding_seat_q())


NAMES = ("family_name", "given_name", "family_name_native", "given_name_native", "country")


@register
class ArrivalsExporter(LogisticsExporter):
    identifier = "arrivals"
    verbose_name = _("Arrivals")
    group_by = "arrival_date"
    fixed_columns = (
        "arrival_date",
        "arrival_time",
        "arrival_number",
        "arrival_place",
        *NAMES,
        "pickup_needed",
        "hotel",
        "departure_date",
        "departure_time",
        "departure_number",
    )
    ordering = ("travel__arrival_date", "travel__arrival_time", "participant__family_name", "pk")

    def queryset(self):
        return super().queryset().filter(travel__arrival_date__isnull=False)


@register
class RoomingExporter(LogisticsExporter):
    identifier = "rooming"
    verbose_name = _("Rooming list")
    group_by = "hotel"
    fixed_columns = (
        "hotel",
        "room",
        "room_beds",
        *NAMES,
        "arrival_date",
        "departure_date",
        "accessibility_needs",
    )
    ordering = ("travel__room__hotel__name", "travel__room__number", "participant__family_name", "pk")

    def queryset(self):
        qs = super().queryset().filter(travel__room__isnull=False)
        if self.filters.get("hotel"):
            qs = qs.filter(travel__room__hotel_id=self.filters["hotel"])
        return qs


@register
class DietaryExporter(LogisticsExporter):
    identifier = "dietary"
    verbose_name = _("Dietary and accessibility needs")
    fixed_columns = (*NAMES, "diet", "diet_notes", "accessibility_needs")

    def queryset(self):
        return (
            super()
            .queryset()
            .filter(travel__isnull=False)
            .exclude(Q(travel__diet="") & Q(travel__diet_notes="") & Q(travel__accessibility_needs=""))
        )
