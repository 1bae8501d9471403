"""Reports live the shared file-job life (jobs/): failure, expiry and the owner check as for roster exports."""

import datetime
import os

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from reports.models import Report
from reports.services import report_build
from reports.tasks import build_report, expire_reports
from rosters.models import ExportJob
from rosters.services import export_job_create
from rosters.tasks import run_export_job
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _staff(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="view_report"))
    return user


def _built(owner):
    report = report_build(report_id=Report.objects.create(owner=owner).pk)
    assert report.status == Report.Status.DONE, report.error
    return report


def test_a_report_is_kept_30_days_after_it_is_built():
    report = _built(_staff(organization=OrganizationFactory()))
    assert report.expires_at - report.finished_at == datetime.timedelta(days=30)
    assert (report.progress, report.total, report.percent) == (report.rows, report.rows, 100)


def test_report_and_export_that_cannot_store_their_file_fail_the_same_way(settings):
    staff = _staff(organization=OrganizationFactory())
    settings.PRIVATE_MEDIA_ROOT = "/dev/null/private"  # no folder can be made there

    build_report.apply(kwargs={"report_id": Report.objects.create(owner=staff).pk})
    export = export_job_create(owner=staff, filters={}, fmt="csv")
    with pytest.raises(NotADirectoryError):
        run_export_job.apply(kwargs={"job_id": export.pk}, throw=True)

    report = Report.objects.get()
    export.refresh_from_db()
    for job in (report, export):
        assert (job.status, bool(job.file), job.expires_at) == ("failed", False, None)
        assert job.error.startswith("NotADirectoryError: [Errno 20] Not a directory: '/dev/null")
        assert job.finished_at is not None
    assert report.error == export.error


def test_a_failed_report_is_left_as_it_is_by_a_redelivered_task():
    report = report_build(report_id=Report.objects.create(owner=UserFactory(is_staff=False)).pk)
    assert report.status == Report.Status.FAILED
    finished = report.finished_at
    again = report_build(report_id=report.pk)
    assert (again.status, again.finished_at, again.error) == ("failed", finished, report.error)


def test_an_expired_report_is_refused_then_its_file_deleted_by_the_expiry_task(client):
    owner = _staff(organization=OrganizationFactory())
    report, fresh = _built(owner), _built(owner)
    path = report.file.path
    download = f"/admin/reports/report/{report.pk}/download/"
    client.force_login(owner)
    assert client.get(download).status_code == 200

    Report.objects.filter(pk=report.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(download).status_code == 404  # past its time, even before the task ran
    assert download not in client.get("/admin/reports/report/").content.decode()

    assert expire_reports.apply().get() == 1
    report.refresh_from_db()
    assert (report.status, bool(report.file), os.path.exists(path)) == ("expired", False, False)
    assert client.get(download).status_code == 404
    page = client.get("/admin/reports/report/").content.decode()
    assert download not in page
    fresh.refresh_from_db()
    assert fresh.status == "done" and os.path.exists(fresh.file.path)
    assert f"/admin/reports/report/{fresh.pk}/download/" in page


def test_a_colleague_of_the_same_organization_cannot_download_a_report_but_a_superuser_can(client):
    organization = OrganizationFactory()
    report = _built(_staff(organization=organization))
    download = f"/admin/reports/report/{report.pk}/download/"

    client.force_login(_staff(organization=organization))
    assert client.get(download).status_code == 404
    assert download not in client.get("/admin/reports/report/").content.decode()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(download).status_code == 200


def test_a_colleague_of_the_same_organization_cannot_download_an_export(client):
    organization = OrganizationFactory()
    owner = _staff(organization=organization)
    job = export_job_create(owner=owner, filters={}, fmt="csv")
    run_export_job.apply(kwargs={"job_id": job.pk})
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE

    download = reverse("rosters:job_download", args=[job.pk])
    client.force_login(_staff(organization=organization))
    assert client.get(download).status_code == 404
    client.force_login(owner)
    assert client.get(download).status_code == 200
