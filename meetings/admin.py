"""Staff set up rooms and the time zone per occurrence here; meetings are listed with a link to
the meeting's page, where staff accept, move, decline or cancel them (the same service as the
focal points use, with its double-booking checks)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from programs.access import OrganizationScopedAdmin
from programs.coverage import TranslationCoverageAdmin
from workshops.selectors import occurrences_visible_to

from .models import Meeting, MeetingSettings, Room


class OccurrenceScoped(OrganizationScopedAdmin):
    def scoped_queryset(self, request, queryset):
        return queryset.filter(occurrence__in=occurrences_visible_to(request.user).values("pk"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "occurrence" and not request.user.is_superuser:
            kwargs["queryset"] = occurrences_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Room)
class RoomAdmin(TranslationCoverageAdmin, OccurrenceScoped, TranslationAdmin):
    list_display = ("name", "occurrence", "capacity")
    list_filter = ("occurrence",)
    list_select_related = ("occurrence",)


@admin.register(MeetingSettings)
class MeetingSettingsAdmin(OccurrenceScoped, admin.ModelAdmin):
    list_display = ("occurrence", "time_zone")
    list_select_related = ("occurrence",)


@admin.register(Meeting)
class MeetingAdmin(OccurrenceScoped, admin.ModelAdmin):
    list_display = ("__str__", "status", "starts_at", "room", "page")
    list_filter = ("status", "occurrence")
    list_select_related = ("requester__organization", "counterpart__organization", "room", "occurrence")
    fields = ("page",)
    readonly_fields = ("page",)

    @admin.display(description=_("meeting's page"))
    def page(self, obj):
        url = reverse("meetings:detail", kwargs={"pk": obj.pk})
        return format_html('<a href="{}" class="meeting-page-link">{}</a>', url, _("Accept, move, decline or cancel"))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
