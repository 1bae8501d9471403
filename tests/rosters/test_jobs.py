"""Roster export jobs: large exports become jobs, private to their owner, with progress and expiry."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from rosters.models import ExportJob
from rosters.services import export_job_create, export_jobs_expire, roster_export
from rosters.tasks import run_export_job
from tests.factories import UserFactory
from tests.rosters.support import bulk_roster

pytestmark = pytest.mark.integration


def finished_job(staff, occurrence, settings):
    settings.ROSTERS_SYNC_MAX_ROWS = 2
    bulk_roster(occurrence, 5)
    job, fileobj = roster_export(user=staff, filters={"occurrence": occurrence.pk}, fmt="csv", columns=["email"])
    assert fileobj is None
    run_export_job.apply(kwargs={"job_id": job.pk})
    job.refresh_from_db()
    return job


def test_large_export_becomes_a_job_that_emails_its_owner(
    staff, occurrence, settings, django_capture_on_commit_callbacks
):
    settings.ROSTERS_SYNC_MAX_ROWS = 2
    bulk_roster(occurrence, 5)
    with django_capture_on_commit_callbacks(execute=True):
        job, fileobj = roster_export(user=staff, filters={"occurrence": occurrence.pk}, fmt="csv", columns=["email"])
    job.refresh_from_db()
    assert fileobj is None
    assert (job.status, job.total, job.row_count, job.progress) == ("done", 5, 5, 5)
    assert len(job.file.open("rb").read().decode("utf-8-sig").splitlines()) == 6
    assert [m.subject for m in mail.outbox] == ["Your roster export is ready (5 rows)"]
    assert reverse("rosters:job_detail", args=[job.pk]) in mail.outbox[0].body


def test_export_file_is_private_to_its_owner_and_superusers(client, admin_client, staff, occurrence, settings):
    job = finished_job(staff, occurrence, settings)
    download = reverse("rosters:job_download", args=[job.pk])
    colleague = UserFactory(is_staff=True, organization=staff.organization)
    client.force_login(colleague)
    assert client.get(download).status_code == 404
    assert client.get(reverse("rosters:job_detail", args=[job.pk])).status_code == 404
    client.force_login(staff)
    response = client.get(download)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0] == "Email"
    assert admin_client.get(download).status_code == 200


def test_export_file_expires_and_is_deleted(client, staff, occurrence, settings):
    job = finished_job(staff, occurrence, settings)
    path = job.file.path
    client.force_login(staff)
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    assert client.get(reverse("rosters:job_download", args=[job.pk])).status_code == 410
    assert export_jobs_expire() == 1
    job.refresh_from_db()
    assert (job.status, bool(job.file)) == ("expired", False)
    import os

    assert not os.path.exists(path)
    assert client.get(reverse("rosters:job_download", args=[job.pk])).status_code == 410


def test_admin_lists_only_own_exports_with_a_progress_bar(client, staff, other_staff, occurrence, settings):
    job = finished_job(staff, occurrence, settings)
    other = export_job_create(owner=other_staff, filters={"occurrence": occurrence.pk}, fmt="csv")
    staff.is_superuser = False
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="view_exportjob"))
    client.force_login(staff)
    page = client.get(reverse("admin:rosters_exportjob_changelist")).content.decode()
    assert '<progress class="roster-progress" max="100" value="100">' in page
    assert reverse("rosters:job_download", args=[job.pk]) in page
    assert client.get(reverse("admin:rosters_exportjob_change", args=[other.pk])).status_code == 302
    assert other.total == 0  # another organization's staff sees none of these registrations


def test_job_progress_is_written_every_n_rows(staff, occurrence, settings):
    from rosters.renderers import render
    from rosters.services import export_job_exporter

    bulk_roster(occurrence, 5)
    job = export_job_create(owner=staff, filters={"occurrence": occurrence.pk}, fmt="csv", columns=["email"])
    calls = []
    render(export_job_exporter(job), "csv", io.BytesIO(), on_progress=calls.append, progress_every=2)
    assert calls == [2, 4]


def test_export_list_query_count_does_not_grow_with_rows(
    admin_client, admin_user, occurrence, django_assert_max_num_queries
):
    url = reverse("admin:rosters_exportjob_changelist")
    export_job_create(owner=admin_user, filters={"occurrence": occurrence.pk}, fmt="csv")
    admin_client.get(
        url
    )  # the first request reads the signed-in account; the next ones take it from the cache (accounts.backends)
    with django_assert_max_num_queries(100) as one:
        admin_client.get(url)
    for _ in range(4):
        export_job_create(owner=admin_user, filters={"occurrence": occurrence.pk}, fmt="csv")
    with django_assert_max_num_queries(100) as many:
        admin_client.get(url)
    assert len(many.captured_queries) == len(one.captured_queries)


def test_running_export_page_refreshes_itself_and_shows_progress(client, staff, occurrence):
    bulk_roster(occurrence, 4)
    job = export_job_create(owner=staff, filters={"occurrence": occurrence.pk}, fmt="xlsx")
    ExportJob.objects.filter(pk=job.pk).update(status="running", progress=1)
    client.force_login(staff)
    page = client.get(reverse("rosters:job_detail", args=[job.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert '<progress class="roster-progress" max="100" value="25" data-running="1">25%</progress> 25% (1 / 4)' in page
    assert reverse("rosters:job_download", args=[job.pk]) not in page


@pytest.mark.parametrize("change", ["deleted", "no_longer_staff"])
def test_queued_export_fails_when_its_owner_lost_access_instead_of_exporting_everything(
    change, staff, occurrence, settings
):
    from tests.factories import OccurrenceFactory, RegistrationFactory

    settings.ROSTERS_SYNC_MAX_ROWS = 2
    bulk_roster(occurrence, 3)
    RegistrationFactory(occurrence=OccurrenceFactory(slug="foreign"))  # another organization's delegate
    job, fileobj = roster_export(user=staff, filters={}, fmt="csv", columns=["email"])
    assert fileobj is None
    if change == "deleted":
        staff.delete()
    else:
        staff.is_staff = False
        staff.save()

    with pytest.raises(PermissionError):
        run_export_job.apply(kwargs={"job_id": job.pk}, throw=True)
    job.refresh_from_db()
    assert (job.status, job.row_count, bool(job.file)) == ("failed", None, False)
    assert job.error == "PermissionError: The staff member who asked for this export can no longer see it."


def test_export_file_cannot_be_found_by_guessing_its_name_from_the_job(staff, occurrence, settings):
    from jobs.storage import private_storage

    default_storage = private_storage()

    job = finished_job(staff, occurrence, settings)
    guessed = f"rosters/exports/{timezone.localtime(job.created):%Y/%m}/{job.filename()}"
    assert job.file.name.endswith("/" + job.filename())
    assert not default_storage.exists(guessed)
    other = finished_job(staff, occurrence, settings)
    assert other.file.name.rsplit("/", 2)[1] != job.file.name.rsplit("/", 2)[1]
