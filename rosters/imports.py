"""Delegate lists imported as jobs: a list longer than ROSTERS_IMPORT_SYNC_MAX_ROWS is previewed
and then imported by a worker, with a progress bar, instead of within the web request (which a
web worker's timeout would cut: 1,000 rows took 30 s). The rules are the import's own
(rosters.resources.DelegateListResource); only the place where it runs changes."""

import json

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation
from import_export.formats.base_formats import CSV, XLSX

from jobs.services import job_fail, job_progress, job_start, jobs_expire

from .models import ImportJob
from .resources import DelegateListResource
from .templatetags.rosters_tags import rosters_dry_run_report


def import_job_create(*, owner, data, fmt):
    """Keep the uploaded list privately and queue its preview."""
    job = ImportJob(owner=owner, format=fmt)
    job.file.save(f"delegate-list.{fmt}", ContentFile(data), save=False)
    job.save()
    _enqueue(job)
    return job


def import_job_confirm(*, job):
    """Staff confirmed a preview with no refused row: the same file is imported by a worker."""
    if not job.is_confirmable:
        raise ValueError("Only a finished preview with no refused row can be imported.")
    ImportJob.objects.filter(pk=job.pk).update(
        stage=ImportJob.Stage.IMPORT, status=ImportJob.Status.QUEUED, progress=0, finished_at=None
    )
    job.refresh_from_db()
    _enqueue(job)
    return job


def _enqueue(job):
    from .tasks import run_import_job  # tasks import this module

    transaction.on_commit(lambda: run_import_job.delay(job_id=job.pk))


def import_job_run(*, job_id):
    job = job_start(ImportJob, job_id=job_id)
    if job is None:
        return None
    try:
        with job.file.open("rb") as handle:
            data = handle.read()
        dataset = (XLSX() if job.format == "xlsx" else CSV()).create_dataset(
            data if job.format == "xlsx" else data.decode("utf-8-sig")
        )
        ImportJob.objects.filter(pk=job.pk).update(total=len(dataset))
        resource = DelegateListResource()
        resource.on_progress = lambda count: job_progress(job, count)
        language = job.owner.preferred_language if job.owner else "en"
        with translation.override(language):
            result = resource.import_data(dataset, dry_run=job.stage == ImportJob.Stage.PREVIEW, user=job.owner)
            if result.base_errors:
                # The list as a whole failed (rolled back): the job fails with the reason.
                raise result.base_errors[0].error
            # Lazy labels become text in the owner's language, as the synchronous preview shows them.
            report = json.loads(json.dumps(rosters_dry_run_report(result), cls=DjangoJSONEncoder))
        now = timezone.now()
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.DONE,
            progress=len(dataset),
            report=report,
            refused=sum(1 for line in report if line["action"] == "refused"),
            error="",
            finished_at=now,
            expires_at=now + ImportJob.file_ttl(),
        )
    except Exception as exc:  # noqa: BLE001 - every failure is shown to the staff member on the job's page
        job_fail(job, exc)
        return None
    job.refresh_from_db()
    return job


def import_jobs_expire(*, now=None):
    """Delete the uploaded lists of finished import jobs past their expiry; the rows stay as the log."""
    return jobs_expire(ImportJob, now=now)
