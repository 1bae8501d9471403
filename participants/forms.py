import datetime
import re
import unicodedata

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from formats.dates import date_long
from workshops.public_cache import public_version

from .form_cache import questions_key
from .models import Participant, PassportDetails, TravelDetails
from .questionnaire import (
    LANGUAGE_NAMES,
    answer_to_json,
    date_window,
    form_sections_versioned,
    phone_is_valid,
    question_field,
    raw_values,
    stored_as_posted,
    visible_keys,
)
from .self_service import PROFILE_FIELDS, TRAVEL_FIELDS
from .widgets import use_fast_widgets


def _is_romanized(value):
    """Latin letters (accents allowed, as in Vietnamese), spaces, hyphens, apostrophes and dots."""
    for char in value:
        if char in " -'.’":
            continue
        if not char.isalpha() or not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


def _same():
    return ""


class _CrispyForm:
    """Our templates draw the <form> tag and the buttons; crispy draws the fields and their errors."""

    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class ProfileForm(_CrispyForm, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        choices=list(LANGUAGE_NAMES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    admin_level = forms.TypedChoiceField(
        label=_("Administrative level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Not applicable"))] + [(str(n), str(n)) for n in range(1, 10)],
        help_text=_("Korean civil service grade, 1 (highest) to 9. Some programs accept only certain levels."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for emails"),
        choices=settings.LANGUAGES,
    )

    class Meta:
        model = Participant
        fields = list(PROFILE_FIELDS)
        help_texts = {
            "family_name_native": _("As written in your own script, e.g. 김 or 王."),
            "family_name": _("In Latin letters, as in your passport."),
            "organization": _("Leave empty if your organization is not listed, and name it under department."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()
        for name in ("family_name", "given_name"):
            self.fields[name].widget.attrs["autocomplete"] = "family-name" if name == "family_name" else "given-name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["organization"].queryset = self.fields["organization"].queryset.order_by("name")
        use_fast_widgets(self)
        # The country names change only with the language; organizations with the public version,
        # which every edit of an organization replaces (workshops/public_cache.py).
        self.fields["country"].widget.render_key = _same
        self.fields["organization"].widget.render_key = public_version

    def _clean_romanized(self, name):
        value = " ".join(self.cleaned_data[name].split())
        if not _is_romanized(value):
            raise forms.ValidationError(
                _("Please write this name in Latin letters, as in your passport."), code="script"
            )
        return value

    def clean_family_name(self):
        return self._clean_romanized("family_name")

    def clean_given_name(self):
        return self._clean_romanized("given_name")

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not phone_is_valid(phone):
            raise forms.ValidationError(
                _("Please enter a phone number with its country code, e.g. +82 2 1234 5678."), code="phone"
            )
        return phone


class RegistrationForm(_CrispyForm, forms.Form):
    """The program's questions (its QuestionSet, participants.questionnaire) and the consent; the
    profile part is a ProfileForm on the same page. `answers` and `files` are an earlier
    registration's (registering again, or the official editing their answers): a file already
    given need not be uploaded again."""

    consent = forms.BooleanField(
        label=_("I consent to the processing of my personal data for this registration."),
        error_messages={"required": _("Please consent to the processing of your personal data to register.")},
    )

    def __init__(
        self, data=None, files=None, *, occurrence, answers=None, stored_files=(), ask_consent=True, category=None, **kw
    ):
        kw.setdefault("initial", stored_as_posted(answers))
        super().__init__(data, files, **kw)
        self._helper()
        self.occurrence = occurrence
        self.stored_files = set(stored_files)
        consent = self.fields.pop("consent")
        self.category = category
        self.forms_version, self.sections = form_sections_versioned(occurrence, category)
        self.questions = {q.key: q for _section, questions in self.sections for q in questions}
        for key, question in self.questions.items():
            self.fields[key] = question_field(question, occurrence)
            if key in self.stored_files:
                self.fields[key].required = False
        if ask_consent:
            self.fields["consent"] = consent
            self.fields["consent"].help_text = consent_text(occurrence)
        self.question_names = list(self.questions)
        # Which questions are asked: from what is posted, else from the stored answers.
        self.visible = visible_keys(
            self.sections, data if data is not None else self.initial, files, stored_files=self.stored_files
        )
        for key in self.questions:
            if key not in self.visible:
                self.fields[key].required = False
        use_fast_widgets(self)

    @property
    def questions_cache_key(self):
        """The key under which register.html keeps the questions as drawn, or None when they are drawn
        with what this official posted or answered before (never kept: personal, and shown once)."""
        if self.is_bound or self.initial or self.stored_files:
            return None
        return questions_key(
            version=self.forms_version,
            occurrence=self.occurrence,
            category=self.category,
            program_languages=self.occurrence.program.languages,
        )

    @property
    def questions_cache_seconds(self):
        return settings.PUBLIC_CACHE_SECONDS

    def bound_sections(self):
        """[(section, [bound field])] for the template, with the conditions the page script reads."""
        return [(section, [self[q.key] for q in questions]) for section, questions in self.sections if questions]

    def clean(self):
        cleaned = super().clean()
        for key, question in self.questions.items():
            if key not in self.visible:
                # What was posted, not the cleaned value (a file field falls back to the file kept).
                if raw_values(self.data, self.files, question):
                    # A hidden question's answer can only be forged: the page disables hidden fields.
                    self.add_error(key, _("This question is not asked with your answers above; leave it empty."))
                continue
            window = date_window(question, self.occurrence) if question.kind == question.Kind.DATE else None
            value = cleaned.get(key)
            if window and value and not window[0] <= value <= window[1]:
                self.add_error(
                    key,
                    _("Please choose a date between %(earliest)s and %(latest)s.")
                    % {"earliest": date_long(window[0]), "latest": date_long(window[1])},
                )
            if question.kind == question.Kind.PHONE and value and not phone_is_valid(value):
                self.add_error(key, _("Please enter a phone number with its country code, e.g. +82 2 1234 5678."))
        return cleaned

    def answers(self):
        """The answers to store: the questions asked and answered, as JSON values (files by name;
        a file kept from before keeps its stored name)."""
        stored = {}
        for key, question in self.questions.items():
            if key not in self.visible:
                continue
            value = self.cleaned_data.get(key)
            if question.kind == question.Kind.FILE and not hasattr(value, "read"):
                # No new file: the name of the one kept from before, if any.
                value = (self.initial or {}).get(key) if key in self.stored_files else None
            else:
                value = answer_to_json(question, value)
            if value is not None:
                stored[key] = value
        return stored

    def uploads(self):
        """{key: uploaded file} of the file questions answered with a new file."""
        return {
            key: self.cleaned_data[key]
            for key, question in self.questions.items()
            if key in self.visible
            and question.kind == question.Kind.FILE
            and hasattr(self.cleaned_data.get(key), "read")
        }


def retention_period():
    """How long personal data are kept, as the retention purge applies it (PERSONAL_DATA_RETENTION_DAYS):
    "5 years" for whole years of 365 days, else in days."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS
    if days >= 365 and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


def consent_text(occurrence):
    host = ", ".join(str(h) for h in occurrence.hosts.all()) or str(_("the host organizations"))
    return _(
        "Purpose: to process your registration for %(occurrence)s, to organize the program with %(host)s "
        "(seating, travel, certificates) and to send you notices about it. Your data are kept for %(period)s "
        'after the program ends and then deleted. You can withdraw at any time on "My registrations".'
    ) % {"occurrence": occurrence.title, "host": host, "period": retention_period()}


# How far from the occurrence an official may arrive or leave: a visit around it, not a holiday.
TRAVEL_WINDOW_DAYS = 14


class TravelDetailsForm(_CrispyForm, forms.ModelForm):
    """The travel details an accepted official sends on "My registrations"."""

    class Meta:
        model = TravelDetails
        fields = list(TRAVEL_FIELDS)
        widgets = {
            "arrival_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "departure_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "arrival_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "departure_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "arrival_date": _("Arrival date"),
            "arrival_time": _("Arrival time (local)"),
            "arrival_number": _("Arrival flight or train number"),
            "arrival_place": _("Arrival airport or station"),
            "pickup_needed": _("Please meet me at the airport or station"),
            "departure_date": _("Departure date"),
            "departure_time": _("Departure time (local)"),
            "departure_number": _("Departure flight or train number"),
            "departure_place": _("Departure airport or station"),
            "accommodation": _("Accommodation"),
            "emergency_name": _("Emergency contact: name"),
            "emergency_relation": _("Emergency contact: relation to you"),
            "emergency_phone": _("Emergency contact: phone"),
            "diet": _("Diet"),
            "diet_notes": _("Dietary needs and allergies"),
            "accessibility_needs": _("Accessibility needs"),
            "notes": _("Other needs or notes"),
        }
        help_texts = {
            "arrival_number": _("e.g. KE 852 or KTX 101. Leave empty if you come by road."),
            "arrival_place": _("e.g. Incheon Airport Terminal 1 or Seoul Station."),
            "emergency_relation": _("e.g. spouse, parent, colleague."),
            "accessibility_needs": _("e.g. wheelchair access, a ground-floor room."),
        }

    def __init__(self, *args, occurrence, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()
        self.occurrence = occurrence
        for name in ("arrival_date", "departure_date", "accommodation", "emergency_name", "emergency_phone"):
            self.fields[name].required = True
        self.fields["diet"].choices = TravelDetails.Diet.choices
        self.fields["accommodation"].choices = [("", "---------"), *TravelDetails.Accommodation.choices]
        self.fields["emergency_phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        use_fast_widgets(self)

    def clean_emergency_phone(self):
        phone = self.cleaned_data["emergency_phone"].strip()
        if phone and not phone_is_valid(phone):
            raise forms.ValidationError(
                _("Please enter a phone number with its country code, e.g. +82 2 1234 5678."), code="phone"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        arrival, departure = cleaned.get("arrival_date"), cleaned.get("departure_date")
        if arrival and departure:
            if departure < arrival:
                self.add_error("departure_date", _("The departure date cannot be before the arrival date."))
            elif (
                departure == arrival
                and cleaned.get("arrival_time")
                and cleaned.get("departure_time")
                and cleaned["departure_time"] <= cleaned["arrival_time"]
            ):
                self.add_error("departure_time", _("On the same day, the departure must be after the arrival."))
        self._clean_near_occurrence(arrival, departure)
        if cleaned.get("pickup_needed"):
            for name in ("arrival_time", "arrival_place"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("To be met on arrival, tell us when and where you arrive."))
        if cleaned.get("diet") == TravelDetails.Diet.OTHER and not cleaned.get("diet_notes"):
            self.add_error("diet_notes", _("Please describe your diet."))
        return cleaned

    def _clean_near_occurrence(self, arrival, departure):
        start = self.occurrence.start_date
        if start is None:
            return
        end = self.occurrence.end_date or start
        earliest = start - datetime.timedelta(days=TRAVEL_WINDOW_DAYS)
        latest = end + datetime.timedelta(days=TRAVEL_WINDOW_DAYS)
        dates = {"earliest": date_long(earliest), "latest": date_long(latest)}
        if arrival and arrival > end:
            self.add_error(
                "arrival_date", _("You would arrive after the program ends (%(date)s).") % {"date": date_long(end)}
            )
        elif arrival and arrival < earliest:
            self.add_error("arrival_date", _("Please choose a date between %(earliest)s and %(latest)s.") % dates)
        if departure and departure < start:
            self.add_error(
                "departure_date",
                _("You would leave before the program starts (%(date)s).") % {"date": date_long(start)},
            )
        elif departure and departure > latest:
            self.add_error("departure_date", _("Please choose a date between %(earliest)s and %(latest)s.") % dates)


class PassportForm(_CrispyForm, forms.ModelForm):
    class Meta:
        model = PassportDetails
        fields = ("full_name", "nationality", "number", "expires_on")
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, occurrence, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()
        self.occurrence = occurrence

    def clean_full_name(self):
        value = " ".join(self.cleaned_data["full_name"].split())
        if not _is_romanized(value):
            raise forms.ValidationError(_("Write the name in Latin letters, as on the passport's photo page."))
        return value.upper()

    def clean_number(self):
        value = self.cleaned_data["number"].replace(" ", "").upper()
        if not re.fullmatch(r"[A-Z0-9]{5,20}", value):
            raise forms.ValidationError(_("A passport number has 5 to 20 letters and digits."))
        return value

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        end = self.occurrence.end_date or self.occurrence.start_date
        if end and value <= end:
            raise forms.ValidationError(
                _("The passport expires before the program ends (%(date)s); a visa needs a valid passport.")
                % {"date": end.isoformat()}
            )
        return value
