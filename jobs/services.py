"""The transitions of a file job (jobs.models.FileJob), each in one place. Every app's jobs use these."""

import logging

from django.core.files import File
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 2000


def job_start(model, *, job_id):
    """Claim a queued job for a worker (or take back one whose worker died); returns it, or None when it
    already finished, failed or expired, so that a redelivered task does nothing."""
    Status = model.Status
    claimed = model.objects.filter(pk=job_id, status__in=[Status.QUEUED, Status.RUNNING]).update(
        status=Status.RUNNING, progress=0
    )
    if not claimed:
        return None
    return model.objects.select_related("owner").get(pk=job_id)


def job_progress(job, count):
    """Record that `count` rows are written; the job's page reads it while the job runs."""
    type(job).objects.filter(pk=job.pk).update(progress=count)
    job.progress = count


def job_finish(job, *, fileobj, filename, **fields):
    """Store the file privately, mark the job done and set its expiry (the model's `file_ttl()`).
    `fields` are the subclass's own results, such as its row count."""
    now = timezone.now()
    with transaction.atomic():
        job.file.save(filename, File(fileobj), save=False)
        job.status = job.Status.DONE
        job.error = ""
        job.finished_at = now
        job.expires_at = now + job.file_ttl()
        for name, value in fields.items():
            setattr(job, name, value)
        job.save(update_fields=["file", "status", "error", "finished_at", "expires_at", *fields])
    return job


def job_deliver(job, **fields):
    """Mark a job whose file was handed over at once (an immediate download, the command's file):
    nothing is kept on the server."""
    type(job).objects.filter(pk=job.pk).update(status=job.Status.DELIVERED, finished_at=timezone.now(), **fields)
    job.refresh_from_db()
    return job


def job_fail(job, exc):
    """Mark `job` failed with the error for the staff member to see. Every failure path calls this."""
    logger.error("%s %s failed", type(job).__name__, job.pk, exc_info=exc)
    type(job).objects.filter(pk=job.pk).update(
        status=job.Status.FAILED,
        error=f"{type(exc).__name__}: {exc}"[:ERROR_MAX_CHARS],
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def jobs_expire(model, *, now=None):
    """Delete the files of `model`'s jobs past their expiry and mark them expired; the rows stay.
    Returns how many expired."""
    now = now or timezone.now()
    count = 0
    for job in model.objects.filter(status=model.Status.DONE, expires_at__lte=now):
        if job.file:
            job.file.delete(save=False)
        job.status = job.Status.EXPIRED
        job.save(update_fields=["file", "status"])
        count += 1
    return count
