"""The shared life of a file job (jobs/models.py, jobs/services.py), for both kinds that live it:
roster exports and report workbooks."""

import datetime
import io
import os

import pytest
from django.http import Http404
from django.utils import timezone

from jobs.selectors import job_for_owner_or_404
from jobs.services import job_deliver, job_fail, job_finish, job_progress, job_start, jobs_expire
from reports.models import Report
from rosters.models import ExportJob
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

KINDS = [ExportJob, Report]


@pytest.fixture(params=KINDS, ids=lambda model: model.__name__)
def model(request):
    return request.param


@pytest.fixture
def owner(db):
    return UserFactory(is_staff=True)


def test_a_job_is_claimed_once_reports_progress_and_finishes_with_an_expiring_private_file(model, owner, settings):
    settings.ROSTERS_EXPORT_TTL_HOURS = 48
    job = model.objects.create(owner=owner, total=4)
    assert (job.status, job.percent, job.is_downloadable) == ("queued", 0, False)

    job = job_start(model, job_id=job.pk)
    job_progress(job, 1)
    job.refresh_from_db()
    assert (job.status, job.progress, job.percent) == ("running", 1, 25)

    job_finish(job, fileobj=io.BytesIO(b"data"), filename="result.xlsx", progress=4)
    job.refresh_from_db()
    assert (job.status, job.progress, job.percent, job.error) == ("done", 4, 100, "")
    assert job.expires_at - job.finished_at == model.file_ttl()
    assert job.file.read() == b"data" and job.is_downloadable
    assert job.file.name.startswith(f"{model.upload_folder}/{timezone.localtime():%Y/%m}/")
    # A redelivered task finds the job finished and leaves it alone.
    assert job_start(model, job_id=job.pk) is None
    job.refresh_from_db()
    assert job.status == "done"


def test_files_are_kept_48_hours_for_exports_and_30_days_for_reports(settings):
    settings.ROSTERS_EXPORT_TTL_HOURS = 48
    assert ExportJob.file_ttl() == datetime.timedelta(hours=48)
    assert Report.file_ttl() == datetime.timedelta(days=30)


def test_every_kind_fails_the_same_way_with_a_bounded_error(model, owner):
    job = job_start(model, job_id=model.objects.create(owner=owner).pk)
    job_fail(job, ValueError("x" * 5000))
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == ("ValueError: " + "x" * 5000)[:2000]
    assert job.finished_at is not None and not job.file and not job.is_downloadable
    assert job_start(model, job_id=job.pk) is None  # a failed job is not run again by a redelivered task


def test_a_file_handed_over_at_once_is_delivered_and_nothing_is_kept(owner):
    job = ExportJob.objects.create(owner=owner, total=3)
    job_deliver(job, row_count=3, progress=3)
    assert (job.status, job.row_count, job.percent, bool(job.file)) == ("delivered", 3, 100, False)
    assert job.finished_at is not None and not job.is_downloadable


def test_expiry_deletes_only_files_past_their_time_and_keeps_the_rows(model, owner):
    old = job_finish(model.objects.create(owner=owner), fileobj=io.BytesIO(b"old"), filename="old.xlsx")
    fresh = job_finish(model.objects.create(owner=owner), fileobj=io.BytesIO(b"new"), filename="new.xlsx")
    old_path, fresh_path = old.file.path, fresh.file.path
    model.objects.filter(pk=old.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    old.refresh_from_db()
    assert old.is_expired and not old.is_downloadable  # refused at once, before the expiry task runs

    assert jobs_expire(model) == 1
    assert jobs_expire(model) == 0
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, bool(old.file), os.path.exists(old_path)) == ("expired", False, False)
    assert (fresh.status, fresh.is_downloadable, os.path.exists(fresh_path)) == ("done", True, True)


def test_only_the_owner_and_superusers_see_a_job(model, owner):
    job = model.objects.create(owner=owner)
    colleague = UserFactory(is_staff=True, organization=owner.organization)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert job_for_owner_or_404(model.objects.all(), user=owner, pk=job.pk) == job
    assert job_for_owner_or_404(model.objects.all(), user=superuser, pk=job.pk) == job
    with pytest.raises(Http404):
        job_for_owner_or_404(model.objects.all(), user=colleague, pk=job.pk)
