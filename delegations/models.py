"""Focal points (a sending organization's official, granted by staff) and their nominations
within a seat allocation (workshops.CountryQuota), with the history of each nomination."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from formats.languages import country_name
from participants.models import Registration
from programs.models import Organization, Program
from workshops.models import CountryQuota, Occurrence

from .storage import letter_upload_to, private_storage


class FocalPoint(models.Model):
    """The role staff grant an official: nominate within the allocation of one sending organization
    (or country) for one occurrence, or for every future occurrence of a program.

    The grant belongs to an email address; it acts for the account with that verified address."""

    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language for emails"), max_length=8, choices=settings.LANGUAGES, default="en")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("sending organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="focal_points",
    )
    country = CountryField(_("sending country"), blank=True)
    occurrence = models.ForeignKey(
        Occurrence,
        verbose_name=_("occurrence"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="focal_points",
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program (its future occurrences)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="focal_points",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("granted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.CheckConstraint(
                condition=(Q(country="") & Q(organization__isnull=False))
                | (~Q(country="") & Q(organization__isnull=True)),
                name="focal_point_country_or_organization",
            ),
            models.CheckConstraint(
                condition=(Q(occurrence__isnull=True) & Q(program__isnull=False))
                | (Q(occurrence__isnull=False) & Q(program__isnull=True)),
                name="focal_point_occurrence_or_program",
            ),
        ]

    def __str__(self):
        return f"{self.email}: {self.party_name} ({self.occurrence or self.program})"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if bool(self.organization_id) == bool(self.country):
            errors["country"] = _("Give either a sending organization or a country, not both.")
        if bool(self.occurrence_id) == bool(self.program_id):
            errors["occurrence"] = _("Give either one occurrence or a program (its future occurrences), not both.")
        if errors:
            raise ValidationError(errors)

    @property
    def party_name(self):
        return str(self.organization) if self.organization_id else country_name(self.country)


class Nomination(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Nominated")
        REPLACED = "replaced", _("Substituted")

    allocation = models.ForeignKey(
        CountryQuota, verbose_name=_("seat allocation"), on_delete=models.PROTECT, related_name="nominations"
    )
    family_name = models.CharField(_("family name"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language for emails"), max_length=8, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominated_at = models.DateTimeField(_("nominated"), auto_now_add=True)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("substitutes for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nomination",
    )
    letter = models.FileField(_("nomination letter"), storage=private_storage, upload_to=letter_upload_to, blank=True)
    letter_uploaded_at = models.DateTimeField(_("letter uploaded"), null=True, blank=True)
    # The invitation link is signed with this value; replacing it (or using the link) voids older links.
    invitation_key = models.UUIDField(default=uuid.uuid4, editable=False)
    invitation_used_at = models.DateTimeField(_("invitation used"), null=True, blank=True)

    class Meta:
        ordering = ["allocation_id", "nominated_at", "id"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                "allocation",
                Lower("email"),
                condition=Q(status="active"),
                name="nomination_one_active_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.family_name.upper()} {self.given_name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def country(self):
        """The nominee's country, for writing their name in its culture's order (formats.names):
        the allocation's, or its sending organization's."""
        allocation = self.allocation
        if allocation.country:
            return allocation.country
        return allocation.organization.country if allocation.organization_id else ""

    @property
    def display_name(self):
        return f"{self.family_name.upper()} {self.given_name}"


class NominationEvent(models.Model):
    """The history of a nomination: nominated, invited, letter attached, substituted, registered."""

    class Action(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        LETTER = "letter", _("Nomination letter attached")
        SUBSTITUTED_OUT = "substituted_out", _("Replaced by a substitute")
        SUBSTITUTED_IN = "substituted_in", _("Nominated as a substitute")
        REGISTERED = "registered", _("Registered")
        REMINDED = "reminded", _("Reminded")

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["nomination", "at", "id"]
        verbose_name = _("nomination event")
        verbose_name_plural = _("nomination events")

    def __str__(self):
        return f"{self.nomination}: {self.get_action_display()}"
