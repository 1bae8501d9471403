"""Applications by organizations in the admin: the calls (places and window), and the review of
each application (accept, or decline with a reason), its history, and the Excel export."""

import io

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jobs.xlsx import write_xlsx
from programs.access import OrganizationScopedAdmin
from workshops.selectors import occurrences_visible_to

from . import selectors
from .models import ApplicationEvent, OrganizationApplication, OrganizationCall
from .services import TRANSITIONS, ApplicationError, application_decide

S = OrganizationApplication.Status
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@admin.register(OrganizationCall)
class OrganizationCallAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    list_display = ("occurrence", "places", "places_taken", "opens_at", "closes_at", "cities_only")
    list_select_related = ("occurrence",)
    readonly_fields = ("places_taken",)
    search_fields = ("occurrence__title",)

    def scoped_queryset(self, request, queryset):
        return queryset.filter(occurrence__in=occurrences_visible_to(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "occurrence" and not request.user.is_superuser:
            kwargs["queryset"] = occurrences_visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[("", "---------"), (S.ACCEPTED, _("Accept")), (S.DECLINED, _("Decline"))],
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the applicant with the decision, in the email; required to decline."),
    )

    class Meta:
        model = OrganizationApplication
        fields = []

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision and decision not in TRANSITIONS[self.instance.status]:
            raise forms.ValidationError(
                _("An application that is %(status)s cannot become %(to)s.")
                % {"status": self.instance.get_status_display(), "to": S(decision).label}
            )
        if decision == S.DECLINED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for declining; the local government reads it."))
        return data


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    fields = ("at", "from_status", "to_status", "by", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OrganizationApplication)
class OrganizationApplicationAdmin(OrganizationScopedAdmin, admin.ModelAdmin):
    form = DecisionForm
    list_display = ("organization", "call", "status", "attendees", "contact_name", "created_at")
    list_filter = ("status", "call")
    list_select_related = ("organization", "call__occurrence")
    search_fields = ("organization__name", "organization__name_ko", "organization__name_native", "contact_name")
    readonly_fields = (
        "call",
        "organization",
        "status",
        "decision_reason",
        "submitted_by",
        "contact_name",
        "contact_email",
        "contact_phone",
        "needs",
        "preferred_dates",
        "attendees",
        "created_at",
    )
    fieldsets = (
        (None, {"fields": readonly_fields}),
        (_("Decision"), {"fields": ("decision", "reason")}),
    )
    inlines = [ApplicationEventInline]
    actions = ["export_xlsx"]

    def scoped_queryset(self, request, queryset):
        return queryset.filter(pk__in=selectors.applications_visible_to_staff(request.user).values("pk"))

    def has_add_permission(self, request):
        # An application comes from a verified official of the local government, on the public form.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request):
        # The right to export a roster (rosters' add_exportjob): program staff, not reviewers.
        return request.user.has_perm("rosters.add_exportjob")

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data.get("decision")
        if not decision:
            return
        try:
            application_decide(
                application=obj, to_status=decision, by=request.user, reason=form.cleaned_data.get("reason", "")
            )
        except ApplicationError as exc:
            self.message_user(request, exc.message, messages.ERROR)

    @admin.action(description=_("Export the selected applications to Excel"), permissions=["export"])
    def export_xlsx(self, request, queryset):
        header, rows = selectors.export_rows(queryset)
        buffer = io.BytesIO()
        write_xlsx(
            buffer,
            header,
            rows,
            widths=[36, 30, 16, 12, 20, 28, 18, 50, 24, 10, 18, 40],
            sheet_name=gettext("Applications"),
        )
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="applications-{stamp}.xlsx"'
        return response
