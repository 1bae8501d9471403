"""After the event: materials and photos of an occurrence (and, further down, surveys, the library
and the alumni directory)."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from delegations.storage import private_storage
from workshops.models import AgendaItem, Occurrence

MATERIAL_EXTENSIONS = ["pdf", "ppt", "pptx", "doc", "docx", "hwp", "hwpx", "xls", "xlsx", "odt", "odp", "txt"]


def material_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"materials/{uuid.uuid4().hex}/material.{extension}"


def photo_upload_to(instance, filename):
    return f"photos/{uuid.uuid4().hex}.jpg"


class Material(models.Model):
    """Slides, a paper or a link attached to an occurrence (and to one of its agenda items)."""

    class Kind(models.TextChoices):
        SLIDES = "slides", _("Slides")
        PAPER = "paper", _("Paper")
        LINK = "link", _("Link")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="materials"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=material_upload_to,
        blank=True,
        validators=[FileExtensionValidator(MATERIAL_EXTENSIONS)],
    )
    url = models.URLField(_("link"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Unticked: only the occurrence's participants and staff see it.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    speaker = models.ForeignKey(
        "SpeakerInvitation",
        verbose_name=_("added by the speaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="materials",
    )

    class Meta:
        ordering = ["occurrence", "agenda_item__order", "order", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="material_file_or_link",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Give either a file or a link, not both."))
        if self.kind == self.Kind.LINK and not self.url:
            raise ValidationError({"url": _("A link needs its address.")})
        if self.agenda_item_id and self.occurrence_id and self.agenda_item.occurrence_id != self.occurrence_id:
            raise ValidationError({"agenda_item": _("This agenda item belongs to another occurrence.")})


SPEAKER_INVITATION_VALID = datetime.timedelta(days=60)


def _invitation_expiry():
    return timezone.now() + SPEAKER_INVITATION_VALID


class SpeakerInvitation(models.Model):
    """A speaker whom staff invite to attach their own slides, papers and links to an occurrence
    (and one of its agenda items) through a private link, without an account."""

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="speaker_invitations"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_invitations",
        help_text=_("The lecture or session the speaker's materials belong to."),
    )
    name = models.CharField(_("speaker's name"), max_length=200)
    email = models.EmailField(_("speaker's email"))
    language = models.CharField(_("language of the email"), max_length=8, choices=settings.LANGUAGES, default="en")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    expires_at = models.DateTimeField(
        _("link valid until"), default=_invitation_expiry, help_text=_("Sixty days from the invitation unless changed.")
    )
    revoked = models.BooleanField(
        _("link withdrawn"), default=False, help_text=_("Ticked: the link no longer opens; the materials stay.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("speaker invitation")
        verbose_name_plural = _("speaker invitations")

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def clean(self):
        if self.agenda_item_id and self.occurrence_id and self.agenda_item.occurrence_id != self.occurrence_id:
            raise ValidationError({"agenda_item": _("This agenda item belongs to another occurrence.")})

    def is_usable(self, now=None):
        return not self.revoked and (now or timezone.now()) < self.expires_at


class Photo(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="photos"
    )
    # Both files are written by aftercare.images (resized, EXIF stripped) through the default storage.
    image = models.ImageField(_("image"), upload_to=photo_upload_to, blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=photo_upload_to, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Unticked: only the occurrence's participants and staff see it.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_removed = models.BooleanField(_("removed"), default=False, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["occurrence", "order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption


class PhotoRemovalRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        REMOVED = "removed", _("Photo removed")
        DECLINED = "declined", _("Declined")

    photo = models.ForeignKey(Photo, verbose_name=_("photo"), on_delete=models.CASCADE, related_name="removal_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("photo removal request")
        verbose_name_plural = _("photo removal requests")
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "requested_by"], condition=Q(status="open"), name="one_open_removal_request"
            )
        ]

    def __str__(self):
        return f"{self.photo} ({self.get_status_display()})"


# --- Evaluation surveys ------------------------------------------------------------------

RATING_VALUES = range(1, 6)


class Survey(models.Model):
    """An occurrence's evaluation survey; sent to its attendees after the last day (aftercare.surveys)."""

    occurrence = models.OneToOneField(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="survey"
    )
    title = models.CharField(_("title"), max_length=300)
    intro = models.TextField(_("introduction"), blank=True)
    is_active = models.BooleanField(
        _("ready to send"), default=False, help_text=_("Sent to the attendees the day after the last day.")
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evaluation survey")
        verbose_name_plural = _("evaluation surveys")

    def __str__(self):
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        RATING = "rating", _("Rating from 1 to 5")
        CHOICE = "choice", _("One choice")
        TEXT = "text", _("Free text (staff only)")

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("One choice a line, in the same order in every language.")
    )
    required = models.BooleanField(_("required"), default=True)

    class Meta:
        ordering = ["survey", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def choice_list(self):
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]

    def clean(self):
        if self.kind != self.Kind.CHOICE:
            return
        counts = {
            lang: len(
                [x for x in (getattr(self, f"choices_{lang.replace('-', '_')}", "") or "").splitlines() if x.strip()]
            )
            for lang in settings.MODELTRANSLATION_LANGUAGES
        }
        written = {n for n in counts.values() if n}
        if not written or min(written) < 2:
            raise ValidationError({"choices": _("A choice question needs at least two choices.")})
        if len(written) > 1:
            raise ValidationError({"choices": _("Give the same number of choices in every language.")})


