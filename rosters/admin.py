"""Admin: the roster export log with progress, and saved column sets.

Import and export on the registration changelist are composed in backoffice.admin."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jobs.selectors import job_visible_to, jobs_visible_to

from .models import ColumnSet, ExportJob


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
        return jobs_visible_to(super().get_queryset(request), request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        # Every staff member may follow their own exports, whatever their model permissions.
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and (obj is None or job_visible_to(obj, request.user))

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
        # Saved column sets are personal, like export files (jobs.selectors).
        return jobs_visible_to(super().get_queryset(request), request.user)
