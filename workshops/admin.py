from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from programs.access import OrganizationScopedAdmin
from programs.coverage import TranslationCoverageAdmin

from .models import AgendaItem, Delegation, RecordedParticipation
from .selectors import occurrences_visible_to

# The occurrence's own admin page brings seats, cohorts and rosters together: backoffice
# registers it with these inlines.


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
    classes = ("collapse",)


class DelegationInline(TranslationTabularInline):
    model = Delegation
    extra = 0


class RecordedParticipationInline(admin.TabularInline):
    model = RecordedParticipation
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslationCoverageAdmin, OrganizationScopedAdmin, TranslationAdmin):
    list_display = ("title", "kind", "occurrence", "speaker", "day", "starts_at")
    list_filter = ("kind",)
    search_fields = ("title", "speaker", "speaker_native", "occurrence__title")
    list_select_related = ("occurrence",)
    autocomplete_fields = ("occurrence",)

    def scoped_queryset(self, request, queryset):
        return queryset.filter(occurrence__in=occurrences_visible_to(request.user).values("pk"))
