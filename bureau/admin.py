from django.contrib import admin

from .models import ServiceRequest, ServiceRequestEvent


class EventInline(admin.TabularInline):
    model = ServiceRequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "by", "at", "note")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    list_display = ("reference", "subject", "service", "requesting_organization", "status", "department", "assignee", "created_at")
    list_filter = ("status", "service")
    search_fields = ("reference", "subject", "requesting_organization__name", "contact_email")
    list_select_related = ("requesting_organization", "department", "assignee")
    autocomplete_fields = ("requesting_organization", "department", "assignee", "requested_by")
    inlines = [EventInline]
