"""The agreement page: the agreement (programs) with the yearly exchange cohorts it produces (cohorts)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cohorts.admin import ExchangeCohortInline
from cohorts.services import CohortError, agreement_generate_cohorts
from programs.admin import AgreementAdminBase, SignatoryInline
from programs.models import Agreement


class GenerateCohortsForm(ActionForm):
    until_year = forms.IntegerField(
        label=_("Until year"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Generate exchange cohorts up to this year (default: next year)."),
    )


@admin.register(Agreement)
class AgreementAdmin(AgreementAdminBase):
    inlines = [SignatoryInline, ExchangeCohortInline]
    action_form = GenerateCohortsForm
    actions = ["generate_cohorts"]

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
