"""The Online Bureau: GAOK's 24/7 service desk for local governments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programs.models import Organization


class ServiceRequest(models.Model):
    class Service(models.TextChoices):
        TRANSLATION = "translation", _("Interpretation and translation")
        EXCHANGE = "exchange", _("International exchange")
        OVERSEAS_VISIT = "overseas_visit", _("Overseas visit arrangement")
        INFORMATION = "information", _("Information request")
        GENERAL = "general", _("General inquiry")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested, waiting to be registered")
        REGISTERED = "registered", _("Registered")
        ASSIGNED_DEPARTMENT = "assigned_department", _("Assigned to a department")
        ASSIGNED_STAFF = "assigned_staff", _("Assigned to a staff member")
        MID_RESPONSE = "mid_response", _("Mid-response sent")
        FINAL_RESPONSE = "final_response", _("Final response sent")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    requesting_organization = models.ForeignKey(
        Organization,
        verbose_name=_("requesting local government"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_requests",
    )
    contact_email = models.EmailField(_("contact email"))
    service = models.CharField(_("service"), max_length=20, choices=Service.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("request"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    department = models.ForeignKey(
        Organization,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned staff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_service_requests",
    )
    mid_response = models.TextField(_("mid-response"), blank=True)
    final_response = models.TextField(_("final response"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["assigned_staff", "mid_response", "final_response"])
                | Q(assignee__isnull=False),
                name="servicerequest_staff_assigned_when_needed",
            ),
            models.CheckConstraint(
                condition=~Q(status="final_response") | ~Q(final_response=""),
                name="servicerequest_final_has_text",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.subject}"


class ServiceRequestEvent(models.Model):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=20, choices=ServiceRequest.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=ServiceRequest.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["request", "at", "id"]
        verbose_name = _("service request event")
        verbose_name_plural = _("service request events")

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"
