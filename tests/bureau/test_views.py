import pytest
from django.urls import reverse

from bureau.models import ServiceRequest
from bureau.services import service_request_submit
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_official_files_a_request_and_follows_it(client):
    user = UserFactory()
    province = OrganizationFactory(kind="province", country="KR")
    client.force_login(user)
    response = client.post(
        reverse("bureau:request_create"),
        {
            "requesting_organization": province.pk,
            "contact_email": user.email,
            "service": "overseas_visit",
            "subject": "Visit to Taipei",
            "body": "Please arrange meetings with the Department of Civil Servant Development.",
        },
    )
    request = ServiceRequest.objects.get()
    assert response.url == reverse("bureau:request_detail", args=[request.reference])
    page = client.get(response.url).content.decode()
    assert "Requested, waiting to be registered" in page


def test_invalid_request_keeps_input_and_saves_nothing(client):
    client.force_login(UserFactory())
    response = client.post(reverse("bureau:request_create"), {"subject": "Keep me", "service": "general"})
    assert response.status_code == 200
    assert 'value="Keep me"' in response.content.decode()
    assert ServiceRequest.objects.count() == 0


def test_other_officials_requests_are_not_visible(client):
    request = service_request_submit(
        organization=OrganizationFactory(),
        contact_email="a@example.org",
        service="general",
        subject="Mine",
        body="x",
        requested_by=UserFactory(),
    )
    client.force_login(UserFactory())
    assert client.get(reverse("bureau:request_detail", args=[request.reference])).status_code == 404
    assert "Mine" not in client.get(reverse("bureau:request_list")).content.decode()


def test_staff_advance_through_the_admin(client):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    request = service_request_submit(
        organization=OrganizationFactory(),
        contact_email="a@example.org",
        service="general",
        subject="Q",
        body="x",
    )
    client.force_login(admin_user)
    url = reverse("admin:bureau_servicerequest_advance", args=[request.pk])
    refused = client.post(url, {"to_status": "assigned_staff"})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    client.post(url, {"to_status": "registered"})
    request.refresh_from_db()
    assert request.status == "registered"
