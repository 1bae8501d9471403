"""Roster exports (each one is also the log entry of who exported what) and saved column sets."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs.models import FileJob, job_upload_to
from programs.models import Program

# Migration 0002 names this function; files are now placed by jobs.models.job_upload_to.
export_upload_to = job_upload_to


class ExportJob(FileJob):
    """One export of registrations. Every export, small or large, web or command line, leaves one row:
    this is the log of personal data leaving the portal. An export without an owner ran from the
    command line."""

    class Format(models.TextChoices):
        XLSX = "xlsx", "Excel (XLSX)"
        CSV = "csv", "CSV"

    class Source(models.TextChoices):
        WEB = "web", _("Web")
        ADMIN_ACTION = "admin_action", _("Admin action")
        COMMAND = "command", _("Command line")

    upload_folder = "rosters/exports"

    exporter = models.CharField(_("exporter"), max_length=50, default="registrations")
    source = models.CharField(_("source"), max_length=14, choices=Source.choices, default=Source.WEB)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices, default=Format.XLSX)
    filters = models.JSONField(_("filter"), default=dict, blank=True)
    description = models.CharField(_("filter description"), max_length=500, blank=True)
    columns = models.JSONField(_("columns"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    row_count = models.PositiveIntegerField(_("rows exported"), null=True, blank=True)

    class Meta(FileJob.Meta):
        verbose_name = _("roster export")
        verbose_name_plural = _("roster exports")
        indexes = [models.Index(fields=["owner", "-created"])]

    def __str__(self):
        return f"{self.get_format_display()} · {self.description or self.exporter} · {self.created:%Y-%m-%d %H:%M}"

    @classmethod
    def file_ttl(cls):
        return datetime.timedelta(hours=getattr(settings, "ROSTERS_EXPORT_TTL_HOURS", 48))

    def filename(self):
        stamp = timezone.localtime(self.created).strftime("%Y%m%d-%H%M")
        name = "roster" if self.exporter == "registrations" else self.exporter
        return f"{name}-{self.pk}-{stamp}.{self.format}"


class ColumnSet(models.Model):
    """A staff member's saved choice of columns for one program's rosters."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="roster_column_sets"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="roster_column_sets"
    )
    columns = models.JSONField(_("columns"), default=list)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("column set")
        verbose_name_plural = _("column sets")
        constraints = [
            models.UniqueConstraint(fields=["program", "owner"], name="rosters_columnset_one_per_program_owner")
        ]

    def __str__(self):
        return f"{self.program} · {self.owner}"


class ImportJob(FileJob):
    """A delegate list too long to check within a web request (more rows than
    ROSTERS_IMPORT_SYNC_MAX_ROWS): a worker previews it row by row, then, once staff confirm,
    imports it, both with a progress bar. The uploaded list is the job's private file."""

    class Stage(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        IMPORT = "import", _("Import")

    upload_folder = "rosters/imports"

    format = models.CharField(_("format"), max_length=4, choices=ExportJob.Format.choices)
    stage = models.CharField(_("stage"), max_length=8, choices=Stage.choices, default=Stage.PREVIEW)
    report = models.JSONField(_("preview"), default=list, blank=True)
    refused = models.PositiveIntegerField(_("rows refused"), null=True, blank=True)

    class Meta(FileJob.Meta):
        verbose_name = _("delegate-list import")
        verbose_name_plural = _("delegate-list imports")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @classmethod
    def file_ttl(cls):
        return datetime.timedelta(hours=settings.ROSTERS_EXPORT_TTL_HOURS)

    @property
    def is_confirmable(self):
        return self.stage == self.Stage.PREVIEW and self.status == self.Status.DONE and self.refused == 0
