"""Occurrences (one run of a program: an edition, a yearly cohort, a one-off event),
their agenda, seats and quotas, delegations and recorded participation figures."""

import enum

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from formats.dates import date_range, month_range, year_only
from formats.languages import country_name
from programs.models import DatePrecision, Organization, Program


class RegistrationState(enum.Enum):
    """Where an occurrence stands in its registration window (Occurrence.registration_state)."""

    CANCELLED = "cancelled"
    NOT_SCHEDULED = "not_scheduled"  # no opening date set
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


def registration_open_q(now):
    """Registration is open: not cancelled, opened at or before `now`, and not closed by `now`
    (no closing date means it stays open). The one definition, in SQL; Occurrence.registration_state
    states the same boundaries for one occurrence in memory (tests/workshops/test_registration_window.py
    checks the two agree)."""
    return Q(is_cancelled=False, registration_opens_at__lte=now) & (
        Q(registration_closes_at__isnull=True) | Q(registration_closes_at__gt=now)
    )


class OccurrenceQuerySet(models.QuerySet):
    def open_for_registration(self, now=None):
        """The occurrences whose registration is open at `now` (default: now)."""
        return self.filter(registration_open_q(now or timezone.now()))


class Occurrence(models.Model):
    class Admission(models.TextChoices):
        AUTOMATIC = "auto", _("First come, first served")
        REVIEW = "review", _("Reviewed by staff")

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="occurrences"
    )
    number = models.PositiveSmallIntegerField(_("edition number"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    details = models.TextField(_("details"), blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Planned year, also when the date is TBD.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    location = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_('Empty reads "not stated", or "TBD" while the date is to be decided too.'),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    country = CountryField(_("host country"), blank=True)
    hosts = models.ManyToManyField(Organization, verbose_name=_("hosts"), related_name="hosted_occurrences", blank=True)
    # Registration
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True, help_text=_("Empty means no limit."))
    # Kept equal to the registrations holding a seat by participants.services, under a row
    # lock; the check constraint below is the database's own guard against overbooking.
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    admission = models.CharField(_("admission"), max_length=6, choices=Admission.choices, default=Admission.REVIEW)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    reply_to_email = models.EmailField(
        _("reply-to address"),
        blank=True,
        help_text=_("Officials' answers to the messages staff write to this occurrence's registrations go here."),
    )
    travel_details_due = models.DateField(
        _("travel details due"),
        null=True,
        blank=True,
        help_text=_(
            "Accepted officials who have not sent their travel details are reminded a week before this date and "
            "on it. Empty: three weeks and three days before the start."
        ),
    )
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Demo data that no seed document states; never a real event.")
    )

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["program", "start_date", "number"]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        constraints = [
            models.UniqueConstraint(fields=["program", "number"], name="occurrence_unique_edition"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="occurrence_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="occurrence_registration_window_order",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="occurrence_not_overbooked",
            ),
            models.CheckConstraint(
                condition=~Q(date_precision=DatePrecision.TBD) | Q(start_date__isnull=True),
                name="occurrence_tbd_has_no_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshops:occurrence_detail", kwargs={"slug": self.slug})

    @property
    def is_tbd(self):
        return self.date_precision == DatePrecision.TBD or self.start_date is None

    @property
    def date_display(self):
        """The date as precisely as the sources state it, in the reader's language (formats.dates):
        "May 2019", "2019년 5월", "May 20–22, 2028", "2028年5月20日至22日", "2022 (TBD)"."""
        if self.is_tbd:
            return f"{year_only(self.year)} ({_('TBD')})" if self.year else str(_("TBD"))
        if self.date_precision == DatePrecision.YEAR:
            return year_only(self.start_date.year)
        if self.date_precision == DatePrecision.MONTH:
            return month_range(self.start_date, self.end_date)
        return date_range(self.start_date, self.end_date)

    @property
    def location_display(self):
        """The place, "TBD" when it is still to be decided (the date is too), else "not stated"."""
        if self.location:
            return self.location
        return str(_("TBD")) if self.is_tbd else str(_("not stated"))

    @property
    def seats_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    def registration_state(self, now=None):
        """The registration window rule of registration_open_q, for this occurrence: OPEN exactly
        when the queryset filter would select it; otherwise why not."""
        now = now or timezone.now()
        if self.is_cancelled:
            return RegistrationState.CANCELLED
        if self.registration_opens_at is None:
            return RegistrationState.NOT_SCHEDULED
        if now < self.registration_opens_at:
            return RegistrationState.NOT_YET_OPEN
        if self.registration_closes_at is not None and now >= self.registration_closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    def registration_is_open(self, now=None):
        return self.registration_state(now) is RegistrationState.OPEN


class CountryQuota(models.Model):
    """A seat allocation of an occurrence: the seats given to one country or to one sending
    organization. One mechanism for both: participants.services locks these rows (after the
    occurrence row) for every seat decision, and the check constraints refuse any overbooking.

    `seats_taken` counts the registrations holding a seat against the allocation; `seats_nominated`
    the active nominations of its focal points (delegations), which reserve seats for their nominees.
    """

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="quotas"
    )
    country = CountryField(_("country"), blank=True, help_text=_("Either a country or a sending organization."))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("sending organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seat_allocations",
    )
    seats = models.PositiveIntegerField(_("seats"))
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    seats_nominated = models.PositiveIntegerField(_("seats nominated"), default=0, editable=False)
    nomination_deadline = models.DateTimeField(
        _("nomination deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: focal points may nominate until it starts."),
    )
    substitution_deadline = models.DateTimeField(
        _("substitution deadline"), null=True, blank=True, help_text=_("Empty: no substitution after nominating.")
    )

    class Meta:
        ordering = ["occurrence_id", "country", "organization_id"]
        verbose_name = _("seat allocation")
        verbose_name_plural = _("seat allocations")
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "country"], condition=~Q(country=""), name="quota_one_per_country"
            ),
            models.UniqueConstraint(
                fields=["occurrence", "organization"],
                condition=Q(organization__isnull=False),
                name="quota_one_per_organization",
            ),
            models.CheckConstraint(
                condition=(Q(country="") & Q(organization__isnull=False))
                | (~Q(country="") & Q(organization__isnull=True)),
                name="quota_country_or_organization",
            ),
            models.CheckConstraint(condition=Q(seats_taken__lte=F("seats")), name="quota_not_overbooked"),
            models.CheckConstraint(condition=Q(seats_nominated__lte=F("seats")), name="quota_not_overnominated"),
        ]

    def __str__(self):
        return f"{self.occurrence}: {self.party_name} {self.seats}"

    @property
    def party_name(self):
        """Who the seats are for: the sending organization, or the country."""
        return str(self.organization) if self.organization_id else country_name(self.country)

    @property
    def seats_left(self):
        # For the public page: nominations reserve seats. When an allocation mixes nominees and
        # walk-in registrations this can show more seats than the seat rule would still give
        # (participants.services._Seats.refusal counts exactly, under the lock).
        return max(self.seats - max(self.seats_taken, self.seats_nominated), 0)


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        LECTURE = "lecture", _("Lecture")
        SPECIAL_LECTURE = "special_lecture", _("Special lecture")
        CASE_PRESENTATION = "case_presentation", _("Case presentation")
        GROUP_DISCUSSION = "group_discussion", _("Group discussion")
        THEME = "theme", _("Main topic")
        SESSION = "session", _("Roundtable session")
        CULTURAL_PERFORMANCE = "cultural_performance", _("Cultural performance")
        CULTURAL_EXPERIENCE = "cultural_experience", _("Cultural experience")
        EXHIBITION = "exhibition", _("Exhibition")
        BILATERAL_MEETING = "bilateral_meeting", _("Bilateral meeting")
        DIALOGUE = "dialogue", _("Dialogue")
        SITE_VISIT = "site_visit", _("Site visit")
        CEREMONY = "ceremony", _("Ceremony")
        TRAINING = "training", _("Training module")
        CONTEST_ROUND = "contest_round", _("Contest round")
        OTHER = "other", _("Other")

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    speaker_native = models.CharField(_("speaker in native script"), max_length=200, blank=True)
    speaker_title = models.CharField(_("speaker's title"), max_length=300, blank=True)
    day = models.DateField(_("day"), null=True, blank=True)
    last_day = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("For an item that runs over several days, e.g. an exhibition."),
    )
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["occurrence_id", "day", "order", "starts_at"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="agenda_ends_after_start",
            ),
            models.UniqueConstraint(fields=["occurrence", "order"], name="agenda_unique_order"),
            models.CheckConstraint(
                condition=Q(last_day__isnull=True) | (Q(day__isnull=False) & Q(last_day__gte=F("day"))),
                name="agenda_last_day_after_day",
            ),
        ]

    def __str__(self):
        return self.title


class Delegation(models.Model):
    """A country's delegation to an event (ASEAN-ROK roundtable)."""

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="delegations"
    )
    country = CountryField(_("country"))
    head_name = models.CharField(_("head of delegation"), max_length=200, blank=True)
    head_title = models.CharField(_("title of the head"), max_length=300, blank=True)
    size = models.PositiveSmallIntegerField(_("members"), null=True, blank=True)

    class Meta:
        ordering = ["occurrence_id", "country"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "country"], name="delegation_one_per_country"),
        ]

    def __str__(self):
        return f"{self.country.name} – {self.occurrence}"


class RecordedParticipation(models.Model):
    """Participation figures of past occurrences where only totals are known."""

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="recorded_participation"
    )
    country = CountryField(_("country"), blank=True, help_text=_("Empty: a figure not broken down by country."))
    count = models.PositiveIntegerField(_("participants"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["occurrence_id", "country"]
        verbose_name = _("recorded participation")
        verbose_name_plural = _("recorded participation")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "country"], name="recorded_one_per_country"),
        ]

    def __str__(self):
        return f"{self.occurrence}: {self.country.name or _('all')} {self.count}"
