import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def report_upload_to(instance, filename):
    # A random folder, as for roster exports (rosters.models.export_upload_to): the workbook is
    # private to its requester and /media/ may be served to anyone.
    return f"reports/{timezone.now():%Y/%m}/{secrets.token_urlsafe(16)}/{filename}"


class Report(models.Model):
    """A file built in the background for a staff member, scoped to what they may see."""

    class Kind(models.TextChoices):
        STATISTICS = "statistics", _("Statistics workbook")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a worker")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STATISTICS)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    file = models.FileField(_("file"), upload_to=report_upload_to, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
