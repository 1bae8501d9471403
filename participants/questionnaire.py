"""A registration form's questions as Django form fields, their conditions, and answers as people read them.

The form of an occurrence is its own QuestionSet, else its program's (participants/form_models.py).
A question or section with a condition is asked only when the earlier answer it names has the
given value: the page shows and hides it (static/participants/conditions.js, from the
data-show-when attributes drawn here) and `visible_keys` decides the same on the server, from
the same posted values, so an answer to a question that is not asked is refused.
"""

import datetime
import decimal
import re

from django import forms
from django.conf import settings
from django.db.models import Case, Q, When
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from formats.dates import date_long
from formats.languages import LANGUAGE_NAMES as ALL_LANGUAGE_NAMES
from formats.languages import country_name, language_name, portal_language_code
from workshops.models import Occurrence

from .form_cache import cached_form_sections
from .form_defaults import fixed_question_kinds
from .form_models import Question, QuestionSection, QuestionSet
from .uploads import FileAnswerField

K = Question.Kind

# The languages an official may speak or a program may work in (Program.languages,
# Participant.languages); their names come from formats.languages, the one table.
LANGUAGE_NAMES = {code: name for code, name in ALL_LANGUAGE_NAMES.items() if code not in {"zh-hans", "zh-hant"}}
PHONE_RE = re.compile(r"^\+?[0-9 ()\-.]{6,30}$")
YES, NO = "yes", "no"
FIXED = fixed_question_kinds()


def phone_is_valid(phone):
    return bool(PHONE_RE.match(phone)) and sum(c.isdigit() for c in phone) >= 6


def question_set_for(occurrence, category=None):
    """The participant category's own form, else the occurrence's own, else its program's, else None."""
    # One query: a form has exactly one owner (question_set_one_owner), so the category's comes
    # first, then the occurrence's, then the program's.
    owners = Q(occurrence_id=occurrence.pk) | Q(program_id=occurrence.program_id)
    rank = [When(occurrence_id=occurrence.pk, then=1)]
    if category is not None:
        owners |= Q(category_id=category.pk)
        rank.insert(0, When(category_id=category.pk, then=0))
    return QuestionSet.objects.filter(owners).order_by(Case(*rank, default=2), "id").first()


def form_sections(occurrence, category=None):
    """[(section, [question, ...])] asked on the occurrence's form (or its category's), in order (inactive
    questions left out)."""
    return form_sections_versioned(occurrence, category)[1]


def form_sections_versioned(occurrence, category=None):
    """(forms version, form_sections): kept in the cache under the forms version, which every edit of a
    form, section, question or choice replaces (participants.form_cache)."""
    return cached_form_sections(occurrence, category, _read_form_sections)


def _read_form_sections(occurrence, category):
    question_set = question_set_for(occurrence, category)
    if question_set is None:
        return []
    sections = list(QuestionSection.objects.filter(question_set=question_set).select_related("condition_question"))
    questions = (
        Question.objects.filter(section__in=sections, active=True)
        .select_related("condition_question")
        .prefetch_related("choices")
    )
    by_section = {}
    for question in questions:
        by_section.setdefault(question.section_id, []).append(question)
    return [(section, by_section.get(section.pk, [])) for section in sections]


def _choices(question, occurrence):
    if question.kind == K.LANGUAGE:
        codes = occurrence.program.languages or list(LANGUAGE_NAMES)
        return [(code, language_name(code)) for code in codes]
    if question.kind == K.COUNTRY:
        return list(countries)
    if question.kind == K.YES_NO:
        return [(YES, _("Yes")), (NO, _("No"))]
    return [(choice.value, choice.label) for choice in question.choices.all() if choice.active]


def date_window(question, occurrence):
    """(earliest, latest) a date answer may be, or None when the question or the occurrence has no dates."""
    start = occurrence.start_date
    if start is None or (question.days_before_start is None and question.days_after_end is None):
        return None
    end = occurrence.end_date or start
    earliest = start - datetime.timedelta(days=question.days_before_start or 0)
    latest = end + datetime.timedelta(days=question.days_after_end or 0)
    return earliest, latest


def _plain(number):
    """40 rather than 40.00 in a message ("less than or equal to 40")."""
    if number is None or number != number.to_integral_value():
        return number
    return int(number)


