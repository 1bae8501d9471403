"""Participants (public officials) and their registrations to occurrences."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from formats import names
from formats.languages import country_name
from programs.models import Organization
from workshops.models import CountryQuota, Occurrence

from .names import search_key

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
    # Every spelling of the name, folded (participants.names.search_key); written on each save.
    search_key = models.TextField(_("search key"), blank=True, default="", editable=False)
    history = HistoricalRecords(excluded_fields=["search_key"])

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
        indexes = [
            models.Index(fields=["country"]),
            # The admin's list in name order (its "-id" is the changelist's tie-breaker).
            models.Index(fields=["family_name", "given_name", "-id"], name="participant_name_order_idx"),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        self.search_key = self.compute_search_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_key" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_key"]
        super().save(*args, **kwargs)

    def compute_search_key(self):
        return search_key(
            family_name=self.family_name,
            given_name=self.given_name,
            family_name_native=self.family_name_native,
            given_name_native=self.given_name_native,
            email=self.email,
        )

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
    # When the official last sent complete travel details (TravelDetails, related name "travel").
    followup_completed_at = models.DateTimeField(_("travel details sent at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    note = models.TextField(_("staff note"), blank=True)
    is_sample = models.BooleanField(_("sample"), default=False)
    # A nominee's registration draws on the allocation its focal point nominated them into
    # (delegations); any other draws on its country's allocation, if the occurrence has one.
    allocation = models.ForeignKey(
        CountryQuota,
        verbose_name=_("seat allocation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        editable=False,
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The participant category the official registered as (participants/category_models.py), when
    # the occurrence has categories; its seats are counted beside the occurrence's.
    category = models.ForeignKey(
        "participants.ParticipantCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["occurrence", "submitted_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["participant", "occurrence"], name="registration_one_per_occurrence"),
        ]
        indexes = [
            models.Index(fields=["occurrence", "status", "submitted_at"]),
            # The admin's list, newest first (participants.admin), and its country filter's choices
            # (participants.selectors.registration_countries walks this one).
            models.Index(fields=["submitted_at", "id"], name="registration_submitted_idx"),
            models.Index(fields=["country", "occurrence"], name="registration_country_idx"),
        ]

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


@dataclass(frozen=True)
class SystemNote:
    """A note the portal itself writes into a registration's history ("Withdrawn by the
    participant", "The 30 seats for Japan are taken."): stored as its untranslated message and
    parameters, so each reader sees it in their own language. `message` is marked with
    gettext_noop; `params` holds JSON values, a "country" as its code; "%(occurrence)s" is the
    registration's occurrence title in the reader's language."""

    message: str
    params: dict = field(default_factory=dict)

    def render(self, occurrence=None):
        params = dict(self.params)
        if params.get("country"):
            params["country"] = country_name(params["country"]) or params["country"]
        if params.get("organization"):
            organization = Organization.objects.filter(pk=params.pop("organization")).first()
            params["country"] = str(organization) if organization else ""
        if params.get("category"):
            category = ParticipantCategory.objects.filter(pk=params["category"]).first()
            params["category"] = str(category) if category else ""
        if occurrence is not None:
            params.setdefault("occurrence", occurrence.title)
        try:
            return gettext(self.message) % params
        except (KeyError, TypeError, ValueError):
            return self.message

    def english(self, occurrence=None):
        with translation.override("en"):
            return self.render(occurrence)


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
    # Set for the portal's own notes (SystemNote): `note` then holds the English wording.
    note_message = models.CharField(_("system note"), max_length=200, blank=True, editable=False)
    note_params = models.JSONField(_("system note parameters"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["registration", "changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.from_status or '∅'} → {self.to_status}"

    @property
    def note_display(self):
        """The note in the reader's language: the portal's own notes are translated, staff's shown as written."""
        if self.note_message:
            return SystemNote(self.note_message, self.note_params).render(occurrence=self.registration.occurrence)
        # Rows written before notes were stored untranslated hold the English text of a message.
        return gettext(self.note) if self.note else ""


class Hotel(models.Model):
    """A hotel where the hosts book rooms for one occurrence."""

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="hotels"
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["occurrence", "name"]
        verbose_name = _("hotel")
        verbose_name_plural = _("hotels")
        constraints = [models.UniqueConstraint(fields=["occurrence", "name"], name="hotel_name_unique_per_occurrence")]

    def __str__(self):
        return self.name


