import pytest
from django.core import mail

from bureau.models import ServiceRequest
from bureau.services import ServiceRequestError, service_request_advance, service_request_submit
from tests.factories import OrganizationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = ServiceRequest.Status


@pytest.fixture
def submitted():
    return service_request_submit(
        organization=OrganizationFactory(),
        contact_email="intl@gg.example.org",
        service="translation",
        subject="Interpretation for a delegation",
        body="We need a Chinese interpreter on 3 March.",
    )


def test_submit_numbers_requests_per_year(submitted):
    second = service_request_submit(
        organization=submitted.requesting_organization,
        contact_email="a@example.org",
        service="general",
        subject="Question",
        body="Hello",
    )
    year = submitted.created_at.year
    assert (submitted.reference, second.reference) == (f"OB-{year}-000001", f"OB-{year}-000002")
    assert submitted.status == S.REQUESTED


def test_full_process_in_order_notifies_at_registration_mid_and_final(submitted, django_capture_on_commit_callbacks):
    staff = UserFactory(is_staff=True)
    department = OrganizationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        service_request_advance(request=submitted, to_status=S.REGISTERED, by=staff)
        service_request_advance(request=submitted, to_status=S.ASSIGNED_DEPARTMENT, by=staff, department=department)
        service_request_advance(request=submitted, to_status=S.ASSIGNED_STAFF, by=staff, assignee=staff)
        service_request_advance(
            request=submitted, to_status=S.MID_RESPONSE, by=staff, response="We are looking for an interpreter."
        )
        done = service_request_advance(
            request=submitted, to_status=S.FINAL_RESPONSE, by=staff, response="Ms. Lee will interpret."
        )
    assert done.status == S.FINAL_RESPONSE
    assert list(done.events.values_list("to_status", flat=True)) == [
        "requested",
        "registered",
        "assigned_department",
        "assigned_staff",
        "mid_response",
        "final_response",
    ]
    assert [m.subject for m in mail.outbox] == [
        f"Your request {done.reference} is registered",
        f"Mid-response to your request {done.reference}",
        f"Final response to your request {done.reference}",
    ]
    assert "Ms. Lee will interpret." in mail.outbox[-1].body


def test_skipping_a_step_is_refused_and_changes_nothing(submitted):
    with pytest.raises(ServiceRequestError, match="cannot move to"):
        service_request_advance(request=submitted, to_status=S.ASSIGNED_STAFF, assignee=UserFactory(is_staff=True))
    submitted.refresh_from_db()
    assert submitted.status == S.REQUESTED
    assert submitted.events.count() == 1


def test_assigning_without_a_department_is_refused(submitted):
    service_request_advance(request=submitted, to_status=S.REGISTERED)
    with pytest.raises(ServiceRequestError, match="department"):
        service_request_advance(request=submitted, to_status=S.ASSIGNED_DEPARTMENT)


def test_final_response_needs_text(submitted):
    staff = UserFactory(is_staff=True)
    service_request_advance(request=submitted, to_status=S.REGISTERED)
    service_request_advance(request=submitted, to_status=S.ASSIGNED_DEPARTMENT, department=OrganizationFactory())
    service_request_advance(request=submitted, to_status=S.ASSIGNED_STAFF, assignee=staff)
    with pytest.raises(ServiceRequestError, match="Write the response"):
        service_request_advance(request=submitted, to_status=S.FINAL_RESPONSE, response="   ")
