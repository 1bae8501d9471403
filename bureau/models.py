"""The Online Bureau: GAOK's 24/7 service desk for local governments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programs.models import Organization

from .storage import attachment_upload_to, private_storage

# The languages a request for interpretation or translation may name (from and into).
REQUEST_LANGUAGES = [
    ("ko", _("Korean")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("ja", _("Japanese")),
    ("vi", _("Vietnamese")),
    ("th", _("Thai")),
    ("id", _("Indonesian")),
    ("mn", _("Mongolian")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
]


class OrganizationDomain(models.Model):
    """An email domain that proves membership of a local government (e.g. gg.go.kr)."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="bureau_domains"
    )
    domain = models.CharField(
        _("email domain"), max_length=100, unique=True, help_text=_("Addresses ending in @domain are verified at once.")
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = _("verified email domain")
        verbose_name_plural = _("verified email domains")

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class Requester(models.Model):
    """An account that acts for a local government in the Bureau, once staff (or its domain) verify it."""

    class Via(models.TextChoices):
        STAFF = "staff", _("Confirmed by staff")
        DOMAIN = "domain", _("Email domain of the organization")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="bureau_links"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("local government"), on_delete=models.CASCADE, related_name="bureau_requesters"
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_via = models.CharField(_("verified by"), max_length=10, choices=Via.choices, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("requester")
        verbose_name_plural = _("requesters")
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="bureau_requester_unique")]

    def __str__(self):
        return f"{self.user} · {self.organization}"

    @property
    def is_verified(self):
        return self.verified_at is not None


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
    body = models.TextField(_("details"))
    source_language = models.CharField(_("from language"), max_length=5, choices=REQUEST_LANGUAGES, blank=True)
    target_language = models.CharField(_("into language"), max_length=5, choices=REQUEST_LANGUAGES, blank=True)
    starts_on = models.DateField(_("from date"), null=True, blank=True)
    ends_on = models.DateField(_("until date"), null=True, blank=True)
    desired_deadline = models.DateField(_("desired deadline"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    closed_at = models.DateTimeField(_("final response"), null=True, blank=True)
    overdue_since = models.DateTimeField(_("late since"), null=True, blank=True, db_index=True)
    overdue_step = models.CharField(_("late for"), max_length=20, blank=True)
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

    @property
    def overdue_step_label(self):
        return self.Status(self.overdue_step).label if self.overdue_step else ""

    @property
    def language(self):
        """The language the rules match: the one to translate into, else the one translated from."""
        return self.target_language or self.source_language


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


class Message(models.Model):
    """One turn of a request's conversation; an internal note is for Bureau staff only."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    from_staff = models.BooleanField(_("from the Bureau"), default=False)
    internal = models.BooleanField(
        _("internal note"), default=False, help_text=_("Seen by Bureau staff only, never by the local government.")
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["request", "created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.CheckConstraint(condition=~Q(internal=True, from_staff=False), name="bureau_message_internal_staff")
        ]

    def __str__(self):
        return self.body[:60]


class Attachment(models.Model):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_upload_to, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class AssignmentRule(models.Model):
    """Which department gets a request of a type (and language), and how it picks the staff member."""

    class Strategy(models.TextChoices):
        ROUND_ROBIN = "round_robin", _("Round robin")
        LEAST_LOADED = "least_loaded", _("Least loaded")

    order = models.PositiveIntegerField(_("order"), default=10, help_text=_("The first matching rule applies."))
    service = models.CharField(
        _("service"), max_length=20, choices=ServiceRequest.Service.choices, blank=True, help_text=_("Empty: any.")
    )
    language = models.CharField(
        _("language"), max_length=5, choices=REQUEST_LANGUAGES, blank=True, help_text=_("Empty: any.")
    )
    department = models.ForeignKey(
        Organization, verbose_name=_("department"), on_delete=models.PROTECT, related_name="bureau_rules"
    )
    strategy = models.CharField(_("choose the staff member by"), max_length=20, choices=Strategy.choices)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("assignment rule")
        verbose_name_plural = _("assignment rules")

    def __str__(self):
        return f"{self.get_service_display() or '*'} / {self.get_language_display() or '*'} → {self.department}"


class ServiceLevel(models.Model):
    """How long each step of a request of this type may take, in hours."""

    service = models.CharField(_("service"), max_length=20, choices=ServiceRequest.Service.choices, unique=True)
    hours_to_register = models.PositiveIntegerField(_("hours to register"), default=1)
    hours_to_mid_response = models.PositiveIntegerField(_("hours to a mid-response"), default=24)
    hours_to_final_response = models.PositiveIntegerField(_("hours to the final response"), default=24 * 7)

    class Meta:
        ordering = ["service"]
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")

    def __str__(self):
        return self.get_service_display()
