from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Participant, Registration, RegistrationStatusChange


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ("romanized_name", "native_name", "country", "organization", "position", "admin_level", "email", "is_sample")
    list_filter = ("country", "admin_level", "preferred_language", "is_sample")
    search_fields = ("family_name", "given_name", "family_name_native", "given_name_native", "email", "organization__name")
    list_select_related = ("organization", "user")
    autocomplete_fields = ("organization", "user")


class StatusChangeInline(admin.TabularInline):
    model = RegistrationStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "changed_by", "changed_at", "note")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ("participant", "occurrence", "country", "status", "submitted_at", "decided_at", "is_sample")
    list_filter = ("status", "occurrence__program", "country", "is_sample")
    search_fields = ("participant__family_name", "participant__given_name", "participant__family_name_native", "participant__email", "occurrence__title")
    list_select_related = ("participant", "occurrence")
    autocomplete_fields = ("participant", "occurrence")
    # Status changes go through the review actions (participants.services), never a raw edit.
    readonly_fields = ("status", "submitted_at", "decided_at", "consent_given_at")
    inlines = [StatusChangeInline]
    date_hierarchy = "submitted_at"
