"""Calls for applications by organizations, the applications and their status history.

A call opens an occurrence to applications from Korean local governments instead of persons:
an official the Online Bureau verified for the organization (bureau.Requester) applies on its
behalf. The call has a number of places; an application holds one while it is submitted or
accepted (not once declined or withdrawn), and `places_taken` is kept equal to those under the
call's row lock (applications.services), with a check constraint as the database's own guard.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models import Organization
from workshops.models import Occurrence


class OrganizationCall(models.Model):
    occurrence = models.OneToOneField(
        Occurrence, verbose_name=_("occurrence"), on_delete=models.CASCADE, related_name="organization_call"
    )
    places = models.PositiveIntegerField(_("places"), help_text=_("Local governments the occurrence can take."))
    places_taken = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"), null=True, blank=True)
    cities_only = models.BooleanField(
        _("cities, counties and districts only"),
        default=False,
        help_text=_("Provinces and metropolitan governments may not apply (e.g. the Coaching Service)."),
    )

    class Meta:
        verbose_name = _("call for applications by organizations")
        verbose_name_plural = _("calls for applications by organizations")
        constraints = [
            models.CheckConstraint(condition=Q(places_taken__lte=F("places")), name="call_not_overbooked"),
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=F("opens_at")), name="call_window_order"
            ),
        ]

    def __str__(self):
        return str(self.occurrence)

    def clean(self):
        if self.places is not None and self.places < self.places_taken:
            raise ValidationError(
                {"places": _("%(taken)s applications already hold a place.") % {"taken": self.places_taken}}
            )

    @property
    def places_left(self):
        return max(self.places - self.places_taken, 0)

    def is_open(self, now=None):
        now = now or timezone.now()
        if self.occurrence.is_cancelled or now < self.opens_at:
            return False
        return self.closes_at is None or now < self.closes_at


class OrganizationApplication(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    HOLDING_PLACE = (Status.SUBMITTED, Status.ACCEPTED)

    call = models.ForeignKey(
        OrganizationCall, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("local government"),
        on_delete=models.PROTECT,
        related_name="organization_applications",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="organization_applications",
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    needs = models.TextField(_("topic and needs"))
    preferred_dates = models.CharField(_("preferred dates"), max_length=200, blank=True)
    attendees = models.PositiveIntegerField(_("expected attendees"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    decision_reason = models.TextField(_("reason given"), blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["call_id", "created_at"]
        verbose_name = _("application by an organization")
        verbose_name_plural = _("applications by organizations")
        constraints = [
            # A withdrawn application does not count: the local government may apply again.
            models.UniqueConstraint(
                fields=["call", "organization"],
                condition=~Q(status="withdrawn"),
                name="application_one_per_organization",
            ),
            models.CheckConstraint(condition=Q(attendees__gte=1), name="application_attendees_positive"),
        ]

    def __str__(self):
        return f"{self.organization} · {self.call}"


class ApplicationEvent(models.Model):
    """One status change of an application: who, when, from and to, and the reason given."""

    application = models.ForeignKey(
        OrganizationApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(_("from"), max_length=10, choices=OrganizationApplication.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=OrganizationApplication.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["application_id", "at", "pk"]
        verbose_name = _("application status change")
        verbose_name_plural = _("application status changes")

    def __str__(self):
        return f"{self.application}: {self.from_status or '-'} → {self.to_status}"
