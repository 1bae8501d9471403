"""Organizations, programs and the agreements between organizations.

Public text fields (names, descriptions) are translated by django-modeltranslation
(see translation.py): each gets `_ko`, `_en`, `_zh_hans` and `_ja` columns and falls
back to English.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from jobs.storage import private_storage


class DatePrecision(models.TextChoices):
    """How much of a stored date the sources actually state ("May 2019", "2022 [TBD]")."""

    DAY = "day", _("Exact day")
    MONTH = "month", _("Month only")
    YEAR = "year", _("Year only")
    TBD = "tbd", _("To be decided")


LOGO_MAX_BYTES = 2 * 1024 * 1024


def validate_logo_size(image):
    if image and image.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("A logo may be at most 2 MB; this file has %(size)s KB.") % {"size": image.size // 1024}
        )


class Organization(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        PROVINCE = "province", _("Provincial government")
        CITY = "city", _("City or county government")
        ASSOCIATION = "association", _("Association")
        INSTITUTE = "institute", _("Training institute")
        SECRETARIAT = "secretariat", _("International secretariat")
        FOREIGN_LOCAL = "foreign_local", _("Foreign local government")
        AGENCY = "agency", _("Government agency or office")
        INTERNATIONAL = "international", _("International organization")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    name_native = models.CharField(
        _("name in native script"),
        max_length=200,
        blank=True,
        help_text=_("The name as the organization writes it, e.g. 경기도 or 臺北市政府."),
    )
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        help_text=_("Printed on the certificates and letters this organization issues (PNG or JPEG)."),
        validators=[validate_logo_size],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="organization_not_own_parent"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Program(models.Model):
    """A recurring activity (or the frame of a one-off event) whose runs are occurrences."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training program")
        EXCHANGE = "exchange", _("Civil-servant exchange")
        CONFERENCE = "conference", _("Conference")
        CONTEST = "contest", _("Speech contest")
        OVERSEAS_TRAINING = "overseas_training", _("Overseas training")
        ACADEMY = "academy", _("Academy")
        COACHING = "coaching", _("Coaching")
        LECTURE = "lecture", _("Lecture series")
        FORUM = "forum", _("Forum")
        RESEARCH = "research", _("Research")
        NETWORK = "network", _("Partner network")
        SERVICE = "service", _("Service desk")
        EVENT = "event", _("Event or meeting")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("objective"), blank=True)
    description = models.TextField(_("description"), blank=True)
    schedule_note = models.CharField(
        _("when it runs"),
        max_length=200,
        blank=True,
        help_text=_('As the host states it, e.g. "April ~ October (6 months)".'),
    )
    audience = models.TextField(_("who it is for"), blank=True)
    hosts = models.ManyToManyField(
        Organization, verbose_name=_("hosts and co-hosts"), related_name="hosted_programs", blank=True
    )
    since_year = models.PositiveSmallIntegerField(_("held since"), null=True, blank=True)
    is_recurring = models.BooleanField(_("recurring"), default=True)
    # Eligibility, enforced server-side on registration.
    eligible_countries = models.JSONField(
        _("eligible countries"),
        default=list,
        blank=True,
        help_text=_("ISO country codes; empty means every country."),
    )
    excluded_countries = models.JSONField(
        _("excluded countries"),
        default=list,
        blank=True,
        help_text=_("ISO country codes refused, e.g. KR for programs that invite foreign officials only."),
    )
    top_admin_level = models.PositiveSmallIntegerField(
        _("highest administrative level allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("Korean levels run from 1 (highest) to 9; 5 admits officials of level 5 and below (5 to 9)."),
    )
    languages = models.JSONField(
        _("working languages"),
        default=list,
        blank=True,
        help_text=_("Language codes an applicant must choose from, e.g. en, ko."),
    )
    # A conference hosted in turn by its countries: each new edition goes to the next in this order.
    rotation_countries = CountryField(
        _("host rotation"),
        multiple=True,
        multiple_sort=False,
        multiple_unique=True,
        blank=True,
        help_text=_("Countries that host the editions in turn, in order; empty when the program does not rotate."),
    )
    typical_capacity = models.PositiveIntegerField(_("usual number of places"), null=True, blank=True)
    typical_duration_days = models.PositiveSmallIntegerField(_("usual duration in days"), null=True, blank=True)
    completion_attendance_percent = models.PositiveSmallIntegerField(
        _("attendance needed to complete (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Share of the occurrence's days an attendee must have checked in to complete it and receive a "
            "certificate; empty means one day is enough."
        ),
    )
    asks_passport = models.BooleanField(
        _("asks for passport details"),
        default=False,
        help_text=_(
            "Accepted officials enter their passport details for a visa invitation letter. "
            "Leave off unless the program issues such letters."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.CheckConstraint(
                condition=Q(completion_attendance_percent__isnull=True)
                | Q(completion_attendance_percent__gte=1, completion_attendance_percent__lte=100),
                name="program_attendance_percent_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workshops:program_detail", kwargs={"slug": self.slug})

    # Country eligibility, the one rule: the country must be among eligible_countries (when
    # any are listed) and not among excluded_countries. country_refusal reads it for one
    # country, admits_country_q writes the same rule as a filter.
    COUNTRY_NOT_ELIGIBLE = "not_eligible"
    COUNTRY_EXCLUDED = "excluded"

    def country_refusal(self, country):
        """None when officials from `country` (an ISO code or a Country) may take part; otherwise
        the rule that refuses them, COUNTRY_NOT_ELIGIBLE or COUNTRY_EXCLUDED."""
        code = str(country)
        if self.eligible_countries and code not in self.eligible_countries:
            return self.COUNTRY_NOT_ELIGIBLE
        if code in (self.excluded_countries or ()):
            return self.COUNTRY_EXCLUDED
        return None

    def admits_country(self, country):
        return self.country_refusal(country) is None

    def admits_country_q(self, field="country"):
        """admits_country as a filter on the country column `field`, e.g. "country" or "participant__country"."""
        admitted = Q()
        if self.eligible_countries:
            admitted &= Q(**{f"{field}__in": list(self.eligible_countries)})
        if self.excluded_countries:
            admitted &= ~Q(**{f"{field}__in": list(self.excluded_countries)})
        return admitted


class CostShare(models.Model):
    """Who pays what in a program (K2H: GAOK and the host local government)."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="cost_shares"
    )
    payer = models.ForeignKey(Organization, verbose_name=_("payer"), on_delete=models.PROTECT, null=True, blank=True)
    payer_role = models.CharField(_("payer role"), max_length=120, help_text=_('e.g. "Host local government"'))
    covers = models.TextField(_("covers"))
    monthly_allowance_krw = models.PositiveIntegerField(_("monthly living allowance (KRW)"), null=True, blank=True)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("cost share")
        verbose_name_plural = _("cost shares")
        constraints = [
            models.UniqueConstraint(fields=["program", "payer_role"], name="costshare_unique_role"),
        ]

    def __str__(self):
        return f"{self.program}: {self.payer_role}"


def agreement_upload_to(instance, filename):
    # Private storage, a random folder: the public registry serves a document only when staff
    # publish it (record.views.partnership_document), staff read it through the private file URL.
    return f"agreements/{secrets.token_urlsafe(16)}/{filename}"


class Agreement(models.Model):
    """A sister or friendship relation, or an MOU, between organizations."""

    class Kind(models.TextChoices):
        SISTER = "sister", _("Sister relation")
        FRIENDSHIP = "friendship", _("Friendship relation")
        MOU = "mou", _("Memorandum of understanding")
        EXCHANGE_MOU = "exchange_mou", _("Exchange and training MOU")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    parties = models.ManyToManyField(Organization, verbose_name=_("parties"), related_name="agreements")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_on_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    place = models.CharField(_("place of signing"), max_length=200, blank=True)
    builds_on = models.ForeignKey(
        "self", verbose_name=_("builds on"), null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program it runs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    # Exchange terms: who goes, how many, for how long, and how the direction turns.
    cohort_size = models.PositiveSmallIntegerField(_("civil servants per cohort"), null=True, blank=True)
    cohort_duration_days = models.PositiveSmallIntegerField(_("cohort duration (days)"), null=True, blank=True)
    alternates_yearly = models.BooleanField(_("direction alternates every year"), default=False)
    first_sending_party = models.ForeignKey(
        Organization,
        verbose_name=_("first sending party"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_receiving_party = models.ForeignKey(
        Organization,
        verbose_name=_("first receiving party"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_exchange_year = models.PositiveSmallIntegerField(_("first exchange year"), null=True, blank=True)
    document = models.FileField(_("document"), storage=private_storage, upload_to=agreement_upload_to, blank=True)
    terms = models.TextField(
        _("terms"), blank=True, help_text=_("What the parties agreed, as the public registry states it.")
    )
    # The public registry (record/) shows only what staff chose to publish.
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Listed in the public partnerships registry.")
    )
    document_is_public = models.BooleanField(
        _("document is public"),
        default=False,
        help_text=_("The document may be downloaded from the agreement's public page."),
    )

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_sending_party__isnull=True)
                | Q(first_receiving_party__isnull=True)
                | ~Q(first_sending_party=models.F("first_receiving_party")),
                name="agreement_sender_is_not_receiver",
            ),
            models.CheckConstraint(
                condition=Q(cohort_size__isnull=True) | Q(cohort_size__gt=0), name="agreement_cohort_size_positive"
            ),
        ]

    def __str__(self):
        return self.title


class AgreementSignatory(models.Model):
    class Role(models.TextChoices):
        SIGNATORY = "signatory", _("Signatory")
        WITNESS = "witness", _("Witness")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.SIGNATORY)
    name = models.CharField(_("name (romanized)"), max_length=120)
    name_native = models.CharField(_("name in native script"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), null=True, blank=True, on_delete=models.PROTECT
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["agreement", "role", "order"]
        verbose_name = _("signatory or witness")
        verbose_name_plural = _("signatories and witnesses")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "role", "name"], name="signatory_unique_per_agreement"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"
