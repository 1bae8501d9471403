from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Report
from .services import report_request


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "requested_by", "created_at", "finished_at", "rows", "download", "error")
    list_filter = ("status", "kind")
    readonly_fields = ("kind", "status", "requested_by", "rows", "error", "created_at", "finished_at", "download")
    fields = readonly_fields
    list_select_related = ("requested_by",)

    def get_queryset(self, request):
        # A workbook holds what its requester may see (programs/access.py), so staff see only their own.
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(requested_by=request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("build/", self.admin_site.admin_view(self.build_view), name="reports_report_build"),
            path("<int:pk>/download/", self.admin_site.admin_view(self.download_view), name="reports_report_download"),
        ] + super().get_urls()

    @admin.display(description=_("file"))
    def download(self, obj):
        if obj.status != Report.Status.DONE or not obj.file:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:reports_report_download", args=[obj.pk]), _("Download")
        )

    def build_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = report_request(user=request.user)
        self.message_user(
            request, _("The workbook is being built; it appears here when it is ready."), messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:reports_report_changelist") + f"?highlight={report.pk}")

    def download_view(self, request, pk):
        report = self.get_queryset(request).filter(pk=pk, status=Report.Status.DONE).first()
        if report is None or not report.file or not self.has_view_permission(request, report):
            raise Http404
        return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.file.name.rsplit("/", 1)[-1])
