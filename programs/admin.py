from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import Agreement, AgreementSignatory, CostShare, ExchangeCohort, Organization, Program


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("name", "name_native", "acronym", "kind", "country", "parent")
    list_filter = ("kind", "country")
    search_fields = ("name", "name_ko", "name_zh_hans", "name_ja", "name_native", "acronym")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}


class CostShareInline(TranslationTabularInline):
    model = CostShare
    extra = 0
    autocomplete_fields = ("payer",)


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("name", "kind", "since_year", "is_recurring", "is_active")
    list_filter = ("kind", "is_active", "hosts")
    search_fields = ("name", "name_ko", "name_zh_hans", "name_ja", "slug")
    autocomplete_fields = ("hosts",)
    inlines = [CostShareInline]
    prepopulated_fields = {"slug": ("name_en",)}


class SignatoryInline(admin.TabularInline):
    model = AgreementSignatory
    extra = 0
    autocomplete_fields = ("organization",)


class ExchangeCohortInline(admin.TabularInline):
    model = ExchangeCohort
    extra = 0
    autocomplete_fields = ("sending", "receiving", "occurrence")


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("title", "kind", "signed_on", "signed_on_precision", "first_exchange_year")
    list_filter = ("kind",)
    search_fields = ("title", "title_ko", "title_zh_hans", "title_ja", "parties__name", "signatories__name")
    autocomplete_fields = ("parties", "builds_on", "program", "first_sending_party", "first_receiving_party")
    inlines = [SignatoryInline, ExchangeCohortInline]
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "signed_on"


@admin.register(ExchangeCohort)
class ExchangeCohortAdmin(admin.ModelAdmin):
    list_display = ("agreement", "year", "sending", "receiving", "size", "duration_days", "occurrence")
    list_filter = ("year",)
    search_fields = ("agreement__title", "sending__name", "receiving__name")
    list_select_related = ("agreement", "sending", "receiving", "occurrence")
    autocomplete_fields = ("agreement", "sending", "receiving", "occurrence")
