from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .access import (
    HistoryReadOnly,
    OrganizationScopedAdmin,
    agreements_visible_to,
    organizations_of,
    programs_visible_to,
)
from .coverage import TranslationCoverageAdmin
from .models import AgreementSignatory, CostShare, Organization, Program


@admin.register(Organization)
class OrganizationAdmin(TranslationCoverageAdmin, HistoryReadOnly, SimpleHistoryAdmin, TranslationAdmin):
    """Organizations are shared reference data: staff may look them up, and edit only their own."""

    list_display = ("name", "name_native", "acronym", "kind", "country", "parent")
    list_filter = ("kind", "country")
    search_fields = ("name", "name_ko", "name_zh_hans", "name_ja", "name_native", "acronym")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}
    # Websites typed without a scheme are taken as https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_change_permission(self, request, obj=None):
        if (
            obj is not None
            and not request.user.is_superuser
            and not organizations_of(request.user).filter(pk=obj.pk).exists()
        ):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class CostShareInline(TranslationTabularInline):
    model = CostShare
    extra = 0
    autocomplete_fields = ("payer",)


@admin.register(Program)
class ProgramAdmin(
    TranslationCoverageAdmin, HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin, TranslationAdmin
):
    list_display = ("name", "kind", "since_year", "is_recurring", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "name_ko", "name_zh_hans", "name_ja", "slug")
    autocomplete_fields = ("hosts",)
    inlines = [CostShareInline]
    coverage_related = ("cost_shares",)
    prepopulated_fields = {"slug": ("name_en",)}

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=programs_visible_to(request.user).values("pk"))


class SignatoryInline(TranslationTabularInline):
    model = AgreementSignatory
    extra = 0
    autocomplete_fields = ("organization",)


class AgreementAdminBase(
    TranslationCoverageAdmin, HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin, TranslationAdmin
):
    """The agreement's own fields and signatories; backoffice registers it with the exchange
    cohorts the agreement produces (cohorts)."""

    list_display = ("title", "kind", "signed_on", "signed_on_precision", "first_exchange_year", "is_public")
    list_filter = ("kind", "is_public", "document_is_public")
    search_fields = ("title", "title_ko", "title_zh_hans", "title_ja", "parties__name", "signatories__name")
    autocomplete_fields = ("parties", "builds_on", "program", "first_sending_party", "first_receiving_party")
    inlines = [SignatoryInline]
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "signed_on"

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=agreements_visible_to(request.user).values("pk"))