def question_field(question, occurrence):
    """The form field that asks `question`."""
    common = {"label": question.label, "help_text": question.help_text, "required": question.required}
    kind = question.kind
    if kind in (K.SHORT_TEXT, K.LONG_TEXT):
        widget = forms.Textarea(attrs={"rows": 4}) if kind == K.LONG_TEXT else forms.TextInput
        return forms.CharField(max_length=question.max_length, min_length=question.min_length, widget=widget, **common)
    if kind == K.EMAIL:
        return forms.EmailField(max_length=question.max_length or 254, **common)
    if kind == K.PHONE:
        return forms.CharField(
            max_length=40, widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}), **common
        )
    if kind == K.NUMBER:
        return forms.DecimalField(
            min_value=_plain(question.min_value),
            max_value=_plain(question.max_value),
            max_digits=14,
            decimal_places=2,
            **common,
        )
    if kind == K.DATE:
        if question.days_before_start is not None or question.days_after_end is not None:
            # Around the occurrence: asked as required only once the occurrence has its date.
            common["required"] = question.required and occurrence.start_date is not None
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
    if kind == K.FILE:
        return FileAnswerField(question=question, **common)
    choices = _choices(question, occurrence)
    if kind == K.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
    if kind == K.YES_NO:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == K.SINGLE_CHOICE and len(choices) <= 6:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.ChoiceField(choices=[("", "---------"), *choices], **common)


def raw_values(data, files, question):
    """The posted values of a question as strings (what a condition compares)."""
    if question.kind == K.FILE:
        return ["file"] if files is not None and files.get(question.key) else []
    if hasattr(data, "getlist"):
        values = data.getlist(question.key)
    else:
        value = data.get(question.key)
        values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if v not in (None, "")]


def _condition_met(item, visible, values):
    condition = item.condition_question
    if condition is None:
        return True
    if condition.key not in visible:
        return False
    return item.condition_value in values.get(condition.key, [])


def visible_keys(sections, data, files=None, stored_files=()):
    """The keys of the questions asked, given the posted (or stored) answers, in form order. A file
    question is answered by a new upload or by the file kept from before (`stored_files`, when the
    official edits a registration: a file input cannot be filled in again)."""
    visible, values = set(), {}
    for section, questions in sections:
        section_shown = _condition_met(section, visible, values)
        for question in questions:
            values[question.key] = raw_values(data, files, question)
            if question.kind == K.FILE and question.key in stored_files:
                values[question.key] = ["file"]
            if section_shown and _condition_met(question, visible, values):
                visible.add(question.key)
    return visible


def stored_as_posted(answers):
    """Stored answers as the form would post them (initial values; the conditions of an edit)."""
    posted = {}
    for key, value in (answers or {}).items():
        if isinstance(value, bool):
            posted[key] = YES if value else NO
        else:
            posted[key] = value
    return posted


def answer_to_json(question, value):
    """A cleaned value as stored in Registration.answers (None: not answered)."""
    if value in (None, "", []):
        return None
    if question.kind == K.YES_NO:
        return value == YES
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if question.kind == K.FILE:
        return value.name[:200]
    return value


# --- Answers as people read them -----------------------------------------------------


def questions_by_key(occurrence, category=None):
    """{key: question} of the occurrence's form (or its category's), asked or not any more (labels of older answers)."""
    question_set = question_set_for(occurrence, category)
    if question_set is None:
        return {}
    return {q.key: q for q in Question.objects.filter(section__question_set=question_set).prefetch_related("choices")}


def answer_value(question, value, key=None):
    """An answer as a person reads it: a choice by its label, a language by its name, a date as a date,
    yes or no; a value no question or choice explains any more as it is stored."""
    kind = question.kind if question is not None else FIXED.get(key, (None, ""))[0]
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return ", ".join(str(answer_value(question, item, key)) for item in value)
    if kind in (K.SINGLE_CHOICE, K.MULTIPLE_CHOICE):
        labels = {choice.value: choice.label for choice in question.choices.all()}
        return labels.get(value, value)
    if kind == K.LANGUAGE and isinstance(value, str):
        return str(language_name(value))
    if kind == K.COUNTRY and isinstance(value, str):
        return str(country_name(value) or value)
    if kind == K.DATE and isinstance(value, str):
        try:
            return date_long(datetime.date.fromisoformat(value))
        except ValueError:
            return value
    return value


