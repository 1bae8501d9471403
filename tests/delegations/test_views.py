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
    client.get(
        f"/delegations/{allocation.pk}/"
    )  # the first request reads the signed-in account; the next ones take it from the cache (accounts.backends)
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


def _invitation(setup):
    from delegations.services import nomination_invitation_token

    allocation, user = setup
    (nomination,) = nominations_create(allocation=allocation, nominees=_nominees(0, 1), by=user)
    return nomination, f"/invitations/{nomination_invitation_token(nomination)}/"


def test_invitation_asks_an_existing_account_to_log_in(setup, client):
    nomination, link = _invitation(setup)
    UserFactory(email=nomination.email)
    client.logout()
    response = client.get(link)
    assert response.status_code == 200
    assert b'id="invitation-log-in"' in response.content
    assert f"/accounts/login/?next={link}".encode() in response.content


def test_invitation_refuses_another_signed_in_account_and_sends_the_right_one_on(setup, client):
    nomination, link = _invitation(setup)
    response = client.get(link)  # signed in as the focal point
    assert b'id="invitation-wrong-account"' in response.content
    assert client.get(link + "register/").status_code == 302
    client.force_login(UserFactory(email=nomination.email, email_verified_at=timezone.now()))
    response = client.get(link)
    assert (response.status_code, response["Location"]) == (302, link + "register/")


def test_invitation_account_form_refuses_a_weak_password_and_creates_nothing(setup, client):
    from accounts.models import User

    nomination, link = _invitation(setup)
    client.logout()
    response = client.post(link, {"password1": "123456", "password2": "123456"})
    assert response.status_code == 400
    assert not User.objects.filter(email=nomination.email).exists()


def test_a_forged_invitation_is_refused(client):
    response = client.get("/invitations/eyJuIjoxfQ:forged:sig/")
    assert response.status_code == 410
    assert b"This invitation link is not valid." in response.content


def test_the_navigation_offers_my_delegations_to_focal_points_only(setup, client):
    assert b'id="nav-delegations"' in client.get("/registrations/").content  # setup signed the focal point in
    client.force_login(UserFactory(email_verified_at=timezone.now()))
    assert b'id="nav-delegations"' not in client.get("/registrations/").content


def test_staff_overview_queries_do_not_grow_with_nominees_or_allocations(client, django_assert_max_num_queries):
    occurrence = OccurrenceFactory(capacity=50)
    china = CountryQuotaFactory(occurrence=occurrence, country="CN", seats=20)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = f"/admin/workshops/occurrence/{occurrence.pk}/delegations/"
    nominations_create(allocation=china, nominees=_nominees(0, 1), by=admin)
    client.get(
        url
    )  # the first request reads the signed-in account; the next ones take it from the cache (accounts.backends)
    with django_assert_max_num_queries(100) as one:
        assert client.get(url).status_code == 200
    japan = CountryQuotaFactory(occurrence=occurrence, country="JP", seats=20)
    nominations_create(allocation=china, nominees=_nominees(1, 5), by=admin)
    nominations_create(allocation=japan, nominees=_nominees(10, 5), by=admin)
    with django_assert_max_num_queries(100) as many:
        response = client.get(url)
    assert len(many.captured_queries) == len(one.captured_queries)
    assert [row["nominated"] for row in response.context["rows"]] == [6, 5]
