import pytest

from reports.models import Report
from reports.services import report_build
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _staff(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    if not user.is_superuser:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="view_report"))
    return user


def test_staff_cannot_download_another_members_workbook(client):
    owner = _staff(organization=OrganizationFactory())
    report = report_build(report_id=Report.objects.create(owner=owner).pk)
    assert report.status == Report.Status.DONE
    client.force_login(_staff(organization=OrganizationFactory()))

    assert client.get(f"/admin/reports/report/{report.pk}/download/").status_code == 404
    assert client.get("/admin/reports/report/build/").status_code == 405


def test_workbook_file_cannot_be_found_by_guessing_its_name(client):
    from jobs.storage import private_storage

    default_storage = private_storage()
    from django.utils import timezone

    report = report_build(report_id=Report.objects.create(owner=_staff(organization=OrganizationFactory())).pk)
    name = report.file.name.rsplit("/", 1)[1]
    assert name.startswith("statistics-") and name.endswith(f"-{report.pk}.xlsx")
    assert not default_storage.exists(f"reports/{timezone.localtime():%Y/%m}/{name}")
