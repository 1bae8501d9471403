"""The Bureau in the admin: queues scoped to the staff member's department, late first, filters,
reassignment, internal notes, the next step and confirming requesters."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from bureau.models import AssignmentRule, Requester, ServiceRequest
from tests.cohorts.factories import staff_user
from tests.factories import OrganizationFactory, ProgramFactory, UserFactory

from .conftest import submit

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = ServiceRequest.Status
CHANGELIST = reverse("admin:bureau_servicerequest_changelist")


@pytest.fixture
def bureau(province, requester):
    gaok = OrganizationFactory(kind="association", name_en="GAOK")
    ProgramFactory(slug="online-bureau", kind="service").hosts.set([gaok])
    exchange = OrganizationFactory(kind="other", parent=gaok, name_en="Exchange team")
    language = OrganizationFactory(kind="other", parent=gaok, name_en="Language team")
    people = {
        "manager": staff_user(gaok),
        "exchange": staff_user(exchange, first_name="Exchange"),
        "language": staff_user(language, first_name="Language"),
    }
    AssignmentRule.objects.create(order=1, service="translation", department=language, strategy="round_robin")
    AssignmentRule.objects.create(order=2, department=exchange, strategy="least_loaded")
    return {"gaok": gaok, "exchange": exchange, "language": language, **people}


def _rows(client, query=None):
    response = client.get(CHANGELIST, query or {})
    assert response.status_code == 200
    return [r.reference for r in response.context["cl"].result_list]


def test_queue_shows_only_the_department_superiors_see_all(client, bureau, requester, province):
    visit = submit(requester, province, service="overseas_visit")
    text = submit(requester, province, service="translation", source_language="ko", target_language="en")
    assert (visit.assignee, text.assignee) == (bureau["exchange"], bureau["language"])
    client.force_login(bureau["exchange"])
    assert _rows(client) == [visit.reference]
    change = reverse("admin:bureau_servicerequest_change", args=[text.pk])
    assert client.get(change).status_code in (302, 404)
    assert client.get(reverse("admin:bureau_servicerequest_advance", args=[text.pk])).status_code == 404
    client.force_login(bureau["manager"])
    assert sorted(_rows(client)) == sorted([visit.reference, text.reference])


def test_late_requests_come_first_and_filters_narrow_the_queue(client, bureau, requester, province):
    old, late, soon = (submit(requester, province, subject=s) for s in ("old", "late", "soon"))
    ServiceRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=9))
    ServiceRequest.objects.filter(pk=late.pk).update(overdue_since=timezone.now(), overdue_step="final_response")
    ServiceRequest.objects.filter(pk=soon.pk).update(desired_deadline=timezone.localdate() + timedelta(days=2))
    client.force_login(bureau["exchange"])
    assert _rows(client) == [late.reference, soon.reference, old.reference]
    assert _rows(client, {"age": "old"}) == [old.reference]
    assert _rows(client, {"deadline": "late"}) == [late.reference]
    assert _rows(client, {"deadline": "week"}) == [soon.reference]
    assert _rows(client, {"service__exact": "translation"}) == []
    assert len(_rows(client, {"status__exact": "assigned_staff"})) == 3


def test_reassign_to_someone_outside_the_department_is_refused(client, bureau, requester, province):
    request = submit(requester, province, service="general")
    client.force_login(bureau["manager"])
    response = client.post(
        reverse("admin:bureau_servicerequest_reassign", args=[request.pk]),
        {"department": bureau["language"].organization_id, "assignee": bureau["exchange"].pk},
    )
    assert "staff member of the request&#x27;s department" in response.content.decode()
    request.refresh_from_db()
    assert (request.department_id, request.assignee) == (bureau["exchange"].organization_id, bureau["exchange"])


def test_reassign_then_internal_note_then_final_response(
    client, bureau, requester, province, django_capture_on_commit_callbacks
):
    request = submit(requester, province, service="general")
    language_staff = bureau["language"]
    client.force_login(bureau["manager"])
    client.post(
        reverse("admin:bureau_servicerequest_reassign", args=[request.pk]),
        {"department": language_staff.organization_id, "assignee": language_staff.pk},
    )
    request.refresh_from_db()
    assert (request.department_id, request.assignee, request.status) == (
        language_staff.organization_id,
        language_staff,
        S.ASSIGNED_STAFF,
    )
    assert request.events.last().by == bureau["manager"]
    client.force_login(language_staff)
    client.post(
        reverse("admin:bureau_servicerequest_write", args=[request.pk]), {"body": "Check the budget", "internal": "on"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:bureau_servicerequest_advance", args=[request.pk]),
            {"to_status": "final_response", "response": "Here is the answer."},
        )
    request.refresh_from_db()
    assert request.status == S.FINAL_RESPONSE
    assert request.events.last().by == language_staff
    assert [m.subject for m in mail.outbox][-1] == f"Final response to your request {request.reference}"
    change = client.get(reverse("admin:bureau_servicerequest_change", args=[request.pk])).content.decode()
    assert "Check the budget" in change and "Here is the answer." in change
    client.force_login(requester)
    page = client.get(reverse("bureau:request_detail", args=[request.reference])).content.decode()
    assert "Here is the answer." in page and "Check the budget" not in page


def test_forged_step_through_the_admin_is_refused(client, bureau, requester, province):
    request = submit(requester, province)
    client.force_login(bureau["exchange"])
    response = client.post(
        reverse("admin:bureau_servicerequest_advance", args=[request.pk]), {"to_status": "registered"}
    )
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == S.ASSIGNED_STAFF


def test_manager_confirms_a_requester(client, bureau, province):
    waiting = Requester.objects.create(user=UserFactory(), organization=province)
    client.force_login(bureau["exchange"])
    assert client.get(reverse("admin:bureau_requester_changelist")).context["cl"].result_count == 0
    client.force_login(bureau["manager"])
    client.post(
        reverse("admin:bureau_requester_changelist"),
        {"action": "confirm", "_selected_action": [waiting.pk]},
    )
    waiting.refresh_from_db()
    assert (waiting.is_verified, waiting.verified_via, waiting.verified_by) == (True, "staff", bureau["manager"])


def test_staff_message_without_text_or_file_is_refused_on_the_page(client, bureau, requester, province):
    request = submit(requester, province, service="general")
    client.force_login(request.assignee)
    response = client.post(reverse("admin:bureau_servicerequest_write", args=[request.pk]), {"body": "  "})
    assert response.status_code == 200
    assert "Write a message or attach a file." in response.content.decode() and request.messages.count() == 0
