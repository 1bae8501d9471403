"""The registration forms staff build: a form per program (or per occurrence, which then
replaces the program's, or per participant category, which replaces both for that category), in sections of questions with choices and conditions.

Answers are stored in Registration.answers under each question's `key` (a choice by its
`value`, a date as ISO, a file as its original name with the file in AnswerFile), so an
answer outlives its question: a question or choice staff take out of use keeps its key and
value, and pages and exports fall back to the stored text when a question is gone entirely.
Labels, help texts and choice labels are translated (participants/translation.py).
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programs.models import Program
from workshops.models import Occurrence

from .form_cache import forms_changed
from .storage import private_storage

# The file kinds an upload question may accept, recognised by their first bytes (participants.uploads).
FILE_KINDS = {
    "pdf": _("PDF"),
    "jpeg": _("JPEG image"),
    "png": _("PNG image"),
    "docx": _("Word document (DOCX)"),
}
FILE_MAX_MB = 20


class FormRowQuerySet(models.QuerySet):
    """Rows of a registration form: a save or delete replaces the kept questionnaires through
    participants.receivers; an update or bulk write here, which sends no signal, replaces them too."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        forms_changed()
        return rows

    def bulk_create(self, *args, **kwargs):
        created = super().bulk_create(*args, **kwargs)
        forms_changed()
        return created

    def bulk_update(self, *args, **kwargs):
        rows = super().bulk_update(*args, **kwargs)
        forms_changed()
        return rows


class QuestionSet(models.Model):
    """A program's registration questions, or one occurrence's own (which replace the program's)."""

    program = models.OneToOneField(
        Program,
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_set",
    )
    occurrence = models.OneToOneField(
        Occurrence,
        verbose_name=_("occurrence"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_set",
        help_text=_("Set only to replace the program's form for this one occurrence."),
    )
    category = models.OneToOneField(
        "participants.ParticipantCategory",
        verbose_name=_("participant category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="question_set",
        help_text=_("Set only for a form that officials registering in this one category fill in instead."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FormRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration form")
        verbose_name_plural = _("registration forms")
        constraints = [
            models.CheckConstraint(
                condition=Q(program__isnull=False, occurrence__isnull=True, category__isnull=True)
                | Q(program__isnull=True, occurrence__isnull=False, category__isnull=True)
                | Q(program__isnull=True, occurrence__isnull=True, category__isnull=False),
                name="question_set_one_owner",
                violation_error_message=_(
                    "A form belongs to a program, to one occurrence or to one participant category."
                ),
            )
        ]

    def __str__(self):
        if self.category_id:
            return f"{self.category.occurrence} · {self.category}"
        return str(self.occurrence or self.program)


class Condition(models.Model):
    """Shown only when an earlier question's answer equals `condition_value` (a choice's value,
    "yes" or "no", or the text); for multiple choice, when that choice is among the answers."""

    condition_question = models.ForeignKey(
        "participants.Question",
        verbose_name=_("shown only when question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    condition_value = models.CharField(
        _("has the answer"),
        max_length=100,
        blank=True,
        help_text=_('A choice\'s value, or "yes" / "no" for a yes/no question.'),
    )

    class Meta:
        abstract = True


class QuestionSection(Condition):
    question_set = models.ForeignKey(
        QuestionSet, verbose_name=_("registration form"), on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200, blank=True)
    help_text = models.TextField(_("help text"), blank=True)

    objects = FormRowQuerySet.as_manager()

    class Meta:
        ordering = ["question_set", "order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title or _("Section %(number)s") % {"number": self.order}


class Question(Condition):
    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        YES_NO = "yes_no", _("Yes or no")
        DATE = "date", _("Date")
        NUMBER = "number", _("Number")
        EMAIL = "email", _("Email")
        PHONE = "phone", _("Phone")
        COUNTRY = "country", _("Country")
        LANGUAGE = "language", _("Language")
        FILE = "file", _("File upload")

    section = models.ForeignKey(
        QuestionSection, verbose_name=_("section"), on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    key = models.SlugField(
        _("key"),
        max_length=50,
        help_text=_('Where the answer is stored and the column of exports, e.g. "topic". Keep it once answers exist.'),
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.SHORT_TEXT)
    label = models.CharField(_("label"), max_length=300)
    help_text = models.TextField(_("help text"), blank=True)
    required = models.BooleanField(_("required"), default=False)
    personal = models.BooleanField(
        _("personal"), default=False, help_text=_("Personal answers and files are erased by the retention purge.")
    )
    active = models.BooleanField(
        _("asked"), default=True, help_text=_("Untick to stop asking; the answers given so far are kept.")
    )
    min_length = models.PositiveIntegerField(_("minimum length"), null=True, blank=True)
    max_length = models.PositiveIntegerField(_("maximum length"), null=True, blank=True)
    min_value = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)
    # A date around the occurrence: from `days_before_start` days before its start to
    # `days_after_end` days after its end; optional while the occurrence has no date yet.
    days_before_start = models.PositiveSmallIntegerField(
        _("days before the start"),
        null=True,
        blank=True,
        help_text=_("For a date: the earliest answer, counted from the occurrence's start."),
    )
    days_after_end = models.PositiveSmallIntegerField(
        _("days after the end"),
        null=True,
        blank=True,
        help_text=_("For a date: the latest answer, counted from the occurrence's end."),
    )
    file_types = models.JSONField(_("file types"), default=list, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(FILE_MAX_MB)],
        help_text=_("1 to 20 MB; 5 MB when empty."),
    )

    objects = FormRowQuerySet.as_manager()

    class Meta:
        ordering = ["section__order", "section_id", "order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["section", "key"], name="question_key_unique_per_section"),
        ]

    def __str__(self):
        return self.label

    @property
    def has_choices(self):
        return self.kind in (self.Kind.SINGLE_CHOICE, self.Kind.MULTIPLE_CHOICE)


class QuestionChoice(models.Model):
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.SlugField(
        _("value"), max_length=50, help_text=_("Stored with the answer; keep it once answers exist.")
    )
    label = models.CharField(_("label"), max_length=200)
    active = models.BooleanField(_("offered"), default=True)

    objects = FormRowQuerySet.as_manager()

    class Meta:
        ordering = ["question", "order", "id"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [models.UniqueConstraint(fields=["question", "value"], name="choice_value_unique")]

    def __str__(self):
        return self.label


def answer_file_path(instance, filename):
    return f"answer-files/{uuid.uuid4().hex}"


class AnswerFile(models.Model):
    """A file an official uploaded as an answer; served only to them and to staff of the occurrence."""

    registration = models.ForeignKey(
        "participants.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="answer_files",
    )
    key = models.SlugField(_("question key"), max_length=50)
    file = models.FileField(_("file"), upload_to=answer_file_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("uploaded answer")
        verbose_name_plural = _("uploaded answers")
        constraints = [models.UniqueConstraint(fields=["registration", "key"], name="answer_file_one_per_question")]

    def __str__(self):
        return self.name