def answers_for_display(occurrence, answers, category=None, questions=None):
    """[(key, label, value, is_file)] of a registration's answers, in form order, then answers whose
    question is gone (shown under their key). `questions` is questions_by_key(occurrence, category)
    when the caller already has it (an import shows every row's answers)."""
    if questions is None:
        questions = questions_by_key(occurrence, category)
    order = list(questions)
    rows = []
    for key in sorted(answers or {}, key=lambda k: order.index(k) if k in order else len(order)):
        question = questions.get(key)
        is_file = question is not None and question.kind == K.FILE
        rows.append((key, answer_label(question, key), answer_value(question, answers[key], key), is_file))
    return rows


def questions_for_occurrences(occurrence_ids):
    """{key: question} across the forms of these occurrences (their own, then their programs'), for
    columns of a roster; an occurrence's own question wins over a program's of the same key."""
    occurrence_ids = list(occurrence_ids)
    program_ids = Occurrence.objects.filter(pk__in=occurrence_ids).values("program_id")
    questions = (
        Question.objects.filter(
            Q(section__question_set__occurrence_id__in=occurrence_ids)
            | Q(section__question_set__category__occurrence_id__in=occurrence_ids)
            | Q(section__question_set__program_id__in=program_ids)
        )
        .select_related("section__question_set")
        .prefetch_related("choices")
    )
    found = {}
    for question in sorted(questions, key=lambda q: q.section.question_set.occurrence_id is None):
        found.setdefault(question.key, question)
    return found


def answer_label(question, key):
    """The column or row label of an answer: its question's label in the active language, else a
    fixed question's (participants.form_defaults), else its key."""
    if question is not None:
        return question.label
    return gettext(FIXED[key][1]) if key in FIXED else key


answer_label_lazy = lazy(answer_label, str)


def _choice_value(question, occurrence, text):
    """The choice a list's cell names, by its value or its label in any language."""
    wanted = text.strip().casefold()
    if question.kind == K.YES_NO:
        options = {YES: [YES, "true", "1", "y"], NO: [NO, "false", "0", "n"]}
        for value, words in options.items():
            labels = []
            for lang in settings.MODELTRANSLATION_LANGUAGES:
                with translation.override(lang):
                    labels.append(str(_("Yes") if value == YES else _("No")).casefold())
            if wanted in words or wanted in labels:
                return value
        return text
    if question.kind in (K.SINGLE_CHOICE, K.MULTIPLE_CHOICE):
        for choice in question.choices.all():
            names = {choice.value.casefold()} | {
                str(getattr(choice, f"label_{lang.replace('-', '_')}", "") or "").casefold()
                for lang in settings.MODELTRANSLATION_LANGUAGES
            }
            if wanted in names:
                return choice.value
        return text
    if question.kind == K.LANGUAGE:
        return portal_language_code(text) or text
    if question.kind == K.COUNTRY:
        return text.upper() if text.upper() in dict(countries) else (countries.by_name(text) or text)
    return text


def answer_from_text(question, occurrence, text):
    """A list's cell as the stored answer to `question`, checked as the form checks it; raises
    forms.ValidationError with the form's message. A file cannot come from a list."""
    if question.kind == K.FILE:
        raise forms.ValidationError(_("A file cannot be imported from a list; the official uploads it."))
    field = question_field(question, occurrence)
    field.required = False
    if question.kind == K.MULTIPLE_CHOICE:
        value = [_choice_value(question, occurrence, part) for part in text.split(",") if part.strip()]
    else:
        value = _choice_value(question, occurrence, text)
    value = field.clean(value)
    window = date_window(question, occurrence) if question.kind == K.DATE else None
    if window and value and not window[0] <= value <= window[1]:
        raise forms.ValidationError(
            _("Please choose a date between %(earliest)s and %(latest)s.")
            % {"earliest": date_long(window[0]), "latest": date_long(window[1])}
        )
    if question.kind == K.PHONE and value and not phone_is_valid(value):
        raise forms.ValidationError(_("Please enter a phone number with its country code, e.g. +82 2 1234 5678."))
    return answer_to_json(question, value)
