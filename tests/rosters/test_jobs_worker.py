"""A large roster export in a real Celery worker: progress, the file, and the email to its owner."""

import io
import time

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from rosters.models import ExportJob
from tests.rosters.support import bulk_roster

pytestmark = pytest.mark.worker


def test_large_export_runs_in_the_real_worker_and_reports_progress(
    celery_worker_process, smtp_server, staff, occurrence, settings, client
):
    settings.ROSTERS_SYNC_MAX_ROWS = 100
    bulk_roster(occurrence, 3000)
    client.force_login(staff)
    response = client.post(
        reverse("rosters:export_occurrence", args=[occurrence.pk]),
        {"format": "xlsx", "columns": ["email", "family_name_native"]},
    )
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rosters:job_detail", args=[job.pk])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in ("done", "failed"):
            break
        time.sleep(0.02)
    assert job.status == "done", job.error
    assert (job.total, job.row_count, job.progress) == (3000, 3000, 3000)
    assert job.expires_at > timezone.now()
    page = client.get(reverse("rosters:job_detail", args=[job.pk])).content.decode()
    assert '<progress class="roster-progress" max="100" value="100">' in page
    rows = list(
        openpyxl.load_workbook(
            io.BytesIO(client.get(reverse("rosters:job_download", args=[job.pk])).getvalue())
        ).active.values
    )
    assert rows[0] == ("Family name (native script)", "Email")
    assert len(rows) == 3001 and rows[1][0] == "김"
    deadline = time.monotonic() + 30
    while (
        time.monotonic() < deadline and not Notification.objects.filter(template="export_ready", status="sent").exists()
    ):
        time.sleep(0.2)
    assert [m["subject"] for m in smtp_server.messages] == ["Your roster export is ready (3000 rows)"]
