"""What staff record while running a cohort: K2H placements and allowances, certificates,
daily attendance at the venue, speech-contest rounds and scores, and the yearly exchange
cohorts that civil-servant exchange agreements produce."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from formats.dates import year_month
from formats.languages import money
from jobs.storage import private_storage
from participants.models import Registration
from programs.models import Agreement, Organization, Program
from workshops.models import Occurrence


class Placement(models.Model):
    """A K2H trainee's host local government, training period, pre-training and insurance."""

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="placement"
    )
    host = models.ForeignKey(
        Organization, verbose_name=_("host local government"), on_delete=models.PROTECT, related_name="placements"
    )
    department = models.CharField(_("host department"), max_length=200, blank=True)
    training_start = models.DateField(_("training starts"))
    training_end = models.DateField(_("training ends"))
    pretraining_start = models.DateField(_("pre-training starts"), null=True, blank=True)
    pretraining_end = models.DateField(_("pre-training ends"), null=True, blank=True)
    insurance_provider = models.CharField(_("insurer"), max_length=200, blank=True)
    insurance_policy = models.CharField(_("insurance policy number"), max_length=100, blank=True)
    insurance_valid_until = models.DateField(_("insurance valid until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["registration__occurrence_id", "host__name"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.CheckConstraint(condition=Q(training_end__gte=F("training_start")), name="placement_training_order"),
            models.CheckConstraint(
                condition=Q(pretraining_start__isnull=True)
                | Q(pretraining_end__isnull=True)
                | Q(pretraining_end__gte=F("pretraining_start")),
                name="placement_pretraining_order",
            ),
        ]

    def __str__(self):
        return f"{self.registration.participant} @ {self.host}"


class AllowancePayment(models.Model):
    """One month's living allowance from one payer (GAOK or the host) to a trainee."""

    placement = models.ForeignKey(
        Placement, verbose_name=_("placement"), on_delete=models.CASCADE, related_name="allowances"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month paid for."))
    payer = models.ForeignKey(Organization, verbose_name=_("payer"), null=True, blank=True, on_delete=models.PROTECT)
    payer_role = models.CharField(_("payer role"), max_length=120)
    amount_krw = models.PositiveIntegerField(_("amount (KRW)"))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        ordering = ["placement_id", "month", "payer_role"]
        verbose_name = _("allowance payment")
        verbose_name_plural = _("allowance schedule")
        constraints = [
            models.UniqueConstraint(fields=["placement", "month", "payer_role"], name="allowance_one_per_month_payer"),
            models.CheckConstraint(condition=Q(month__day=1), name="allowance_month_first_day"),
        ]

    def __str__(self):
        return f"{year_month(self.month)} {self.payer_role}: {money(self.amount_krw)}"


def certificate_upload_to(instance, filename):
    # Private storage already; the random folder keeps the name unguessable wherever it is copied.
    return f"certificates/{instance.registration.occurrence_id}/{secrets.token_urlsafe(16)}/{instance.number}.pdf"


def verification_token():
    # 192 random bits: a verification link cannot be guessed or enumerated, unlike a number.
    return secrets.token_urlsafe(24)


class Verification(models.Model):
    """What the public /verify/<token>/ page reads: one row per issued document (a certificate
    or an invitation letter), with its revocation. The document's QR code holds the link."""

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("Certificate of completion")
        INVITATION_LETTER = "invitation_letter", _("Visa invitation letter")

    token = models.CharField(_("token"), max_length=64, unique=True, default=verification_token, editable=False)
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""), name="verification_revoked_with_reason"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.token[:6]}…"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class Certificate(models.Model):
    """A numbered certificate of completion; the PDF is built by a Celery task."""

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.PROTECT, related_name="certificate"
    )
    number = models.CharField(_("number"), max_length=40, unique=True)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    file = models.FileField(_("PDF"), storage=private_storage, upload_to=certificate_upload_to, blank=True)
    rendered_at = models.DateTimeField(_("PDF built at"), null=True, blank=True)
    verification = models.OneToOneField(
        Verification, verbose_name=_("verification"), on_delete=models.PROTECT, related_name="certificate"
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.number


class AttendanceDay(models.Model):
    """A participant checked in at the venue on one day."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="attendance_days"
    )
    day = models.DateField(_("day"))
    checked_in_at = models.DateTimeField(_("checked in at"), auto_now_add=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked in by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # An undone check-in is deleted; its history row keeps who undid it and when.
    history = HistoricalRecords()

    class Meta:
        ordering = ["registration_id", "day"]
        verbose_name = _("attendance day")
        verbose_name_plural = _("attendance days")
        constraints = [models.UniqueConstraint(fields=["registration", "day"], name="attendance_once_per_day")]

    def __str__(self):
        return f"{self.registration.participant} {self.day}"


class SpeechCriterion(models.Model):
    """What judges of a program's contest score each speech on, out of its own maximum."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="speech_criteria"
    )
    name = models.CharField(_("name"), max_length=120)
    max_points = models.PositiveSmallIntegerField(
        _("maximum points"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["program_id", "order", "id"]
        verbose_name = _("judging criterion")
        verbose_name_plural = _("judging criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_points__gte=1) & Q(max_points__lte=100), name="speechcriterion_max_points_range"
            )
        ]

    def __str__(self):
        return self.name


class SpeechRound(models.Model):
    class Kind(models.TextChoices):
        PRELIMINARY = "preliminary", _("Preliminary")
        FINAL = "final", _("Final")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        CHINESE = "zh", _("Chinese")
        JAPANESE = "ja", _("Japanese")

    class TieBreak(models.TextChoices):
        SHARED = "shared", _("Tied contestants share the rank")
        FIRST_CRITERION = "first_criterion", _("Higher mean on the first criterion")
        BEST_JUDGE = "best_judge", _("Higher best total from a single judge")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="speech_rounds"
    )
    kind = models.CharField(_("round"), max_length=12, choices=Kind.choices)
    # Each language is ranked on its own: English, Chinese and Japanese speakers never compete together.
    language = models.CharField(_("contest language"), max_length=2, choices=Language.choices, default="en")
    held_on = models.DateField(_("held on"), null=True, blank=True)
    # How contestants go on from the preliminary: the best N, or everyone at or above a mean score.
    advance_top = models.PositiveSmallIntegerField(_("advance the best"), null=True, blank=True)
    advance_threshold = models.DecimalField(
        _("advance at or above mean score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    judges = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("judges"), blank=True, related_name="+")
    tie_break = models.CharField(_("tie-break rule"), max_length=20, choices=TieBreak.choices, default=TieBreak.SHARED)
    # Until a round closes each judge sees only their own scores; after, scores are final and shared.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)

    class Meta:
        ordering = ["occurrence_id", "-kind", "language"]
        verbose_name = _("speech contest round")
        verbose_name_plural = _("speech contest rounds")
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "kind", "language"], name="speechround_one_per_kind_language"
            ),
            models.CheckConstraint(
                condition=Q(results_published_at__isnull=True) | Q(closed_at__isnull=False),
                name="speechround_published_only_when_closed",
            ),
        ]

    def __str__(self):
        return f"{self.occurrence}: {self.get_kind_display()} ({self.get_language_display()})"

    @property
    def is_closed(self):
        return self.closed_at is not None


