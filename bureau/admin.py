from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .forms import AdvanceForm
from .models import ServiceRequest, ServiceRequestEvent
from .services import NEXT_STEPS, ServiceRequestError, service_request_advance


class EventInline(admin.TabularInline):
    model = ServiceRequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "by", "at", "note")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = (
        "reference",
        "subject",
        "service",
        "requesting_organization",
        "status",
        "department",
        "assignee",
        "created_at",
    )
    list_filter = ("status", "service")
    search_fields = ("reference", "subject", "requesting_organization__name", "contact_email")
    list_select_related = ("requesting_organization", "department", "assignee")
    autocomplete_fields = ("requesting_organization", "requested_by")
    # The workflow fields change only through the "Next step" page (bureau.services).
    readonly_fields = ("reference", "status", "department", "assignee", "mid_response", "final_response", "created_at")
    inlines = [EventInline]
    change_form_template = "admin/bureau/servicerequest/change_form.html"

    def get_urls(self):
        return [
            path(
                "<int:pk>/advance/", self.admin_site.admin_view(self.advance_view), name="bureau_servicerequest_advance"
            ),
            *super().get_urls(),
        ]

    def advance_view(self, request, pk):
        service_request = get_object_or_404(ServiceRequest, pk=pk)
        if not self.has_change_permission(request, service_request):
            return redirect("admin:index")
        allowed = NEXT_STEPS[service_request.status]
        form = AdvanceForm(request.POST or None)
        form.fields["to_status"].choices = [(s.value, s.label) for s in ServiceRequest.Status if s in allowed]
        if request.method == "POST" and form.is_valid():
            try:
                service_request_advance(request=service_request, by=request.user, **form.cleaned_data)
            except ServiceRequestError as exc:
                form.add_error(None, exc.message)
            else:
                self.message_user(request, _("The request moved to the next step."), messages.SUCCESS)
                return redirect(reverse("admin:bureau_servicerequest_change", args=[pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": service_request,
            "form": form,
            "title": _("Next step for %(reference)s") % {"reference": service_request.reference},
        }
        return TemplateResponse(request, "admin/bureau/servicerequest/advance.html", context)