class Room(models.Model):
    """A room of a hotel; `beds` officials may share it (participants.services.travel_room_assign)."""

    hotel = models.ForeignKey(Hotel, verbose_name=_("hotel"), on_delete=models.CASCADE, related_name="rooms")
    number = models.CharField(_("room"), max_length=20)
    beds = models.PositiveSmallIntegerField(
        _("beds"), default=1, validators=[MinValueValidator(1), MaxValueValidator(4)], help_text=_("1 to 4.")
    )

    class Meta:
        ordering = ["hotel", "number"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["hotel", "number"], name="room_number_unique_per_hotel"),
            models.CheckConstraint(condition=Q(beds__gte=1, beds__lte=4), name="room_beds_range"),
        ]

    def __str__(self):
        return f"{self.hotel.name} {self.number}"


class TravelDetails(models.Model):
    """How an accepted official arrives, leaves and stays: what they send on "My registrations",
    and the room staff assign. Registration.followup_completed_at says when they sent it."""

    class Accommodation(models.TextChoices):
        HOST = "host", _("Please book a room for me at the venue hotel")
        OWN = "own", _("I will arrange my own accommodation")

    class Diet(models.TextChoices):
        NONE = "", _("No special diet")
        VEGETARIAN = "vegetarian", _("Vegetarian")
        VEGAN = "vegan", _("Vegan")
        HALAL = "halal", _("Halal")
        KOSHER = "kosher", _("Kosher")
        NO_PORK = "no_pork", _("No pork")
        NO_BEEF = "no_beef", _("No beef")
        GLUTEN_FREE = "gluten_free", _("Gluten-free")
        OTHER = "other", _("Other (see notes)")

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="travel"
    )
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    arrival_time = models.TimeField(_("arrival time"), null=True, blank=True)
    arrival_number = models.CharField(_("arrival flight or train"), max_length=40, blank=True)
    arrival_place = models.CharField(_("arrival airport or station"), max_length=100, blank=True)
    pickup_needed = models.BooleanField(_("pickup needed"), default=False)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    departure_time = models.TimeField(_("departure time"), null=True, blank=True)
    departure_number = models.CharField(_("departure flight or train"), max_length=40, blank=True)
    departure_place = models.CharField(_("departure airport or station"), max_length=100, blank=True)
    accommodation = models.CharField(_("accommodation"), max_length=4, choices=Accommodation.choices, blank=True)
    room = models.ForeignKey(
        Room, verbose_name=_("room"), null=True, blank=True, on_delete=models.SET_NULL, related_name="occupants"
    )
    emergency_name = models.CharField(_("emergency contact"), max_length=200, blank=True)
    emergency_relation = models.CharField(_("emergency contact's relation"), max_length=100, blank=True)
    emergency_phone = models.CharField(_("emergency contact's phone"), max_length=40, blank=True)
    diet = models.CharField(_("diet"), max_length=12, choices=Diet.choices, blank=True)
    diet_notes = models.CharField(_("dietary needs and allergies"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=500, blank=True)
    notes = models.TextField(_("other needs or notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("travel details")
        verbose_name_plural = _("travel details")
        constraints = [
            models.CheckConstraint(
                condition=Q(arrival_date__isnull=True)
                | Q(departure_date__isnull=True)
                | Q(departure_date__gte=models.F("arrival_date")),
                name="travel_departure_not_before_arrival",
                violation_error_message=_("The departure date cannot be before the arrival date."),
            ),
        ]
        indexes = [models.Index(fields=["arrival_date", "arrival_time"])]

    def __str__(self):
        return str(self.registration)


class PassportDetails(models.Model):
    """What a visa invitation letter prints, entered by the official only when their program asks
    for it (Program.asks_passport). Personal data: the retention purge deletes the row, and roster
    exports leave it out unless the exporter picks the columns."""

    participant = models.OneToOneField(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="passport"
    )
    full_name = models.CharField(
        _("full name as in the passport"),
        max_length=200,
        help_text=_("Exactly as printed on the passport's photo page, e.g. NGUYEN VAN AN."),
    )
    nationality = CountryField(_("nationality"))
    number = models.CharField(_("passport number"), max_length=20)
    expires_on = models.DateField(_("passport expiry date"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("passport details")
        verbose_name_plural = _("passport details")

    def __str__(self):
        return f"{self.full_name} ({self.nationality})"


# Participant categories of an occurrence (participants/category_models.py); the registration forms
# staff build, and the uploaded answers (participants/form_models.py).
from .category_models import ParticipantCategory  # noqa: E402, F401
from .form_models import AnswerFile, Question, QuestionChoice, QuestionSection, QuestionSet  # noqa: E402, F401
