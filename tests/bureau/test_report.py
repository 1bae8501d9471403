"""The monthly report: volumes per type and organization, median and 90th-percentile hours per step,
late counts; on the admin page (scoped like the queue) and in the XLSX."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bureau.models import ServiceLevel, ServiceRequest
from bureau.report import month_bounds, monthly_figures, p90
from tests.cohorts.factories import staff_user

from .conftest import submit

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_p90_is_the_nearest_rank():
    assert p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == 9
    assert p90([4]) == 4


def test_figures_per_type_step_times_and_late(requester, province, desk):
    ServiceLevel.objects.create(service="general", hours_to_mid_response=2, hours_to_final_response=100)
    today = timezone.localdate()
    filed = month_bounds(today.year, today.month)[0] + timedelta(hours=1)
    now = filed + timedelta(hours=10)
    requests = [submit(requester, province) for _ in range(3)] + [
        submit(requester, province, service="translation", source_language="ko", target_language="en")
    ]
    # Assigned 1, 2, 3 and 4 hours after filing; the third answered 5 hours after: late for its first response.
    for hours, request in enumerate(requests, start=1):
        ServiceRequest.objects.filter(pk=request.pk).update(
            created_at=filed, assigned_at=filed + timedelta(hours=hours)
        )
    ServiceRequest.objects.filter(pk=requests[2].pk).update(responded_at=filed + timedelta(hours=5))
    ServiceRequest.objects.filter(pk=requests[0].pk).update(responded_at=filed + timedelta(hours=1))
    figures = monthly_figures(ServiceRequest.objects.all(), year=today.year, month=today.month, now=now)
    assert figures["total"] == 4
    by_type = {row["label"]: (row["count"], row["late"]) for row in figures["types"]}
    # general: the third was answered late, the second is not answered after 10 hours (late too).
    assert by_type["General inquiry"] == (3, 2)
    assert by_type["Interpretation and translation"] == (1, 0)  # default level: 24 h to a first response
    steps = {row["label"]: row for row in figures["steps"]}
    assert (steps["Assigned to a staff member"]["median"], steps["Assigned to a staff member"]["p90"]) == (2.5, 4.0)
    assert (steps["Mid-response sent"]["count"], steps["Mid-response sent"]["median"]) == (2, 3.0)
    assert figures["organizations"] == [(province.name, 4)]


def test_report_page_and_xlsx_are_scoped_to_the_staff_member(client, requester, province, desk, department):
    submit(requester, province)
    month = timezone.localdate().strftime("%Y-%m")
    staff = staff_user(department)
    client.force_login(staff)
    page = client.get(reverse("admin:bureau_servicerequest_report"), {"month": month})
    assert page.status_code == 200
    assert page.context["figures"]["total"] == 1
    assert 'id="chart-types"' in page.content.decode()
    xlsx = client.get(reverse("admin:bureau_servicerequest_report"), {"month": month, "format": "xlsx"})
    archive = zipfile.ZipFile(io.BytesIO(b"".join(xlsx.streaming_content)))
    assert "General inquiry" in archive.read("xl/worksheets/sheet1.xml").decode()
    other = staff_user(type(department).objects.create(name="Other team", slug="other-team", kind="other"))
    client.force_login(other)
    assert client.get(reverse("admin:bureau_servicerequest_report"), {"month": month}).context["figures"]["total"] == 0
    assert client.get(reverse("admin:bureau_servicerequest_report"), {"month": "9999-99"}).status_code == 200
    assert client.get(reverse("admin:bureau_servicerequest_report"), {"month": "2026-01\x00"}).status_code == 400