class SurveyInvitation(models.Model):
    """One attendee's invitation: its token is their link; answered once."""

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="invitations")
    registration = models.ForeignKey(
        "participants.Registration", verbose_name=_("registration"), on_delete=models.CASCADE, related_name="+"
    )
    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "registration"], name="survey_invitation_once_per_registration")
        ]

    def __str__(self):
        return f"{self.survey} · {self.registration_id}"


class SurveyResponse(models.Model):
    """The answers of one invitation (at most one: the one-to-one). It keeps the country and the participant
    category the registration had when it answered, not the person."""

    invitation = models.OneToOneField(
        SurveyInvitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="response"
    )
    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="responses")
    country = models.CharField(_("country"), max_length=2, blank=True)
    category = models.ForeignKey(
        "participants.ParticipantCategory",
        verbose_name=_("participant category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self):
        return f"{self.survey_id} · {self.country} · {self.submitted_at:%Y-%m-%d}"


class Answer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # A rating (1-5) or the index of a choice (0-based, the same in every language).
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=4000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question")]

    def __str__(self):
        return f"{self.question_id}: {self.value if self.value is not None else self.text[:40]}"


# --- Best-practice library -------------------------------------------------------------------


def report_upload_to(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
    return f"library/{uuid.uuid4().hex}/report.{extension}"


class ResearchArea(models.Model):
    """A category of GAOK's research on foreign best practices (general administration, welfare...)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("research area")
        verbose_name_plural = _("research areas")

    def __str__(self):
        return self.name


class BestPractice(models.Model):
    """A published report on a foreign (or domestic) best practice, written in any one language."""

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=4000)
    language = models.CharField(_("language of the report"), max_length=8, choices=settings.LANGUAGES)
    country = CountryField(_("country"), help_text=_("The country whose practice it describes."))
    area = models.ForeignKey(
        ResearchArea, verbose_name=_("research area"), on_delete=models.PROTECT, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    file = models.FileField(
        _("file"), upload_to=report_upload_to, blank=True, validators=[FileExtensionValidator(MATERIAL_EXTENSIONS)]
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("best-practice report")
        verbose_name_plural = _("best-practice reports")
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=1900) & Q(year__lte=2100), name="best_practice_year_range")
        ]

    def __str__(self):
        return self.title


# --- Alumni network ----------------------------------------------------------------------------


class AlumniEntry(models.Model):
    """An official who attended an edition of a program and chose to appear in its alumni directory.

    One entry per person and program; the edition is the attended registration it was opened from.
    The texts start as the profile's and are the official's to edit; opting out deletes the row.
    """

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="alumni_entries",
    )
    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="alumni_entries"
    )
    registration = models.OneToOneField(
        "participants.Registration",
        verbose_name=_("edition attended"),
        on_delete=models.CASCADE,
        related_name="alumni_entry",
    )
    country = CountryField(_("country"))
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    note = models.TextField(_("a short note"), max_length=500, blank=True)
    is_sample = models.BooleanField(_("sample"), default=False)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["program", "participant__family_name", "participant__given_name", "pk"]
        verbose_name = _("alumni directory entry")
        verbose_name_plural = _("alumni directory entries")
        constraints = [models.UniqueConstraint(fields=["participant", "program"], name="alumni_entry_once_per_program")]

    def __str__(self):
        return f"{self.participant} · {self.program}"


class AlumniMessage(models.Model):
    """A message one alumnus wrote to another through the portal: neither sees the other's address."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="+"
    )
    sender = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("sender"),
        on_delete=models.CASCADE,
        related_name="alumni_messages_sent",
    )
    recipient = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="alumni_messages_received",
    )
    in_reply_to = models.ForeignKey(
        "self", verbose_name=_("in reply to"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message between alumni")
        verbose_name_plural = _("messages between alumni")
        indexes = [models.Index(fields=["sender", "created_at"], name="alumni_message_sender_idx")]

    def __str__(self):
        return f"{self.sender} → {self.recipient} ({self.created_at:%Y-%m-%d})"


class AlumniAbuseReport(models.Model):
    """A recipient's report of a message they received; staff read it in the admin and decide."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HANDLED = "handled", _("Handled")

    message = models.OneToOneField(
        AlumniMessage, verbose_name=_("message"), on_delete=models.CASCADE, related_name="abuse_report"
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")

    def __str__(self):
        return f"{self.message} ({self.get_status_display()})"
