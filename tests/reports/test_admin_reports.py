import io

import openpyxl
import pytest

from reports.models import Report
from reports.services import report_build
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, RegistrationFactory, UserFactory
from tests.support.workers import wait_until


def _staff(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    if not user.is_superuser:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="view_report"))
    return user


@pytest.mark.worker
@pytest.mark.integration
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


@pytest.mark.django_db
def test_staff_cannot_download_another_members_workbook(client):
    owner = _staff(organization=OrganizationFactory())
    report = report_build(report_id=Report.objects.create(owner=owner).pk)
    assert report.status == Report.Status.DONE
    client.force_login(_staff(organization=OrganizationFactory()))

    assert client.get(f"/admin/reports/report/{report.pk}/download/").status_code == 404
    assert client.get("/admin/reports/report/build/").status_code == 405


@pytest.mark.django_db
def test_workbook_file_cannot_be_found_by_guessing_its_name(client):
    from django.core.files.storage import default_storage
    from django.utils import timezone

    report = report_build(report_id=Report.objects.create(owner=_staff(organization=OrganizationFactory())).pk)
    name = report.file.name.rsplit("/", 1)[1]
    assert name.startswith("statistics-") and name.endswith(f"-{report.pk}.xlsx")
    assert not default_storage.exists(f"reports/{timezone.localtime():%Y/%m}/{name}")
