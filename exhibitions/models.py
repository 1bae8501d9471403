"""An exhibition at an occurrence: its sections, the organizations exhibiting and their exhibits."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from formats.dates import date_range
from programs.models import Organization
from workshops.models import Occurrence


def exhibit_image_upload_to(instance, filename):
    return f"exhibits/{uuid.uuid4().hex}.jpg"


class Exhibition(models.Model):
    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="exhibitions"
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, help_text=_("Empty: the occurrence's dates."))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("Empty: the occurrence's venue."))
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Unticked: the public pages answer 404; staff can preview them.")
    )
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Demo data that no seed document states; never a real event.")
    )

    class Meta:
        ordering = ["occurrence", "start_date", "pk"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="exhibition_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibitions:exhibition_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.end_date and not self.start_date:
            raise ValidationError({"start_date": _("Give the start date too, or neither.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    @property
    def date_display(self):
        """Its own dates when they differ from the occurrence's, else the occurrence's."""
        if self.start_date:
            return date_range(self.start_date, self.end_date)
        return self.occurrence.date_display

    @property
    def venue_display(self):
        return self.venue or self.occurrence.venue or self.occurrence.location_display


class Section(models.Model):
    """A part of the exhibition ("Public Service Innovation Exhibit", "ASEAN Exhibit")."""

    exhibition = models.ForeignKey(
        Exhibition, verbose_name=_("exhibition"), on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["exhibition", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title


class Exhibitor(models.Model):
    """An exhibiting organization: one of the portal's organizations, or a name and a country."""

    exhibition = models.ForeignKey(
        Exhibition, verbose_name=_("exhibition"), on_delete=models.CASCADE, related_name="exhibitors"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exhibitors",
        help_text=_("Empty: write the name below."),
    )
    name = models.CharField(
        _("name"), max_length=300, blank=True, help_text=_("When the organization is not in the portal's list.")
    )
    country = CountryField(_("country"), blank=True, help_text=_("Empty: the organization's country."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["exhibition", "order", "pk"]
        verbose_name = _("exhibiting organization")
        verbose_name_plural = _("exhibiting organizations")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "organization"],
                condition=Q(organization__isnull=False),
                name="exhibitor_organization_once",
            ),
        ]

    def __str__(self):
        return str(self.display_name)

    def save(self, *args, **kwargs):
        if self.organization_id and not self.country:
            self.country = self.organization.country
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        return self.organization.name if self.organization_id else self.name

    def clean(self):
        if not self.organization_id and not (self.name_en or self.name):
            raise ValidationError(
                {"organization": _("Choose an organization or write its name (in English at least).")}
            )


class Exhibit(models.Model):
    exhibition = models.ForeignKey(
        Exhibition, verbose_name=_("exhibition"), on_delete=models.CASCADE, related_name="exhibits"
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="exhibits")
    exhibitor = models.ForeignKey(
        Exhibitor,
        verbose_name=_("exhibiting organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exhibits",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    stand = models.CharField(_("stand number"), max_length=20, blank=True)
    # Both files are written by exhibitions.images (resized, EXIF dropped) through the default storage.
    image = models.ImageField(_("image"), upload_to=exhibit_image_upload_to, blank=True, editable=False)
    thumbnail = models.ImageField(_("thumbnail"), upload_to=exhibit_image_upload_to, blank=True, editable=False)
    image_description = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, read out to visitors who cannot see it. Empty: the exhibit's title."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(
        _("sample"), default=False, help_text=_("Demo data that no seed document states; never a real exhibit.")
    )

    class Meta:
        ordering = ["exhibition", "section__order", "section", "order", "pk"]
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibitions:exhibit_detail", kwargs={"slug": self.exhibition.slug, "pk": self.pk})

    def clean(self):
        errors = {}
        if self.section_id and self.exhibition_id and self.section.exhibition_id != self.exhibition_id:
            errors["section"] = _("Choose a section of this exhibition.")
        if self.exhibitor_id and self.exhibition_id and self.exhibitor.exhibition_id != self.exhibition_id:
            errors["exhibitor"] = _("Choose an exhibiting organization of this exhibition.")
        if errors:
            raise ValidationError(errors)

    @property
    def country(self):
        return self.exhibitor.country if self.exhibitor_id else ""

    @property
    def alt_text(self):
        return self.image_description or self.title
