"""The Bureau in the admin: queues scoped to the staff member's departments, the six steps,
reassignment, the conversation with internal notes, requesters to confirm, email domains,
assignment rules and service levels."""

import io
import re
from datetime import timedelta

from django.contrib import admin, messages
from django.db.models import Case, F, IntegerField, Value, When
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from formats.dates import datetime_tz

from . import selectors
from .forms import AdvanceForm, ReassignForm, StaffMessageForm
from .models import (
    AssignmentRule,
    OrganizationDomain,
    Requester,
    ServiceLevel,
    ServiceRequest,
    ServiceRequestEvent,
)
from .report import monthly_figures, monthly_workbook
from .services import (
    NEXT_STEPS,
    ServiceRequestError,
    requester_confirm,
    service_request_advance,
    service_request_reassign,
)


class BureauManagerAdmin(admin.ModelAdmin):
    """Rows that belong to the Bureau as a whole: for staff who run the Online Bureau program."""

    @staticmethod
    def _is_manager(request):
        # Asked once per request: the app list asks every Bureau model's admin on every admin page.
        if not hasattr(request, "_is_bureau_manager"):
            request._is_bureau_manager = selectors.is_bureau_manager(request.user)
        return request._is_bureau_manager

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if self._is_manager(request) else queryset.none()

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self._is_manager(request)


@admin.register(Requester)
class RequesterAdmin(BureauManagerAdmin):
    list_display = ("user", "organization", "verified_at", "verified_via", "verified_by", "created_at")
    list_filter = (("verified_at", admin.EmptyFieldListFilter), "verified_via")
    search_fields = ("user__email", "organization__name", "organization__name_ko", "organization__name_native")
    list_select_related = ("user", "organization", "verified_by")
    autocomplete_fields = ("user", "organization")
    readonly_fields = ("verified_at", "verified_via", "verified_by", "created_at")
    actions = ["confirm"]

    @admin.action(description=_("Confirm that they work for their local government"), permissions=["change"])
    def confirm(self, request, queryset):
        for requester in queryset:
            requester_confirm(requester=requester, by=request.user)
        self.message_user(request, _("The selected requesters are verified."), messages.SUCCESS)


@admin.register(OrganizationDomain)
class OrganizationDomainAdmin(BureauManagerAdmin):
    list_display = ("domain", "organization")
    search_fields = ("domain", "organization__name", "organization__name_ko")
    autocomplete_fields = ("organization",)


@admin.register(AssignmentRule)
class AssignmentRuleAdmin(BureauManagerAdmin):
    list_display = ("order", "service", "language", "department", "strategy", "active")
    list_editable = ("active",)
    list_display_links = ("order", "service")
    autocomplete_fields = ("department",)


@admin.register(ServiceLevel)
class ServiceLevelAdmin(BureauManagerAdmin):
    list_display = ("service", "hours_to_register", "hours_to_mid_response", "hours_to_final_response")


