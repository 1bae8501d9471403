"""django-import-export resources: the delegate-list import.

The delegate list is checked row by row before anything is written: each row either creates
a registration, updates the one with the same email and occurrence, or is refused with its
reasons. The columns are read here; what a row does is participants.services.registration_import
(the program's rules, seats and quotas under the seat locks, the status history). Rows never
become "accepted": seats are only given by staff review.

The preview is the confirm, rolled back: django-import-export runs a dry run inside a transaction
that it rolls back at the end, and the confirm runs the same rows through the same code and the
same service in a transaction that commits only when no row is refused (import_data). So a row
refused in the preview is refused at the confirm with the same message, and if the occurrence
changed in between (a seat taken), the confirm refuses it and saves nothing.
"""

import datetime
import io

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import fields, resources
from import_export.results import RowResult

from formats.languages import portal_language_code
from jobs.xlsx import write_xlsx
from participants.errors import RegistrationError
from participants.models import Participant, Registration
from participants.questionnaire import answer_from_text, answers_for_display, questions_by_key
from participants.services import DELEGATE_PROFILE_FIELDS, DelegateBatch, registration_import
from programs.models import Organization
from workshops.selectors import occurrences_visible_to

# "language" (the delegate's email language, DELEGATE_PROFILE_FIELDS' preferred_language) is a code
# or a name ("ja", "zh-hant", "Japanese", "日本語"); empty means the language of their country.
IMPORT_HEADERS = [
    "email",
    *(name for name in DELEGATE_PROFILE_FIELDS if name != "preferred_language"),
    "language",
    "occurrence",
    "consent_date",
]
REQUIRED_HEADERS = ["email", "family_name", "given_name", "country", "occurrence"]
# An answer to a question of the occurrence's form: a column "answer:<key>" (the export's key).
ANSWER_PREFIX = "answer:"
PROFILE_FIELDS = [
    "family_name",
    "given_name",
    "family_name_native",
    "given_name_native",
    "department",
    "position",
    "phone",
]


class ImportHeadersError(ValueError):
    pass


def normalise_headers(headers):
    return [str(h or "").strip().lower().replace(" ", "_").replace("answer:_", ANSWER_PREFIX) for h in headers]


def header_problems(headers):
    """A message naming missing and unknown columns, or None when the headers are the template's."""
    present = [h for h in normalise_headers(headers) if h]
    missing = [h for h in REQUIRED_HEADERS if h not in present]
    unknown = [h for h in present if h not in IMPORT_HEADERS and not (h.startswith(ANSWER_PREFIX) and h[7:])]
    if not missing and not unknown:
        return None
    parts = []
    if missing:
        parts.append(_("missing: %(columns)s") % {"columns": ", ".join(missing)})
    if unknown:
        parts.append(_("unknown: %(columns)s") % {"columns": ", ".join(unknown)})
    return _("The columns are not those of the delegate-list template (%(problems)s).") % {"problems": "; ".join(parts)}


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    return datetime.date.fromisoformat(text)


class _Field(fields.Field):
    """A column that the resource reads itself (import_instance), so the library never sets it."""

    def __init__(self, name):
        super().__init__(column_name=name, attribute=None, readonly=False)


