import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jobs.models import FileJob, job_upload_to

# Migration 0003 names this function; files are now placed by jobs.models.job_upload_to.
report_upload_to = job_upload_to


class Report(FileJob):
    """A file built in the background for a staff member (its owner), scoped to what they may see."""

    class Kind(models.TextChoices):
        STATISTICS = "statistics", _("Statistics workbook")

    upload_folder = "reports"

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STATISTICS)
    rows = models.PositiveIntegerField(_("rows"), default=0)

    class Meta(FileJob.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @classmethod
    def file_ttl(cls):
        # A workbook is a snapshot that only goes stale.
        return datetime.timedelta(days=getattr(settings, "REPORTS_FILE_TTL_DAYS", 30))
