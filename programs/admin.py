from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from cohorts.admin_access import HistoryReadOnly, OrganizationScopedAdmin, ScopedChoices
from cohorts.services import CohortError, agreement_generate_cohorts

from .access import organizations_of, programs_visible_to
from .models import Agreement, AgreementSignatory, CostShare, ExchangeCohort, Organization, Program


@admin.register(Organization)
class OrganizationAdmin(HistoryReadOnly, SimpleHistoryAdmin, TranslationAdmin):
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
class ProgramAdmin(HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("name", "kind", "since_year", "is_recurring", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "name_ko", "name_zh_hans", "name_ja", "slug")
    autocomplete_fields = ("hosts",)
    inlines = [CostShareInline]
    prepopulated_fields = {"slug": ("name_en",)}

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=programs_visible_to(request.user).values("pk"))


class SignatoryInline(admin.TabularInline):
    model = AgreementSignatory
    extra = 0
    autocomplete_fields = ("organization",)


class ExchangeCohortInline(ScopedChoices, admin.TabularInline):
    model = ExchangeCohort
    extra = 0
    fields = ("year", "sending", "receiving", "size", "duration_days", "occurrence", "note")
    autocomplete_fields = ("sending", "receiving", "occurrence")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("sending", "receiving", "occurrence")


class GenerateCohortsForm(ActionForm):
    until_year = forms.IntegerField(
        label=_("Until year"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Generate exchange cohorts up to this year (default: next year)."),
    )


def _agreements_visible_to(user, queryset):
    orgs = organizations_of(user)
    return queryset.filter(Q(program__in=programs_visible_to(user).values("pk")) | Q(parties__in=orgs)).distinct()


@admin.register(Agreement)
class AgreementAdmin(HistoryReadOnly, OrganizationScopedAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ("title", "kind", "signed_on", "signed_on_precision", "first_exchange_year")
    list_filter = ("kind",)
    search_fields = ("title", "title_ko", "title_zh_hans", "title_ja", "parties__name", "signatories__name")
    autocomplete_fields = ("parties", "builds_on", "program", "first_sending_party", "first_receiving_party")
    inlines = [SignatoryInline, ExchangeCohortInline]
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "signed_on"
    action_form = GenerateCohortsForm
    actions = ["generate_cohorts"]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=_agreements_visible_to(request.user, Agreement.objects.all()).values("pk"))

    @admin.action(description=_("Generate the yearly exchange cohorts"), permissions=["change"])
    def generate_cohorts(self, request, queryset):
        raw = request.POST.get("until_year") or ""
        try:
            until_year = int(raw) if raw.strip() else timezone.localdate().year + 1
        except ValueError:
            self.message_user(request, _("The year must be a number."), messages.ERROR)
            return
        for agreement in queryset:
            try:
                created = agreement_generate_cohorts(agreement=agreement, until_year=until_year)
            except CohortError as error:
                self.message_user(request, error.message, messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "%(agreement)s: %(count)s exchange cohort created up to %(year)s.",
                    "%(agreement)s: %(count)s exchange cohorts created up to %(year)s.",
                    len(created),
                )
                % {"agreement": agreement.title, "count": len(created), "year": until_year},
                messages.SUCCESS,
            )


@admin.register(ExchangeCohort)
class ExchangeCohortAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ("agreement", "year", "sending", "receiving", "size", "duration_days", "occurrence")
    list_filter = ("year",)
    search_fields = ("agreement__title", "sending__name", "receiving__name")
    list_select_related = ("agreement", "sending", "receiving", "occurrence")
    autocomplete_fields = ("agreement", "sending", "receiving", "occurrence")

    def scoped_queryset(self, request, queryset):
        agreements = _agreements_visible_to(request.user, Agreement.objects.all()).values("pk")
        return queryset.filter(agreement__in=agreements)
