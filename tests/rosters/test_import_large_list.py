"""A 10,000-row delegate list (issue 15) previewed and imported through the real job path: the
admin upload, a real Celery worker, the preview with no refused row, Confirm import, and every
delegate registered once, with the history an imported registration gets.

Not a speed test: the wait is only there so that a job that never ends fails the test instead of
hanging the suite (bench/import_delegates.py measures the speed)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from participants.models import Participant, Registration, RegistrationStatusChange
from rosters.models import ImportJob
from rosters.resources import IMPORT_HEADERS
from tests.rosters.test_import import GOOD
from tests.rosters.test_import_jobs_worker import _wait

pytestmark = pytest.mark.worker
ROWS = 10_000


# Above the suite's 300 s per test, which counts the test database's set-up when this test is the first.
@pytest.mark.timeout(1800)
def test_a_10000_row_list_is_previewed_and_imported_whole(celery_worker_process, staff, occurrence, client):
    occurrence.capacity = ROWS + 10
    occurrence.save()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=IMPORT_HEADERS)
    writer.writeheader()
    for n in range(ROWS):
        writer.writerow({**GOOD, "email": f"Delegate{n}@GG.example.org", "given_name": f"Minsu{n}"})
    client.force_login(staff)

    response = client.post(
        "/admin/participants/registration/import/",
        {"import_file": SimpleUploadedFile("list.csv", out.getvalue().encode()), "format": "1", "resource": "0"},
    )
    assert response.status_code == 302
    job = _wait(ImportJob.objects.get(), "preview", seconds=1200)
    assert (job.status, job.refused, job.total, job.progress) == ("done", 0, ROWS, ROWS), job.error
    assert [line["action"] for line in job.report] == ["new"] * ROWS
    assert job.report[-1]["email"] == f"delegate{ROWS - 1}@gg.example.org"
    assert not Participant.objects.exists()  # the preview saved nothing

    assert client.post(response["Location"]).status_code == 302
    job = _wait(job, "import", seconds=1200)
    assert job.status == "done", job.error
    assert f"{ROWS} rows were imported." in client.get(response["Location"]).content.decode()
    registrations = Registration.objects.filter(occurrence=occurrence)
    assert registrations.count() == ROWS
    assert set(registrations.values_list("status", flat=True)) == {Registration.Status.SUBMITTED}
    assert Participant.objects.filter(email__startswith="delegate").count() == ROWS
    assert Participant.objects.get(email="delegate9999@gg.example.org").given_name == "Minsu9999"
    assert (
        RegistrationStatusChange.objects.filter(registration__occurrence=occurrence, to_status="submitted").count()
        == ROWS
    )