class SpeechEntry(models.Model):
    """A contestant in a round (everyone accepted for the preliminary; those who advance for the final)."""

    round = models.ForeignKey(SpeechRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="entries")
    registration = models.ForeignKey(
        Registration, verbose_name=_("contestant"), on_delete=models.PROTECT, related_name="speech_entries"
    )
    topic = models.CharField(_("topic"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("speaking order"), null=True, blank=True)

    class Meta:
        ordering = ["round_id", "order", "id"]
        verbose_name = _("contestant")
        verbose_name_plural = _("contestants")
        constraints = [models.UniqueConstraint(fields=["round", "registration"], name="speechentry_once_per_round")]

    def __str__(self):
        return str(self.registration.participant)

    def clean(self):
        if not self.registration_id:
            return
        try:
            occurrence_id = self.round.occurrence_id
        except SpeechRound.DoesNotExist:
            return
        if self.registration.occurrence_id != occurrence_id:
            raise ValidationError(
                {
                    "registration": _("%(name)s is registered for %(occurrence)s, not for this round's occurrence.")
                    % {"name": self.registration.participant, "occurrence": self.registration.occurrence.title}
                }
            )


class SpeechScore(models.Model):
    """One judge's points for one contestant: on one of the program's criteria, or a single total
    where the program names no criteria."""

    entry = models.ForeignKey(
        SpeechEntry, verbose_name=_("contestant"), on_delete=models.CASCADE, related_name="scores"
    )
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("judge"), on_delete=models.PROTECT, related_name="+"
    )
    criterion = models.ForeignKey(
        SpeechCriterion,
        verbose_name=_("criterion"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scores",
    )
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["entry_id", "judge_id", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "judge"], condition=Q(criterion__isnull=True), name="speechscore_once_per_judge"
            ),
            models.UniqueConstraint(
                fields=["entry", "judge", "criterion"], name="speechscore_once_per_judge_criterion"
            ),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=100), name="speechscore_range"),
        ]

    def __str__(self):
        return f"{self.entry}: {self.score}"

    def clean(self):
        # Once a round names its judges, only they may score it.
        if self.entry_id and self.judge_id:
            judges = self.entry.round.judges
            if judges.exists() and not judges.filter(pk=self.judge_id).exists():
                raise ValidationError({"judge": _("%(judge)s is not a judge of this round.") % {"judge": self.judge}})
        if self.criterion_id and self.score is not None and self.score > self.criterion.max_points:
            raise ValidationError(
                {"score": _("At most %(max)s points on this criterion.") % {"max": self.criterion.max_points}}
            )


