"""The focal point's page: a fixed number of queries whatever the number of nominees, and the
nominee list's upload refusing a bad file whole."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from delegations.models import FocalPoint, Nomination
from delegations.services import nominations_create
from tests.factories import CountryQuotaFactory, OccurrenceFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def setup(client):
    allocation = CountryQuotaFactory(occurrence=OccurrenceFactory(capacity=50), country="CN", seats=20)
    FocalPoint.objects.create(email="focal@gov.example.cn", country="CN", occurrence=allocation.occurrence)
    user = UserFactory(email="focal@gov.example.cn", email_verified_at=timezone.now())
    client.force_login(user)
    return allocation, user


def _nominees(start, count):
    return [
        {"family_name": "Li", "given_name": f"Na{i}", "email": f"li{i}@gov.example.cn"}
        for i in range(start, start + count)
    ]


def test_allocation_page_queries_do_not_grow_with_nominees(setup, client, django_assert_max_num_queries):
    allocation, user = setup
    nominations_create(allocation=allocation, nominees=_nominees(0, 1), by=user)
    with django_assert_max_num_queries(100) as one:
        assert client.get(f"/delegations/{allocation.pk}/").status_code == 200
    nominations_create(allocation=allocation, nominees=_nominees(1, 8), by=user)
    with django_assert_max_num_queries(100) as many:
        assert client.get(f"/delegations/{allocation.pk}/").status_code == 200
    assert len(many.captured_queries) == len(one.captured_queries)


def test_a_list_with_a_bad_row_nominates_nobody_and_names_the_row(setup, client):
    allocation, _user = setup
    content = "family_name,given_name,email\nLi,Na,li@gov.example.cn\n,Wei,wei@gov.example.cn\nZhao,Lei,zhao@x\n"
    upload = SimpleUploadedFile("list.csv", content.encode(), content_type="text/csv")
    response = client.post(f"/delegations/{allocation.pk}/nominate-list/", {"list-file": upload})
    assert response.status_code == 400
    assert response.context["list_errors"] == [
        "Row 3: a name is missing.",
        "Row 4: the email address is not valid.",
    ]
    assert Nomination.objects.count() == 0


def test_an_xlsx_list_is_read(setup, client):
    from openpyxl import Workbook

    allocation, _user = setup
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["family_name", "given_name", "email", "language"])
    sheet.append(["Li", "Na", "li@gov.example.cn", "zh-hant"])
    sheet.append(["Zhao", "Lei", "zhao@gov.example.cn", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("list.xlsx", buffer.getvalue())
    response = client.post(f"/delegations/{allocation.pk}/nominate-list/", {"list-file": upload})
    assert response.status_code == 302
    assert list(Nomination.objects.order_by("email").values_list("email", "language")) == [
        ("li@gov.example.cn", "zh-hant"),
        ("zhao@gov.example.cn", "en"),
    ]


def test_someone_without_a_grant_gets_404(client):
    allocation = CountryQuotaFactory(occurrence=OccurrenceFactory(), country="CN", seats=2)
    client.force_login(UserFactory(email_verified_at=timezone.now()))
    assert client.get(f"/delegations/{allocation.pk}/").status_code == 404
    assert client.get("/delegations/").status_code == 200
