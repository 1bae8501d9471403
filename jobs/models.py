"""The shared life of a file built for a staff member: roster exports and report workbooks alike.

queued -> running -> done (file kept until `expires_at`) -> expired (file deleted, row kept);
or delivered (handed over at once, nothing kept), or failed (with the error). The transitions
are in jobs/services.py, each in one place.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .storage import private_storage


def job_upload_to(instance, filename):
    # A random folder per file in the private storage: a name made of the job id and the minute
    # would be easy to guess wherever the files are copied. Downloads go through owner-checked views.
    return f"{instance.upload_folder}/{timezone.localtime():%Y/%m}/{secrets.token_urlsafe(16)}/{filename}"


class FileJob(models.Model):
    """A file built for its owner, privately kept until it expires. Subclasses set `upload_folder`
    and `file_ttl()`."""

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("file job", "Queued")
        RUNNING = "running", pgettext_lazy("file job", "Running")
        DONE = "done", pgettext_lazy("file job", "Ready")
        DELIVERED = "delivered", pgettext_lazy("file job", "Downloaded at once")
        FAILED = "failed", pgettext_lazy("file job", "Failed")
        EXPIRED = "expired", pgettext_lazy("file job", "Expired")

    upload_folder = "jobs"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)s_set",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress = models.PositiveIntegerField(_("rows written"), default=0)
    total = models.PositiveIntegerField(_("rows to write"), default=0)
    file = models.FileField(_("file"), storage=private_storage, upload_to=job_upload_to, blank=True)
    error = models.TextField(_("error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created"]

    @classmethod
    def file_ttl(cls):
        """How long a finished file is kept."""
        raise NotImplementedError

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
