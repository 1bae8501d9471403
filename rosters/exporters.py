"""Exporters: each turns a filter into a header row and a stream of data rows.

Modelled on pretix's exporters: a registered class with an identifier and a verbose name.
Renderers (renderers.py) turn any exporter into CSV or XLSX. Rows are plain Python values
(str, int, date, datetime, None) read with values_list, never model instances, so an
export of 100,000 rows costs no ORM object per row.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from formats.languages import country_name
from participants.models import Registration
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
]


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
            answers = [
                Column(f"{ANSWER_PREFIX}{key}", key, "answers", 20, kind="answer", extra={"key": key})
                for key in roster_answer_keys(self.queryset())
            ]
            self._available = REGISTRATION_COLUMNS + answers
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
                "status": {value: str(label) for value, label in Registration.Status.choices},
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
            key = column.extra["key"]
            return lambda answers: _answer_cell((answers or {}).get(key))
        return None

    def rows(self):
        qs = self.queryset().order_by("occurrence_id", "participant__family_name", "participant__given_name", "pk")
        columns = self.columns()
        lookups = self._lookups(qs)
        sources = list(dict.fromkeys(c.source for c in columns))
        plan = [(sources.index(c.source), self._converter(c, lookups)) for c in columns]
        if all(convert is None for _i, convert in plan) and [i for i, _c in plan] == list(range(len(sources))):
            yield from qs.values_list(*sources).iterator(chunk_size=5000)
            return
        for raw in qs.values_list(*sources).iterator(chunk_size=5000):
            yield [raw[i] if convert is None else convert(raw[i]) for i, convert in plan]


def _answer_cell(value):
    if value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
