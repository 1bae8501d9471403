"""A long delegate list previewed and imported by a real Celery worker, the web request answering
at once: the progress the page shows, the preview, then the registrations."""

import csv
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from participants.models import Registration
from rosters.models import ImportJob
from rosters.resources import IMPORT_HEADERS
from tests.rosters.test_import import GOOD

pytestmark = pytest.mark.worker
ROWS = 150


def _wait(job, stage, seconds=600):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.stage == stage and job.status in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"{job} still {job.status} at {job.progress}/{job.total}")


def test_a_long_list_is_checked_and_imported_by_the_worker(celery_worker_process, staff, occurrence, settings, client):
    settings.ROSTERS_IMPORT_SYNC_MAX_ROWS = 100
    occurrence.capacity = ROWS + 10
    occurrence.save()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=IMPORT_HEADERS)
    writer.writeheader()
    for n in range(ROWS):
        writer.writerow({**GOOD, "email": f"delegate{n}@gg.example.org", "given_name": f"Minsu{n}"})
    client.force_login(staff)

    started = time.monotonic()
    response = client.post(
        "/admin/participants/registration/import/",
        {"import_file": SimpleUploadedFile("list.csv", out.getvalue().encode()), "format": "1", "resource": "0"},
    )
    assert response.status_code == 302 and time.monotonic() - started < 10  # the request does not wait
    job = _wait(ImportJob.objects.get(), "preview")
    assert (job.status, job.refused, job.total, job.progress) == ("done", 0, ROWS, ROWS), job.error
    page = client.get(response["Location"]).content.decode()
    assert f"({ROWS} / {ROWS})" in page and page.count("will be created") == ROWS

    assert client.post(response["Location"]).status_code == 302
    job = _wait(job, "import")
    assert job.status == "done", job.error
    assert Registration.objects.filter(occurrence=occurrence).count() == ROWS
    assert f"{ROWS} rows were imported." in client.get(response["Location"]).content.decode()