class DelegateListResource(resources.ModelResource):
    email = _Field("email")
    family_name = _Field("family_name")
    given_name = _Field("given_name")
    family_name_native = _Field("family_name_native")
    given_name_native = _Field("given_name_native")
    country = _Field("country")
    organization = _Field("organization")
    department = _Field("department")
    position = _Field("position")
    admin_level = _Field("admin_level")
    phone = _Field("phone")
    language = _Field("language")
    occurrence = _Field("occurrence")
    consent_date = _Field("consent_date")

    class Meta:
        model = Registration
        fields = IMPORT_HEADERS
        import_id_fields = ("email", "occurrence")
        use_transactions = True
        skip_unchanged = False
        # The preview shows what the service did (save_instance), not the library's diff of the
        # instance, which cost a deep copy and two exports of every row.
        skip_diff = True
        name = "Delegate list"

    # --- the whole file -------------------------------------------------------------
    def import_data(self, dataset, **kwargs):
        # All or nothing: one refused row rolls back the rest, also at the confirm step.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user")
        if self.user is None:
            raise ImportHeadersError("A delegate list is imported by a staff member (user=...).")
        dataset.headers = normalise_headers(dataset.headers or [])
        problem = header_problems(dataset.headers)
        if problem:
            raise ImportHeadersError(problem)
        self._occurrences = {}
        for occ in occurrences_visible_to(self.user):
            self._occurrences[str(occ.pk)] = occ
            self._occurrences[occ.slug.lower()] = occ
        self._organizations = {}
        for org in Organization.objects.all():
            names = [org.slug, org.acronym, org.name_native] + [
                getattr(org, f"name_{code}", "") for code in ("en", "ko", "ja", "zh_hans")
            ]
            for name in names:
                if name:
                    self._organizations.setdefault(name.strip().lower(), org)
        self._seen = {}
        self._questions = {}  # occurrence id -> {key: question}
        self._rows = {}  # row number -> what the preview shows (name, values written, changes)
        self._country_codes = {code for code, _name in countries}
        self._country_names = {}
        # Rows of several occurrences are imported in one transaction: take all their seat locks
        # first, in id order, as every seat decision across occurrences does (participants.services),
        # then lock and read at once the delegates the list names and their registrations (a 10,000-row
        # list read them row by row: 16 queries a row).
        named = {self._occurrences.get(_text(value).lower()) for value in dataset["occurrence"]}
        self._batch = DelegateBatch(
            occurrence_ids=[occ.pk for occ in named if occ is not None],
            emails=[_text(value) for value in dataset["email"]],
            by=self.user,
        )
        self._saved = {}  # row number -> (instance, registration): what the batch writes at the end

    # --- one row --------------------------------------------------------------------
    def _parse(self, row, number):
        values = {name: row.get(name) for name in IMPORT_HEADERS}
        parsed, errors = {}, {}
        for name in REQUIRED_HEADERS:
            if not _text(values[name]):
                errors.setdefault(name, []).append(_("This required field is empty."))
        email = _text(values["email"]).lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.setdefault("email", []).append(_("“%(value)s” is not a valid email address.") % {"value": email})
        parsed["email"] = email
        for name in ["email", *PROFILE_FIELDS]:
            parsed[name] = _text(values[name]) if name != "email" else email
            limit = Participant._meta.get_field(name).max_length
            if len(parsed[name]) > limit:
                # Refused here, so staff read which cell is too long instead of a database error.
                errors.setdefault(name, []).append(
                    _("At most %(limit)s characters (this one has %(length)s).")
                    % {"limit": limit, "length": len(parsed[name])}
                )
        country = _text(values["country"])
        if country:
            code = self._country_code(country)
            if not code:
                errors.setdefault("country", []).append(_("Unknown country “%(value)s”.") % {"value": country})
            parsed["country"] = code
        organization = _text(values["organization"])
        parsed["organization"] = None
        if organization:
            parsed["organization"] = self._organizations.get(organization.lower())
            if parsed["organization"] is None:
                errors.setdefault("organization", []).append(
                    _("Unknown organization “%(value)s”.") % {"value": organization}
                )
        occurrence = _text(values["occurrence"])
        parsed["occurrence"] = self._occurrences.get(occurrence.lower()) if occurrence else None
        if occurrence and parsed["occurrence"] is None:
            # Also for an occurrence of another organization: its existence is not revealed.
            errors.setdefault("occurrence", []).append(_("Unknown occurrence “%(value)s”.") % {"value": occurrence})
        language = _text(values["language"])
        parsed["preferred_language"] = portal_language_code(language) if language else None
        if language and parsed["preferred_language"] is None:
            errors.setdefault("language", []).append(
                _("Unknown language “%(value)s”; write one of %(codes)s.")
                % {"value": language, "codes": ", ".join(code for code, _name in settings.LANGUAGES)}
            )
        level = _text(values["admin_level"])
        parsed["admin_level"] = None
        if level:
            # isdigit() alone also accepts "²", which int() refuses.
            if level.isascii() and level.isdigit() and 1 <= int(level) <= 9:
                parsed["admin_level"] = int(level)
            else:
                errors.setdefault("admin_level", []).append(_("The administrative level must be a number from 1 to 9."))
        parsed["consent_date"] = None
        if _text(values["consent_date"]):
            try:
                parsed["consent_date"] = _parse_date(values["consent_date"])
            except ValueError:
                errors.setdefault("consent_date", []).append(
                    _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": _text(values["consent_date"])}
                )
        parsed["answers"] = self._parse_answers(row, parsed["occurrence"], errors)
        if email and parsed["occurrence"] is not None:
            key = (email, parsed["occurrence"].pk)
            if key in self._seen:
                errors.setdefault("email", []).append(
                    _("Duplicate of row %(row)s (same email and occurrence).") % {"row": self._seen[key]}
                )
            else:
                self._seen[key] = number
        return parsed, errors

    def _country_code(self, text):
        """The code of a country written as its code or its name (each name looked up once a list)."""
        if text.upper() in self._country_codes:
            return text.upper()
        if text not in self._country_names:
            self._country_names[text] = countries.by_name(text)
        return self._country_names[text]

    def _questions_of(self, occurrence):
        """questions_by_key(occurrence), read once per occurrence of the list."""
        if occurrence.pk not in self._questions:
            self._questions[occurrence.pk] = questions_by_key(occurrence)
        return self._questions[occurrence.pk]

    def _parse_answers(self, row, occurrence, errors):
        """{key: answer} of the row's answer:<key> cells, checked as the registration form checks them."""
        answers = {}
        columns = [name for name in row if str(name).startswith(ANSWER_PREFIX)]
        if not columns or occurrence is None:
            return answers
        questions = self._questions_of(occurrence)
        for column in columns:
            text = _text(row.get(column))
            if not text:
                continue
            question = questions.get(column[len(ANSWER_PREFIX) :])
            if question is None or not question.active:
                errors.setdefault(column, []).append(_("The occurrence's form asks no such question."))
                continue
            try:
                answers[question.key] = answer_from_text(question, occurrence, text)
            except ValidationError as error:
                errors.setdefault(column, []).extend(error.messages)
        return answers

    def before_import_row(self, row, **kwargs):
        self._row_number = kwargs.get("row_number")
        self._current = self._parse(row, self._row_number)
        self._created = None
        self._rows[self._row_number] = {
            "name": _row_name(row),
            "email": _text(row.get("email")).lower(),
            "values": [],
            "changes": [],
        }

    def get_instance(self, instance_loader, row):
        parsed, errors = self._current
        if not parsed["email"] or parsed["occurrence"] is None:
            return None
        # What the row finds is also what the preview compares the import with (save_instance).
        registration = self._batch.registration(email=parsed["email"], occurrence_id=parsed["occurrence"].pk)
        return registration

    def import_instance(self, instance, row, **kwargs):
        parsed, errors = self._current
        instance._delegate = parsed
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        # The preview (dry run) comes here too, inside the transaction the library rolls back.
        data = instance._delegate
        consent_given_at = None
        if data["consent_date"] is not None:
            consent_given_at = timezone.make_aware(datetime.datetime.combine(data["consent_date"], datetime.time()))
        profile = {name: data[name] for name in PROFILE_FIELDS}
        profile.update(
            country=data["country"],
            organization=data["organization"],
            admin_level=data["admin_level"],
            preferred_language=data["preferred_language"],
        )
        questions = self._questions_of(data["occurrence"])
        before = _snapshot(None if is_create else instance, questions)
        try:
            registration, created = registration_import(
                occurrence=data["occurrence"],
                email=data["email"],
                profile=profile,
                consent_given_at=consent_given_at,
                by=self.user,
                answers=data["answers"],
                batch=self._batch,
            )
        except RegistrationError as refused:
            # A refused row, listed with its reason like the column checks' (nothing of it was saved).
            raise ValidationError({NON_FIELD_ERRORS: [refused.message]}) from refused
        # The row reports what the service did (after_import_row), and shows the saved registration.
        self._created = created
        after = _snapshot(registration, questions)
        entry = self._rows[self._row_number]
        if before is None:
            entry["values"] = [(label, value) for label, value in after.values() if value]
        else:
            entry["changes"] = [
                (label, before.get(key, (label, ""))[1], value)
                for key, (label, value) in after.items()
                if before.get(key, (label, ""))[1] != value
            ]
        for name in ("id", "participant", "occurrence", "status", "country", "consent_given_at", "submitted_at"):
            setattr(instance, name, getattr(registration, name))
        instance._state.adding = False
        self._saved[self._row_number] = (instance, registration)

    # Called with the number of rows done every PROGRESS_EVERY rows (the import job's progress bar).
    on_progress = None
    PROGRESS_EVERY = 100

    def after_import_row(self, row, row_result, **kwargs):
        if self.on_progress is not None and (self._row_number or 0) % self.PROGRESS_EVERY == 0:
            self.on_progress(self._row_number)
        if self._created is not None:
            if self._created:
                row_result.import_type = RowResult.IMPORT_TYPE_NEW
            elif self._rows[self._row_number]["changes"]:
                row_result.import_type = RowResult.IMPORT_TYPE_UPDATE
            else:
                # Imported again with the same values: nothing is written, and the preview says so.
                row_result.import_type = RowResult.IMPORT_TYPE_SKIP

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.delegate_rows = self._rows
        if result.has_errors() or result.has_validation_errors():
            return  # the library rolls the whole list back: nothing to write
        # Every row that passed is written now, the preview's too (its transaction is rolled back),
        # so a row the database would refuse fails the preview as it would fail the import. A failure
        # here is the list's (Result.base_errors), and the library rolls it back whole.
        self._batch.save()
        for instance, registration in self._saved.values():
            instance.id = registration.id
            instance.submitted_at = registration.submitted_at
        for number, row in enumerate(result.rows, 1):
            if number in self._saved:
                row.object_id = self._saved[number][1].pk

    # --- what the preview shows -----------------------------------------------------------
    def _value(self, obj, name):
        data = getattr(obj, "_delegate", None)
        if data is not None:
            value = data.get("preferred_language" if name == "language" else name)
        elif obj.participant_id and name == "language":
            value = obj.participant.preferred_language
        elif obj.participant_id and name != "occurrence" and name != "consent_date":
            value = getattr(obj.participant, name, "")
        else:
            value = {"occurrence": getattr(obj, "occurrence", None), "consent_date": obj.consent_given_at}.get(name)
        return "" if value is None else str(value)

    def export_field(self, field, instance, **kwargs):
        return self._value(instance, field.column_name)


