"""Roster export use cases. Views, admin actions, the task and the command all call these."""

import tempfile

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.services import user_email_language
from jobs.services import job_deliver, job_fail, job_finish, job_progress, job_start, jobs_expire
from notifications.services import notification_queue

from .exporters import get_exporter
from .models import ColumnSet, ExportJob
from .renderers import render


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
        job_fail(job, exc)
        raise
    job_deliver(job, row_count=rows, progress=rows)
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


def roster_export(
    *,
    user,
    filters,
    columns=None,
    fmt="xlsx",
    source=ExportJob.Source.WEB,
    description="",
    exporter="registrations",
    language=None,
):
    """Start an export: small ones return (job, open file) now; large ones return (job, None) and run in a worker."""
    job = export_job_create(
        owner=user,
        filters=filters,
        columns=columns,
        fmt=fmt,
        source=source,
        description=description,
        exporter=exporter,
        language=language,
    )
    if job.total > sync_max_rows():
        export_job_enqueue(job=job)
        return job, None
    return job, export_deliver_now(job=job)


def export_job_run(*, job_id):
    """Run a queued export: write the file with progress updates, store it privately, email the owner."""
    job = job_start(ExportJob, job_id=job_id)
    if job is None:
        return None  # already finished, failed or expired: a redelivered task does nothing
    try:
        with tempfile.TemporaryFile() as tmp:
            rows = export_job_render(job=job, fileobj=tmp, on_progress=lambda count: job_progress(job, count))
            tmp.seek(0)
            with transaction.atomic():
                job_finish(job, fileobj=tmp, filename=job.filename(), progress=rows, row_count=rows)
                if job.owner is not None:
                    notification_queue(
                        key=f"export_ready:{job.pk}",
                        template="export_ready",
                        recipient=job.owner.email,
                        language=user_email_language(job.owner),
                        context={"export_job_id": job.pk},
                    )
    except Exception as exc:
        job_fail(job, exc)
        raise
    return job


def export_jobs_expire(*, now=None):
    """Delete the files of expired exports; the log rows stay."""
    return jobs_expire(ExportJob, now=now)


def column_set_save(*, program, owner, columns):
    column_set, _created = ColumnSet.objects.update_or_create(
        program=program, owner=owner, defaults={"columns": list(columns)}
    )
    return column_set