class EventInline(admin.TabularInline):
    model = ServiceRequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "by", "at", "note")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("1", _("Less than a day")), ("7", _("1 to 7 days")), ("old", _("More than 7 days"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "1":
            return queryset.filter(created_at__gte=now - timedelta(days=1))
        if self.value() == "7":
            return queryset.filter(created_at__lt=now - timedelta(days=1), created_at__gte=now - timedelta(days=7))
        if self.value() == "old":
            return queryset.filter(created_at__lt=now - timedelta(days=7))
        return queryset


class DeadlineFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [
            ("late", _("Late (service level)")),
            ("passed", _("Desired deadline passed")),
            ("week", _("Desired deadline within 7 days")),
            ("none", _("No desired deadline")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        open_requests = queryset.exclude(status=ServiceRequest.Status.FINAL_RESPONSE)
        if self.value() == "late":
            return queryset.filter(overdue_since__isnull=False)
        if self.value() == "passed":
            return open_requests.filter(desired_deadline__lt=today)
        if self.value() == "week":
            return open_requests.filter(desired_deadline__gte=today, desired_deadline__lte=today + timedelta(days=7))
        if self.value() == "none":
            return queryset.filter(desired_deadline__isnull=True)
        return queryset


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = (
        "reference",
        "late",
        "subject",
        "service",
        "requesting_organization",
        "status",
        "department",
        "assignee",
        "desired_deadline",
        "created_at",
    )
    list_filter = ("service", "status", AgeFilter, DeadlineFilter, "department")
    search_fields = ("reference", "subject", "requesting_organization__name", "contact_email")
    list_select_related = ("requesting_organization", "department", "assignee")
    # The workflow fields change only through the "Next step" and "Reassign" pages (bureau.services).
    readonly_fields = (
        "reference",
        "requesting_organization",
        "requested_by",
        "status",
        "department",
        "assignee",
        "source_language",
        "target_language",
        "starts_on",
        "ends_on",
        "desired_deadline",
        "overdue_since",
        "overdue_step",
        "mid_response",
        "final_response",
        "created_at",
        "files",
        "conversation",
    )
    fields = ("reference", "requesting_organization", "requested_by", "contact_email", "service", "subject", "body")
    fields += readonly_fields[3:]
    inlines = [EventInline]
    change_form_template = "admin/bureau/servicerequest/change_form.html"

    def has_add_permission(self, request):
        return False  # requests come from the local governments' form

    def get_queryset(self, request):
        # Late first, then the nearest desired deadline, then the oldest.
        return (
            selectors.requests_visible_to_staff(request.user)
            .annotate(
                late_rank=Case(
                    When(overdue_since__isnull=False, then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            )
            .order_by("late_rank", F("desired_deadline").asc(nulls_last=True), "created_at")
        )

    def get_ordering(self, request):
        return ["late_rank", F("desired_deadline").asc(nulls_last=True), "created_at"]

    @admin.display(description=_("late"), boolean=True, ordering="late_rank")
    def late(self, obj):
        return obj.overdue_since is not None

    @admin.display(description=_("attachments"))
    def files(self, obj):
        rows = obj.attachments.filter(message__isnull=True)
        return (
            format_html_join(
                "",
                '<div><a href="{}">{}</a></div>',
                ((reverse("bureau:attachment_download", args=[a.pk]), a.name) for a in rows),
            )
            or "-"
        )

    @admin.display(description=_("conversation"))
    def conversation(self, obj):
        parts = []
        for message in selectors.conversation(obj, staff=True):
            who = _("Internal note") if message.internal else (_("Bureau") if message.from_staff else _("Requester"))
            author = message.author.email if message.author else ""
            files = format_html_join(
                " ",
                '<a href="{}">{}</a>',
                ((reverse("bureau:attachment_download", args=[a.pk]), a.name) for a in message.attachments.all()),
            )
            parts.append(
                format_html(
                    '<div class="bureau-message"><strong>{}</strong> {} · {}<br>{}<div>{}</div></div><hr>',
                    who,
                    author,
                    datetime_tz(message.created_at),
                    message.body,
                    files,
                )
            )
        return format_html_join("", "{}", ((p,) for p in parts)) or "-"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/advance/", view(self.advance_view), name="bureau_servicerequest_advance"),
            path("<int:pk>/reassign/", view(self.reassign_view), name="bureau_servicerequest_reassign"),
            path("<int:pk>/write/", view(self.write_view), name="bureau_servicerequest_write"),
            path("report/", view(self.report_view), name="bureau_servicerequest_report"),
            *super().get_urls(),
        ]

    def report_view(self, request):
        """The monthly report of the requests this staff member reaches: a page with charts, or XLSX."""
        if not self.has_view_permission(request):
            raise Http404
        today = timezone.localdate()
        match = re.fullmatch(r"(\d{4})-(\d{2})", request.GET.get("month", ""))
        year, month = (int(match[1]), int(match[2])) if match else (today.year, today.month)
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            year, month = today.year, today.month
        figures = monthly_figures(self.get_queryset(request), year=year, month=month)
        if request.GET.get("format") == "xlsx":
            buffer = io.BytesIO()
            monthly_workbook(buffer, figures, year=year, month=month)
            buffer.seek(0)
            return FileResponse(
                buffer,
                as_attachment=True,
                filename=f"online-bureau-{year}-{month:02d}.xlsx",
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Online Bureau: monthly report"),
            "month": f"{year}-{month:02d}",
            "figures": figures,
        }
        return TemplateResponse(request, "admin/bureau/servicerequest/report.html", context)

    def _editable(self, request, pk):
        service_request = self.get_queryset(request).filter(pk=pk).first()
        if service_request is None or not self.has_change_permission(request, service_request):
            raise Http404
        return service_request

    def _page(self, request, service_request, form, title, template="admin/bureau/servicerequest/advance.html"):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": service_request,
            "form": form,
            "title": title % {"reference": service_request.reference},
        }
        return TemplateResponse(request, template, context)

    def _done(self, request, pk, text):
        self.message_user(request, text, messages.SUCCESS)
        return redirect(reverse("admin:bureau_servicerequest_change", args=[pk]))

    def advance_view(self, request, pk):
        service_request = self._editable(request, pk)
        allowed = NEXT_STEPS[service_request.status]
        form = AdvanceForm(request.POST or None)
        form.fields["to_status"].choices = [(s.value, s.label) for s in ServiceRequest.Status if s in allowed]
        form.fields["assignee"].queryset = selectors.department_staff(service_request.department)
        if request.method == "POST" and form.is_valid():
            try:
                service_request_advance(request=service_request, by=request.user, **form.cleaned_data)
            except ServiceRequestError as exc:
                form.add_error(None, exc.message)
            else:
                return self._done(request, pk, _("The request moved to the next step."))
        return self._page(request, service_request, form, _("Next step for %(reference)s"))

    def reassign_view(self, request, pk):
        service_request = self._editable(request, pk)
        form = ReassignForm(
            request.POST or None,
            initial={"department": service_request.department, "assignee": service_request.assignee},
        )
        if request.method == "POST" and form.is_valid():
            try:
                service_request_reassign(request=service_request, by=request.user, **form.cleaned_data)
            except ServiceRequestError as exc:
                form.add_error(None, exc.message)
            else:
                return self._done(request, pk, _("The request was reassigned."))
        return self._page(request, service_request, form, _("Reassign %(reference)s"))

    def write_view(self, request, pk):
        service_request = self._editable(request, pk)
        form = StaffMessageForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.send(request=service_request, author=request.user, from_staff=True):
            return self._done(request, pk, _("Your message was added to the conversation."))
        return self._page(request, service_request, form, _("Write about %(reference)s"))
