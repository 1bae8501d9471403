from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jobs.selectors import job_for_owner_or_404, jobs_visible_to
from jobs.storage import private_file_response

from .models import Report
from .services import report_request


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "owner", "created", "finished_at", "rows", "download", "error")
    list_filter = ("status", "kind")
    readonly_fields = ("kind", "status", "owner", "rows", "error", "created", "finished_at", "download")
    fields = readonly_fields
    list_select_related = ("owner",)

    def get_queryset(self, request):
        # A workbook holds what its requester may see (programs/access.py), so staff see only their own.
        queryset = super().get_queryset(request)
        return jobs_visible_to(queryset, request.user)

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
        if not obj.is_downloadable:
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
        report = job_for_owner_or_404(Report.objects.all(), user=request.user, pk=pk)
        if not report.is_downloadable or not self.has_view_permission(request, report):
            raise Http404
        return private_file_response(report.file.name, filename=report.file.name.rsplit("/", 1)[-1])
