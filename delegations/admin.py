from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programs.access import OrganizationScopedAdmin, programs_visible_to
from workshops.selectors import occurrences_visible_to

from .models import FocalPoint
from .services import focal_point_grant


@admin.register(FocalPoint)
class FocalPointAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    """Staff grant the focal point role; saving a new grant emails the invitation in its language."""

    list_display = ("email", "name", "delegation", "occurrence", "program", "language", "is_active", "granted_at")
    list_filter = ("is_active", "language")
    search_fields = ("email", "name", "organization__name")
    list_select_related = ("organization", "occurrence", "program")
    autocomplete_fields = ("organization",)
    fields = ("email", "name", "language", "organization", "country", "occurrence", "program", "is_active")
    readonly_fields = ()

    @admin.display(description=_("Delegation"))
    def delegation(self, obj):
        return obj.party_name

    def scoped_queryset(self, request, queryset):
        return queryset.filter(
            Q(occurrence__in=occurrences_visible_to(request.user).values("pk"))
            | Q(program__in=programs_visible_to(request.user).values("pk"))
        )

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            focal_point_grant(focal_point=obj, by=request.user)
