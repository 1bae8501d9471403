"""Participants (public officials) and their registrations to occurrences."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from formats import names
from programs.models import Organization
from workshops.models import Occurrence

# The retention purge (reports.retention) replaces a participant's email, and their account's,
# by a placeholder at this domain: the one mark of an anonymised person. ".invalid" never
# receives mail (RFC 2606).
ANONYMISED_DOMAIN = "anonymised.invalid"


def anonymised_email(kind, pk):
    """The placeholder address of an anonymised participant or account, e.g. participant-7@anonymised.invalid."""
    return f"{kind}-{pk}@{ANONYMISED_DOMAIN}"


class ParticipantQuerySet(models.QuerySet):
    def not_anonymised(self):
        """Participants whose personal data the retention purge has not erased."""
        return self.exclude(email__endswith="@" + ANONYMISED_DOMAIN)

    def admitted_to(self, program):
        """Participants from a country the program admits (programs.Program.country_refusal)."""
        return self.filter(program.admits_country_q("country"))


class RegistrationQuerySet(models.QuerySet):
    def holding_seat(self):
        """Registrations that hold a seat of their occurrence (HOLDS_SEAT)."""
        return self.filter(holding_seat_q())


class Participant(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participant",
        help_text=_("Empty for delegates imported from a list who have no account yet."),
    )
    family_name = models.CharField(_("family name (romanized)"), max_length=100)
    given_name = models.CharField(_("given name (romanized)"), max_length=100)
    family_name_native = models.CharField(_("family name (native script)"), max_length=100, blank=True)
    given_name_native = models.CharField(_("given name (native script)"), max_length=100, blank=True)
    country = CountryField(_("country"))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participants",
    )
    department = models.CharField(_("department"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    admin_level = models.PositiveSmallIntegerField(
        _("administrative level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 (highest) to 9, as in the Korean civil service grades."),
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    is_sample = models.BooleanField(_("sample"), default=False, help_text=_("Demo data, not a real person."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="participant_email_ci_unique"),
            models.CheckConstraint(
                condition=Q(admin_level__isnull=True) | Q(admin_level__gte=1, admin_level__lte=9),
                name="participant_admin_level_range",
            ),
        ]
        indexes = [models.Index(fields=["country"])]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    # The names in each culture's order have one home, formats.names (family name first for
    # Chinese, Japanese, Korean and Vietnamese names; Latin-script native names keep their spaces).
    @property
    def romanized_name(self):
        return names.romanized_name(self, upper_family=True)

    @property
    def native_name(self):
        return names.native_name(self)

    @property
    def display_name(self):
        native = self.native_name
        return f"{self.romanized_name} ({native})" if native else self.romanized_name


class Registration(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("Waitlisted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("No-show")
        COMPLETED = "completed", _("Completed")

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="registrations"
    )
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    # Copied from the participant when the registration is made, so quota counts stay
    # right even if the profile's country is edited later.
    country = CountryField(_("country"))
    answers = models.JSONField(_("answers to the program's questions"), default=dict, blank=True)
    consent_given_at = models.DateTimeField(_("consent to data processing given at"), null=True, blank=True)
    followup = models.JSONField(_("follow-up details"), default=dict, blank=True)
    followup_completed_at = models.DateTimeField(_("follow-up completed at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    note = models.TextField(_("staff note"), blank=True)
    is_sample = models.BooleanField(_("sample"), default=False)
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["occurrence", "submitted_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["participant", "occurrence"], name="registration_one_per_occurrence"),
        ]
        indexes = [models.Index(fields=["occurrence", "status", "submitted_at"])]

    def __str__(self):
        return f"{self.participant} → {self.occurrence}"


# The statuses in which a registration holds a seat of its occurrence (and of its country's
# quota): the one definition. The seat counters (participants.services), the dashboard, the
# statistics and the reminders all count these.
HOLDS_SEAT = frozenset(
    {
        Registration.Status.ACCEPTED,
        Registration.Status.ATTENDED,
        Registration.Status.NO_SHOW,
        Registration.Status.COMPLETED,
    }
)


def holding_seat_q(relation=""):
    """HOLDS_SEAT as a condition on registrations, or on the registrations reached through `relation`
    (e.g. Count("registrations", filter=holding_seat_q("registrations")))."""
    return Q(**{f"{relation}__status__in" if relation else "status__in": HOLDS_SEAT})


class RegistrationStatusChange(models.Model):
    """The status history of a registration: who changed what, when, and why."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=14, choices=Registration.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=14, choices=Registration.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["registration", "changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.from_status or '∅'} → {self.to_status}"
