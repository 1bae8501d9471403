from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaItem, CountryQuota, Delegation, Occurrence, RecordedParticipation


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
    classes = ("collapse",)


class CountryQuotaInline(admin.TabularInline):
    model = CountryQuota
    extra = 0
    readonly_fields = ("seats_taken",)


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0


class RecordedParticipationInline(admin.TabularInline):
    model = RecordedParticipation
    extra = 0


@admin.register(Occurrence)
class OccurrenceAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = (
        "title", "program", "number", "date_display", "location", "capacity", "seats_taken", "admission",
        "is_cancelled", "is_sample",
    )
    list_filter = ("program", "admission", "is_cancelled", "is_sample", "year")
    search_fields = ("title", "title_ko", "title_zh_hans", "title_ja", "location", "slug")
    list_select_related = ("program",)
    autocomplete_fields = ("program", "hosts")
    readonly_fields = ("seats_taken",)
    inlines = [AgendaItemInline, CountryQuotaInline, DelegationInline, RecordedParticipationInline]
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "start_date"


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslationAdmin):
    list_display = ("title", "kind", "occurrence", "speaker", "day", "starts_at")
    list_filter = ("kind",)
    search_fields = ("title", "speaker", "speaker_native", "occurrence__title")
    list_select_related = ("occurrence",)
    autocomplete_fields = ("occurrence",)
