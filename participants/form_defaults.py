"""The questions a program's form starts with, by the program's kind: the ones every program
asked before staff could build forms (working language, arrival date, dietary needs).

Used by the data migration that gave the existing programs their forms (0011/0012) and when
a new program is created (participants.receivers), so staff always start from a working form
and edit it in the admin. Takes the model classes as arguments, as a migration has its own.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

# Program.Kind values (a migration cannot use the live enum).
WORKSHOP, CONFERENCE, EVENT, FORUM, TRAINING, EXCHANGE, CONTEST = (
    "workshop",
    "conference",
    "event",
    "forum",
    "training",
    "exchange",
    "contest",
)
ARRIVAL_KINDS = {WORKSHOP, CONFERENCE}
DIETARY_KINDS = {WORKSHOP, CONFERENCE, EVENT, FORUM, TRAINING, EXCHANGE}
LANGUAGE_LABELS = {
    CONTEST: gettext_noop("Contest language"),
    TRAINING: gettext_noop("Training language (English or Korean)"),
}
DIETARY_MAX = 300


def _translated(msgid):
    """{"label_ko": ..., "label_en": ...}-style values of one message in each content language."""
    values = {}
    for lang in settings.MODELTRANSLATION_LANGUAGES:
        with translation.override(lang):
            values[lang.replace("-", "_")] = gettext(msgid) if msgid else ""
    return values


def _fields(name, msgid):
    return {f"{name}_{lang}": value for lang, value in _translated(msgid).items()} | {name: _translated(msgid)["en"]}


def default_questions(kind, languages):
    """[(key, type, required, msgid label, msgid help, extra fields)] a program of this kind asked.
    Travel plans and diet (health) are personal: the retention purge erases them; the working
    language stays for the statistics."""
    questions = []
    if languages:
        questions.append(
            (
                "language",
                "language",
                True,
                LANGUAGE_LABELS.get(kind, gettext_noop("Working language")),
                gettext_noop("The program runs in these languages; choose the one you will use."),
                {},
            )
        )
    if kind in ARRIVAL_KINDS:
        # Required once the occurrence has a start date; from a week before it to its last day.
        questions.append(
            (
                "arrival_date",
                "date",
                True,
                gettext_noop("Planned arrival date"),
                "",
                {"days_before_start": 7, "days_after_end": 0, "personal": True},
            )
        )
    if kind in DIETARY_KINDS:
        questions.append(
            (
                "dietary_needs",
                "short_text",
                False,
                gettext_noop("Dietary needs"),
                gettext_noop("For example vegetarian, halal, or allergies. Leave empty if none."),
                {"max_length": DIETARY_MAX, "personal": True},
            )
        )
    return questions


def _all_fixed_questions(kind):
    """Every fixed question, as a program of this kind with languages would have asked it, and the
    ones of other kinds (an answer whose program changed kind keeps its label too)."""
    questions = {q[0]: q for q in default_questions(WORKSHOP, ["en"])}
    questions.update({q[0]: q for q in default_questions(kind, ["en"])})
    return list(questions.values())


def default_form_build(*, program, question_set_model, section_model, question_model, answered_keys=()):
    """Give `program` the form of its kind, unless it has one or its kind asked nothing.

    `answered_keys`: keys its registrations hold answers to; a fixed question its kind no longer
    asks (the program's languages were emptied since) is kept, not asked, so those answers keep
    their label."""
    asked = default_questions(program.kind, program.languages)
    asked_keys = {key for key, *_rest in asked}
    kept = [
        (*question, False)
        for question in _all_fixed_questions(program.kind)
        if question[0] in set(answered_keys) - asked_keys
    ]
    questions = [(*question, True) for question in asked] + kept
    if not questions or question_set_model.objects.filter(program_id=program.pk).exists():
        return None
    question_set = question_set_model.objects.create(program_id=program.pk)
    section = section_model.objects.create(question_set=question_set, order=1)
    for order, (key, kind, required, label, help_text, extra, active) in enumerate(questions, start=1):
        question_model.objects.create(
            section=section,
            order=order,
            key=key,
            kind=kind,
            required=required,
            active=active,
            **_fields("label", label),
            **_fields("help_text", help_text),
            **extra,
        )
    return question_set


def fixed_question_kinds():
    """{key: (type, label msgid)} of the fixed questions: how an answer to one reads where no form
    has its question (a program whose form never had it, an answer from before forms)."""
    return {key: (kind, label) for key, kind, _required, label, _help, _extra in _all_fixed_questions(WORKSHOP)}
