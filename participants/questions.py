"""The program's own questions on the registration form, and whether it asks for travel details.

Answers are stored in Registration.answers as plain JSON (dates as ISO strings). The key
"language" is the one participants.eligibility checks against Program.languages.
"""

import contextlib
import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from formats.dates import date_long
from formats.languages import LANGUAGE_NAMES as ALL_LANGUAGE_NAMES
from formats.languages import language_name as formats_language_name
from programs.models import Program

K = Program.Kind

# The languages an official may speak or a program may work in (Program.languages,
# Participant.languages); their names come from formats.languages, the one table.
LANGUAGE_NAMES = {code: name for code, name in ALL_LANGUAGE_NAMES.items() if code not in {"zh-hans", "zh-hant"}}

LANGUAGE_LABELS = {
    K.CONTEST: _("Contest language"),
    K.TRAINING: _("Training language (English or Korean)"),
}

# Programs held in person, where arrival and diet matter for the host.
ARRIVAL_KINDS = {K.WORKSHOP, K.CONFERENCE}
DIETARY_KINDS = {K.WORKSHOP, K.CONFERENCE, K.EVENT, K.FORUM, K.TRAINING, K.EXCHANGE}
# Programs whose accepted participants travel and must send their travel plans.
FOLLOWUP_KINDS = {K.WORKSHOP, K.CONFERENCE, K.EVENT, K.FORUM, K.TRAINING, K.EXCHANGE, K.OVERSEAS_TRAINING}

DIETARY_MAX = 300


def language_name(code):
    return formats_language_name(code)


# What each answer key is called where no one program's form is at hand (a roster across programs).
ANSWER_LABELS = {
    "language": _("Working language"),
    "arrival_date": _("Planned arrival date"),
    "dietary_needs": _("Dietary needs"),
}


def answer_label(key):
    """The label of an answer key; an unknown key (an older question) is shown as it is stored."""
    return ANSWER_LABELS.get(key, key)


def answer_value(key, value):
    """An answer as a person reads it: a language by its name, a date as a date."""
    if key == "language" and isinstance(value, str):
        return str(language_name(value))
    if key.endswith("_date") and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def question_fields(occurrence):
    """Form fields for this occurrence's program questions, in display order."""
    program = occurrence.program
    fields = {}
    if program.languages:
        fields["language"] = forms.ChoiceField(
            label=LANGUAGE_LABELS.get(program.kind, _("Working language")),
            choices=[("", "---------")] + [(code, language_name(code)) for code in program.languages],
            help_text=_("The program runs in these languages; choose the one you will use."),
        )
    if program.kind in ARRIVAL_KINDS:
        fields["arrival_date"] = forms.DateField(
            label=_("Planned arrival date"),
            required=occurrence.start_date is not None,
            widget=forms.DateInput(attrs={"type": "date"}),
        )
    if program.kind in DIETARY_KINDS:
        fields["dietary_needs"] = forms.CharField(
            label=_("Dietary needs"),
            required=False,
            max_length=DIETARY_MAX,
            help_text=_("For example vegetarian, halal, or allergies. Leave empty if none."),
        )
    return fields


def clean_answers(occurrence, data):
    """Errors for answers that do not fit the occurrence: {field: message}."""
    errors = {}
    arrival = data.get("arrival_date")
    if arrival and occurrence.start_date:
        earliest = occurrence.start_date - datetime.timedelta(days=7)
        latest = occurrence.end_date or occurrence.start_date
        if not earliest <= arrival <= latest:
            errors["arrival_date"] = _("Please choose a date between %(earliest)s and %(latest)s.") % {
                "earliest": earliest.isoformat(),
                "latest": latest.isoformat(),
            }
    return errors


def answers_to_json(data):
    return {
        key: value.isoformat() if isinstance(value, datetime.date) else value
        for key, value in data.items()
        if value not in (None, "")
    }


def answers_for_display(occurrence, answers):
    """[(label, value)] of a registration's answers, for the official's own pages."""
    fields = question_fields(occurrence)
    rows = []
    for key, value in answers.items():
        field = fields.get(key)
        label = field.label if field else key
        if key == "language":
            value = language_name(value)
        elif isinstance(field, forms.DateField) and isinstance(value, str):
            # Stored as ISO (answers_to_json); shown in the page's one date form, not "2028-05-19".
            with contextlib.suppress(ValueError):
                value = date_long(datetime.date.fromisoformat(value))
        rows.append((label, value))
    return rows


def asks_followup(program):
    return program.kind in FOLLOWUP_KINDS
