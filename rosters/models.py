"""Roster exports (each one is also the log entry of who exported what) and saved column sets."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models import Program


def export_upload_to(instance, filename):
    # A random folder per file: /media/ is served to anyone in development (and by many
    # production web servers), and a name made of the job id and the minute is easy to guess.
    # Downloads go through the owner-checked views, which never show the path.
    return f"rosters/exports/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}/{filename}"


class ExportJob(models.Model):
    """One export of registrations. Every export, small or large, web or command line, leaves one row:
    this is the log of personal data leaving the portal."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        DELIVERED = "delivered", _("Downloaded at once")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    class Format(models.TextChoices):
        XLSX = "xlsx", "Excel (XLSX)"
        CSV = "csv", "CSV"

    class Source(models.TextChoices):
        WEB = "web", _("Web")
        ADMIN_ACTION = "admin_action", _("Admin action")
        COMMAND = "command", _("Command line")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roster_exports",
        help_text=_("Empty for exports run from the command line."),
    )
    exporter = models.CharField(_("exporter"), max_length=50, default="registrations")
    source = models.CharField(_("source"), max_length=14, choices=Source.choices, default=Source.WEB)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices, default=Format.XLSX)
    filters = models.JSONField(_("filter"), default=dict, blank=True)
    description = models.CharField(_("filter description"), max_length=500, blank=True)
    columns = models.JSONField(_("columns"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress = models.PositiveIntegerField(_("rows written"), default=0)
    total = models.PositiveIntegerField(_("rows to write"), default=0)
    row_count = models.PositiveIntegerField(_("rows exported"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=export_upload_to, blank=True)
    error = models.TextField(_("error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("roster export")
        verbose_name_plural = _("roster exports")
        indexes = [models.Index(fields=["owner", "-created"])]

    def __str__(self):
        return f"{self.get_format_display()} · {self.description or self.exporter} · {self.created:%Y-%m-%d %H:%M}"

    @property
    def percent(self):
        if self.status in (self.Status.DONE, self.Status.DELIVERED):
            return 100
        return int(100 * self.progress / self.total) if self.total else 0

    @property
    def is_expired(self):
        return self.status == self.Status.EXPIRED or (self.expires_at is not None and self.expires_at <= timezone.now())

    @property
    def is_downloadable(self):
        return self.status == self.Status.DONE and bool(self.file) and not self.is_expired

    def filename(self):
        stamp = timezone.localtime(self.created).strftime("%Y%m%d-%H%M")
        return f"roster-{self.pk}-{stamp}.{self.format}"


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