class ExchangeCohort(models.Model):
    """One year's group under an exchange agreement, travelling in one direction."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="cohorts"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sending = models.ForeignKey(
        Organization, verbose_name=_("sending side"), on_delete=models.PROTECT, related_name="+"
    )
    receiving = models.ForeignKey(
        Organization, verbose_name=_("receiving side"), on_delete=models.PROTECT, related_name="+"
    )
    # Empty when the source does not state them (the seed gives 15 for two weeks for 2017 only).
    size = models.PositiveSmallIntegerField(_("civil servants"), null=True, blank=True)
    duration_days = models.PositiveSmallIntegerField(_("duration (days)"), null=True, blank=True)
    occurrence = models.OneToOneField(
        Occurrence,
        verbose_name=_("occurrence"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchange_cohort",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        # Kept from when the model lived in programs (cohorts 0003 moved it without copying rows).
        db_table = "programs_exchangecohort"
        ordering = ["agreement", "year"]
        verbose_name = _("exchange cohort")
        verbose_name_plural = _("exchange cohorts")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "year"], name="exchangecohort_one_per_year"),
            models.CheckConstraint(condition=~Q(sending=models.F("receiving")), name="exchangecohort_two_sides"),
            models.CheckConstraint(
                condition=(Q(size__isnull=True) | Q(size__gt=0))
                & (Q(duration_days__isnull=True) | Q(duration_days__gt=0)),
                name="exchangecohort_positive",
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.sending} → {self.receiving}"


# --- Documents staff design once per program: certificates and visa invitation letters ------


class Signatory(models.Model):
    """A person who signs certificates or letters for an organization."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="document_signatories"
    )
    name = models.CharField(_("name (romanized)"), max_length=120)
    name_native = models.CharField(_("name in native script"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. Secretary General"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["organization__name", "order", "name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return f"{self.name} ({self.title}, {self.organization.acronym or self.organization.name})"


PLACEHOLDER_HELP = _("Placeholders: {occurrence}, {dates}, {program}.")
PLACEHOLDERS = ("occurrence", "dates", "program")


def validate_placeholders(value):
    import string

    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(value or "") if name is not None}
    except ValueError:
        raise ValidationError(_("A { or } has no partner; write placeholders as {occurrence}.")) from None
    unknown = sorted(names - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(names)s. Use %(allowed)s.")
            % {"names": ", ".join(f"{{{n}}}" for n in unknown), "allowed": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS)}
        )


class CertificateDesign(models.Model):
    """How a program's certificates look: who issues and signs them, and their wording per language."""

    program = models.OneToOneField(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="certificate_design"
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. Certificate of Completion"))
    wording = models.TextField(
        _("wording"),
        validators=[validate_placeholders],
        help_text=format_lazy(
            "{}{}", _("Printed under the name, e.g. “has completed {occurrence} ({dates}).” "), PLACEHOLDER_HELP
        ),
    )
    issuers = models.ManyToManyField(
        Organization,
        verbose_name=_("issuing organizations"),
        related_name="+",
        help_text=_("Their logos and names head the certificate."),
    )
    signatories = models.ManyToManyField(Signatory, verbose_name=_("signatories"), related_name="+", blank=True)

    class Meta:
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")

    def __str__(self):
        return str(self.program)


class InvitationLetterTemplate(models.Model):
    """A program's visa invitation letter: the host's letterhead and signatory, and the wording."""

    program = models.OneToOneField(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="letter_template"
    )
    host = models.ForeignKey(
        Organization, verbose_name=_("host organization (letterhead)"), on_delete=models.PROTECT, related_name="+"
    )
    signatory = models.ForeignKey(Signatory, verbose_name=_("signatory"), on_delete=models.PROTECT, related_name="+")
    reference_prefix = models.SlugField(
        _("reference prefix"), max_length=24, help_text=_("Letters are numbered PREFIX-YEAR-001, e.g. GAOK-K2H.")
    )
    purpose = models.TextField(
        _("purpose of the visit"),
        validators=[validate_placeholders],
        help_text=format_lazy(
            "{}{}",
            _("e.g. “to take part in {occurrence}, a training program for foreign public officials.” "),
            PLACEHOLDER_HELP,
        ),
    )
    closing = models.TextField(
        _("closing paragraph"),
        blank=True,
        validators=[validate_placeholders],
        help_text=format_lazy("{}{}", _("Optional, e.g. a request to the consular officer. "), PLACEHOLDER_HELP),
    )

    class Meta:
        verbose_name = _("invitation letter template")
        verbose_name_plural = _("invitation letter templates")

    def __str__(self):
        return str(self.program)


def letter_upload_to(instance, filename):
    return f"letters/{instance.registration.occurrence_id}/{secrets.token_urlsafe(16)}/{instance.reference}.pdf"


class InvitationLetter(models.Model):
    """A visa invitation letter issued to one accepted foreign official. Revoking keeps the row."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.PROTECT, related_name="invitation_letters"
    )
    reference = models.CharField(_("reference"), max_length=60, unique=True)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    file = models.FileField(_("PDF"), storage=private_storage, upload_to=letter_upload_to, blank=True)
    verification = models.OneToOneField(
        Verification, verbose_name=_("verification"), on_delete=models.PROTECT, related_name="invitation_letter"
    )

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("visa invitation letter")
        verbose_name_plural = _("visa invitation letters")

    def __str__(self):
        return self.reference
