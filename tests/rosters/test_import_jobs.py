"""A delegate list longer than ROSTERS_IMPORT_SYNC_MAX_ROWS, as the demo's program staff meet it:
the upload answers at once with a job page; a worker checks the rows with a progress bar, the
preview names each row, and the confirmed import runs as a job too (issue 15: 5,000 rows were a
500 when checked within the request)."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from jobs.storage import private_storage
from participants.models import Registration
from rosters.models import ImportJob
from rosters.tasks import expire_exports

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

HEADERS = [
    "email", "family_name", "given_name", "family_name_native", "given_name_native", "country",
    "organization", "department", "position", "admin_level", "phone", "occurrence", "consent_date",
]  # fmt: skip
ROW = {
    "country": "KR", "department": "International Cooperation", "position": "Officer", "admin_level": "6",
    "occurrence": "sample-speech-contest", "consent_date": "2026-04-30",
}  # fmt: skip


def delegate_list(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS)
    writer.writeheader()
    for row in rows:
        writer.writerow({header: row.get(header, "") for header in HEADERS})
    return out.getvalue().encode()


def delegates(count, **extra):
    return [
        {**ROW, "email": f"delegate{n}@gg.example.org", "family_name": "Park", "given_name": f"Jiwoo{n}", **extra}
        for n in range(count)
    ]


@pytest.fixture
def staff_client(client, settings, django_capture_on_commit_callbacks):
    settings.ROSTERS_IMPORT_SYNC_MAX_ROWS = 3
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(email="staff@example.org"))
    client.cookies["django_language"] = "en"
    return client


def upload(client, content, captured):
    with captured(execute=True):  # the preview task runs on commit (in-process here)
        return client.post(
            "/admin/participants/registration/import/",
            {"import_file": SimpleUploadedFile("list.csv", content), "format": "1", "resource": "0"},
        )


def test_a_long_list_is_previewed_then_imported_as_jobs(staff_client, django_capture_on_commit_callbacks):
    before = Registration.objects.count()
    response = upload(staff_client, delegate_list(delegates(5)), django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/rosters/imports/{job.pk}/")
    assert Registration.objects.count() == before  # a preview writes nothing

    page = staff_client.get(response["Location"]).content.decode()
    assert 'value="100"' in page and "(5 / 5)" in page
    assert page.count("will be created") == 5 and "PARK Jiwoo4" in page
    assert "Confirm import" in page

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = staff_client.post(response["Location"])
    assert confirmed.status_code == 302
    assert "5 rows were imported." in staff_client.get(response["Location"]).content.decode()
    assert Registration.objects.count() == before + 5
    job.refresh_from_db()
    assert (job.stage, job.status, job.refused) == ("import", "done", 0)

    # The uploaded list (personal data) is deleted when the job expires, with the exports.
    stored = job.file.name
    ImportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now())
    expire_exports.apply()
    job.refresh_from_db()
    assert job.status == "expired" and not job.file
    assert not private_storage().exists(stored)


def test_a_refused_row_is_named_and_nothing_can_be_imported(staff_client, django_capture_on_commit_callbacks):
    rows = delegates(4) + [
        {**ROW, "email": "wang.fang@example.cn", "family_name": "Wang", "given_name": "Fang", "country": "CN"}
    ]
    response = upload(staff_client, delegate_list(rows), django_capture_on_commit_callbacks)
    page = staff_client.get(response["Location"]).content.decode()
    assert "Some rows are refused: nothing will be imported" in page
    assert "This program is open to officials from South Korea only." in page
    assert "Confirm import" not in page
    assert staff_client.post(response["Location"]).status_code == 404
    assert not Registration.objects.filter(
        participant__email="wang.fang@example.cn", occurrence__slug="sample-speech-contest"
    ).exists()


def test_someone_elses_import_job_is_not_found(staff_client, django_capture_on_commit_callbacks, client):
    response = upload(staff_client, delegate_list(delegates(4)), django_capture_on_commit_callbacks)
    staff_client.force_login(get_user_model().objects.get(email="checkin@example.org"))
    assert staff_client.get(response["Location"]).status_code == 404


def test_a_short_list_is_still_previewed_within_the_request(staff_client, django_capture_on_commit_callbacks):
    response = upload(staff_client, delegate_list(delegates(2)), django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "Confirm import" in response.content.decode()
    assert not ImportJob.objects.exists()
