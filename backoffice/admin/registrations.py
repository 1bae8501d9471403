"""The registration page: review (participants), placements, attendance and certificates
(cohorts), delegate-list import and roster export (rosters), messages to officials (mailings)."""

from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX

from cohorts.admin import (
    AttendanceDayInline,
    CertificateInline,
    InvitationLetterInline,
    PlacementInline,
    has_issue_letter_permission,
    issue_invitation_letters,
)
from mailings.admin import CohortMessageLogInline, WriteMessageMixin
from participants.admin import RegistrationReviewAdmin, StatusChangeInline
from participants.models import Registration
from participants.travel_admin import TravelDetailsInline
from programs.models import Program
from rosters.forms import DelegateImportForm
from rosters.imports import import_job_create
from rosters.models import ExportJob
from rosters.resources import DelegateListResource
from rosters.services import roster_export
from rosters.views import download_response


def _export_action(fmt, label):
    def action(modeladmin, request, queryset):
        return modeladmin.export_queryset(request, queryset, fmt)

    action.__name__ = f"export_{fmt}"
    action.short_description = label
    action.allowed_permissions = ("export",)
    return action


@admin.register(Registration)
class RegistrationAdmin(ImportMixin, WriteMessageMixin, RegistrationReviewAdmin):
    resource_classes = [DelegateListResource]
    formats = [XLSX, CSV]
    import_form_class = DelegateImportForm
    import_template_name = "admin/rosters/registration/import.html"
    actions = [
        *RegistrationReviewAdmin.actions,
        _export_action("xlsx", _("Export selected/filtered registrations as XLSX")),
        _export_action("csv", _("Export selected/filtered registrations as CSV")),
        issue_invitation_letters,
        "write_message",
    ]

    def has_issue_letter_permission(self, request):
        return has_issue_letter_permission(request)

    def get_inlines(self, request, obj):
        inlines = [StatusChangeInline, AttendanceDayInline, CertificateInline, CohortMessageLogInline]
        if obj is not None and hasattr(obj, "travel"):
            inlines.insert(0, TravelDetailsInline)
        if obj is not None and obj.occurrence.program.asks_passport:
            inlines.append(InvitationLetterInline)
        # Host placements and allowances exist for training programs such as K2H only.
        if obj is not None and obj.occurrence.program.kind == Program.Kind.TRAINING:
            inlines.insert(0, PlacementInline)
        return inlines

    def has_import_permission(self, request):
        # Importing a delegate list adds registrations: program staff, not reviewers (programs/roles.py).
        return request.user.has_perm("participants.add_registration")

    def has_export_permission(self, request):
        return request.user.has_perm("rosters.add_exportjob")

    def get_import_context_data(self, **kwargs):
        return {"template_urls": [(fmt, reverse("rosters:import_template", args=[fmt])) for fmt in ("xlsx", "csv")]}

    def import_action(self, request, **kwargs):
        """A list longer than ROSTERS_IMPORT_SYNC_MAX_ROWS is previewed and imported by a worker
        (rosters/imports.py), with a progress bar; shorter ones as before, within the request."""
        if request.method == "POST" and "import_file" in request.FILES and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid() and form.row_count > settings.ROSTERS_IMPORT_SYNC_MAX_ROWS:
                fmt = "xlsx" if form.format_name.lower() == "xlsx" else "csv"
                job = import_job_create(owner=request.user, data=form.upload_bytes, fmt=fmt)
                return redirect("rosters:import_job_detail", pk=job.pk)
        return super().import_action(request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                _("Nothing was imported: the file changed or some rows are refused now. Please import it again."),
                messages.ERROR,
            )
            return redirect("admin:participants_registration_changelist")
        return super().process_result(result, request)

    def export_queryset(self, request, queryset, fmt):
        # The access rule applies again inside the export (roster_registrations), whatever the changelist shows.
        pks = list(queryset.order_by().values_list("pk", flat=True))
        description = urlencode(sorted(request.GET.items())) or str(_("selected registrations"))
        job, fileobj = roster_export(
            user=request.user,
            filters={"pks": pks},
            fmt=fmt,
            source=ExportJob.Source.ADMIN_ACTION,
            description=_("Registrations (%(filter)s)") % {"filter": description},
        )
        if fileobj is not None:
            return download_response(job, fileobj)
        self.message_user(
            request, _("The export runs in the background; you will get an email when it is ready."), messages.INFO
        )
        return redirect("rosters:job_detail", pk=job.pk)
