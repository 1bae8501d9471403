"""Roster export use cases. Views, admin actions, the task and the command all call these."""

import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.services import notification_queue

from .exporters import get_exporter
from .models import ColumnSet, ExportJob
from .renderers import render

logger = logging.getLogger(__name__)


def _setting(name, default):
    return getattr(settings, name, default)


def sync_max_rows():
    """Exports up to this many rows download at once; larger ones run as a background job."""
    return _setting("ROSTERS_SYNC_MAX_ROWS", 2000)


def export_job_exporter(job):
    # user=None means "everything" (the command line). A web job whose owner was deleted
    # (owner SET_NULL) or lost staff rights while it waited must not fall back to that.
    owner = job.owner
    if job.source != ExportJob.Source.COMMAND and (owner is None or not (owner.is_active and owner.is_staff)):
        raise PermissionError("The staff member who asked for this export can no longer see it.")
    exporter_class = get_exporter(job.exporter)
    return exporter_class(user=job.owner, filters=job.filters, columns=job.columns or None, language=job.language)


def export_job_create(
    *,
    owner,
    filters,
    columns=None,
    fmt="xlsx",
    source=ExportJob.Source.WEB,
    description="",
    exporter="registrations",
    language=None,
):
    """Record an export (this row is the export log) and count what it will contain."""
    if owner is None and source != ExportJob.Source.COMMAND:
        raise ValueError("Only the command line may export without a staff member.")
    if fmt not in ExportJob.Format.values:
        raise ValueError(_("Unknown format %(format)s.") % {"format": fmt})
    language = language or (owner.preferred_language if owner else settings.LANGUAGE_CODE)
    job = ExportJob(
        owner=owner,
        exporter=exporter,
        source=source,
        format=fmt,
        filters=filters,
        columns=list(columns or []),
        language=language,
        description=description[:500],
    )
    job.total = export_job_exporter(job).count()
    job.save()
    return job


def export_job_render(*, job, fileobj, on_progress=None):
    return render(
        export_job_exporter(job),
        job.format,
        fileobj,
        on_progress=on_progress,
        progress_every=_setting("ROSTERS_PROGRESS_EVERY", 1000),
    )


def export_job_deliver(*, job, fileobj):
    """Render `job` into `fileobj` at once (a download, or the command's file) and log the outcome on it."""
    try:
        rows = export_job_render(job=job, fileobj=fileobj)
    except Exception as exc:
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        raise
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DELIVERED, row_count=rows, progress=rows, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return rows


def export_deliver_now(*, job):
    """Render a small export into a temporary file for an immediate download; nothing is kept on the server."""
    tmp = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - returned to the caller
    export_job_deliver(job=job, fileobj=tmp)
    tmp.seek(0)
    return tmp


def export_job_enqueue(*, job):
    from .tasks import run_export_job

    transaction.on_commit(lambda: run_export_job.delay(job_id=job.pk))


def roster_export(*, user, filters, columns=None, fmt="xlsx", source=ExportJob.Source.WEB, description=""):
    """Start an export: small ones return (job, open file) now; large ones return (job, None) and run in a worker."""
    job = export_job_create(
        owner=user, filters=filters, columns=columns, fmt=fmt, source=source, description=description
    )
    if job.total > sync_max_rows():
        export_job_enqueue(job=job)
        return job, None
    return job, export_deliver_now(job=job)


def export_job_run(*, job_id):
    """Run a queued export: write the file with progress updates, store it privately, email the owner."""
    claimed = ExportJob.objects.filter(
        pk=job_id, status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING]
    ).update(status=ExportJob.Status.RUNNING, progress=0)
    if not claimed:
        return None  # already finished, failed or expired: a redelivered task does nothing
    job = ExportJob.objects.select_related("owner").get(pk=job_id)

    def progress(count):
        ExportJob.objects.filter(pk=job_id).update(progress=count)

    try:
        with tempfile.TemporaryFile() as tmp:
            rows = export_job_render(job=job, fileobj=tmp, on_progress=progress)
            tmp.seek(0)
            with transaction.atomic():
                job.file.save(job.filename(), File(tmp), save=False)
                job.status = ExportJob.Status.DONE
                job.progress = job.row_count = rows
                job.finished_at = timezone.now()
                job.expires_at = job.finished_at + timezone.timedelta(hours=_setting("ROSTERS_EXPORT_TTL_HOURS", 48))
                job.save(update_fields=["file", "status", "progress", "row_count", "finished_at", "expires_at"])
                if job.owner is not None:
                    notification_queue(
                        key=f"export_ready:{job.pk}",
                        template="export_ready",
                        recipient=job.owner.email,
                        language=job.owner.preferred_language,
                        context={"export_job_id": job.pk},
                    )
    except Exception as exc:
        logger.exception("Roster export %s failed", job_id)
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportJob.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        raise
    return job


def export_jobs_expire(*, now=None):
    """Delete the files of expired exports; the log rows stay."""
    now = now or timezone.now()
    count = 0
    for job in ExportJob.objects.filter(status=ExportJob.Status.DONE, expires_at__lte=now):
        if job.file:
            job.file.delete(save=False)
        job.status = ExportJob.Status.EXPIRED
        job.save(update_fields=["file", "status"])
        count += 1
    return count


def column_set_save(*, program, owner, columns):
    column_set, _created = ColumnSet.objects.update_or_create(
        program=program, owner=owner, defaults={"columns": list(columns)}
    )
    return column_set