def _row_name(row):
    """The delegate's name as the list writes it, for every row of the preview, refused ones too."""
    family, given = _text(row.get("family_name")), _text(row.get("given_name"))
    native = _text(row.get("family_name_native")) + _text(row.get("given_name_native"))
    romanized = " ".join(part for part in (family.upper(), given) if part)
    if romanized and native:
        return f"{romanized} ({native})"
    return romanized or native


def _snapshot(registration, questions):
    """{key: (label, shown value)} of what an import writes, or None without a registration;
    `questions` are those of the registration's occurrence (questions_by_key)."""
    if registration is None:
        return None
    participant = registration.participant
    values = {}
    for name in DELEGATE_PROFILE_FIELDS:
        field = Participant._meta.get_field(name)
        value = getattr(participant, name)
        if name == "country":
            value = participant.country.name if participant.country else ""
        values[name] = (str(field.verbose_name), "" if value is None else str(value))
    values["occurrence"] = (str(Registration._meta.get_field("occurrence").verbose_name), str(registration.occurrence))
    consent = registration.consent_given_at
    values["consent_date"] = (
        str(Registration._meta.get_field("consent_given_at").verbose_name),
        timezone.localtime(consent).date().isoformat() if consent else "",
    )
    for key, label, value, _is_file in answers_for_display(
        registration.occurrence, registration.answers, questions=questions
    ):
        values[ANSWER_PREFIX + key] = (str(label), str(value))
    return values


def dry_run_report(result):
    """Row by row: what an import would do, as (row number, action, reasons)."""
    report = []
    invalid = {row.number: row for row in result.invalid_rows}
    errors = dict(result.row_errors())
    for number, row in enumerate(result.rows, 1):
        if number in invalid:
            reasons = [str(m) for messages in invalid[number].error_dict.values() for m in messages]
            report.append((number, "refused", reasons))
        elif number in errors:
            report.append((number, "refused", [str(e.error) for e in errors[number]]))
        else:
            report.append(
                (number, "unchanged" if row.import_type == RowResult.IMPORT_TYPE_SKIP else row.import_type, [])
            )
    return report


def delegate_list_template(fmt):
    buffer = io.BytesIO()
    if fmt == "xlsx":
        write_xlsx(buffer, IMPORT_HEADERS, [], widths=[18] * len(IMPORT_HEADERS), sheet_name="Delegates")
    else:
        buffer.write(("\ufeff" + ",".join(IMPORT_HEADERS) + "\r\n").encode())
    buffer.seek(0)
    return buffer
