"""Admin: the roster export log with progress, and import/export on the registration changelist.

The registration admin itself belongs to participants; it is re-registered here as a subclass
so that import and export live in this app (rosters comes after participants in INSTALLED_APPS).
"""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX

from participants import admin as participants_admin
from participants.models import Registration

from .forms import DelegateImportForm
from .models import ColumnSet, ExportJob
from .resources import DelegateListResource
from .services import roster_export
from .views import download_response


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = (
        "created",
        "owner",
        "source",
        "description",
        "format",
        "status",
        "progress_bar",
        "row_count",
        "expires_at",
        "download",
    )
    list_filter = ("status", "format", "source")
    search_fields = ("description", "owner__email")
    list_select_related = ("owner",)
    readonly_fields = [f.name for f in ExportJob._meta.fields] + ["progress_bar", "download"]

    class Media:
        js = ("rosters/refresh.js",)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(owner=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        # Every staff member may follow their own exports, whatever their model permissions.
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and (obj is None or request.user.is_superuser or obj.owner_id == request.user.pk)

    @admin.display(description=_("progress"))
    def progress_bar(self, job):
        if job.status in (ExportJob.Status.QUEUED, ExportJob.Status.RUNNING):
            template = '<progress class="roster-progress" max="100" value="{}" data-running="1">{}%</progress> {}%'
        else:
            template = '<progress class="roster-progress" max="100" value="{}">{}%</progress> {}%'
        return format_html(template, job.percent, job.percent, job.percent)

    @admin.display(description=_("file"))
    def download(self, job):
        if job.is_downloadable:
            return format_html('<a href="{}">{}</a>', reverse("rosters:job_download", args=[job.pk]), _("Download"))
        return "—"


@admin.register(ColumnSet)
class ColumnSetAdmin(admin.ModelAdmin):
    list_display = ("program", "owner", "updated")
    list_select_related = ("program", "owner")

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(owner=request.user)


def _export_action(fmt, label):
    def action(modeladmin, request, queryset):
        return modeladmin.export_queryset(request, queryset, fmt)

    action.__name__ = f"export_{fmt}"
    action.short_description = label
    action.allowed_permissions = ("view",)
    return action


admin.site.unregister(Registration)


@admin.register(Registration)
class RegistrationAdmin(ImportMixin, participants_admin.RegistrationAdmin):
    resource_classes = [DelegateListResource]
    formats = [XLSX, CSV]
    import_form_class = DelegateImportForm
    import_template_name = "admin/rosters/registration/import.html"
    actions = [
        *participants_admin.RegistrationAdmin.actions,
        _export_action("xlsx", _("Export selected/filtered registrations as XLSX")),
        _export_action("csv", _("Export selected/filtered registrations as CSV")),
    ]

    def has_import_permission(self, request):
        return request.user.is_superuser or request.user.has_perm("participants.change_registration")

    def get_import_context_data(self, **kwargs):
        return {"template_urls": [(fmt, reverse("rosters:import_template", args=[fmt])) for fmt in ("xlsx", "csv")]}

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
