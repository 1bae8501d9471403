"""The statistics workbook built by a real Celery worker and served from the admin."""

import io

import openpyxl
import pytest

from reports.models import Report
from tests.factories import OccurrenceFactory, ProgramFactory, RegistrationFactory, UserFactory
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def _staff(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    if not user.is_superuser:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="view_report"))
    return user


def test_admin_builds_the_workbook_in_a_real_worker_and_serves_it(celery_worker_process, client):
    admin = _staff(is_superuser=True)
    RegistrationFactory(occurrence=OccurrenceFactory(program=ProgramFactory(name_en="Built")), status="accepted")
    client.force_login(admin)

    response = client.post("/admin/reports/report/build/")
    assert response.status_code == 302
    report = wait_until(lambda: Report.objects.filter(status=Report.Status.DONE).first(), timeout=30)

    page = client.get("/admin/reports/report/").content.decode()
    assert f'href="/admin/reports/report/{report.pk}/download/"' in page
    download = client.get(f"/admin/reports/report/{report.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="statistics-')
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert book["By program"]["A2"].value == "Built"
