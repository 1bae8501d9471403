from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bureau.models import AssignmentRule, Attachment, ServiceRequest
from bureau.services import (
    ServiceRequestError,
    service_request_advance,
    service_request_message,
    service_request_reassign,
)
from tests.factories import OrganizationFactory, UserFactory

from .conftest import submit, verified_requester

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = ServiceRequest.Status
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"


def test_submit_numbers_requests_per_year_and_registers_at_once(requester, province):
    first, second = submit(requester, province), submit(requester, province)
    year = first.created_at.year
    assert (first.reference, second.reference) == (f"OB-{year}-000001", f"OB-{year}-000002")
    assert first.status == S.REGISTERED  # no rule: registered, waiting for staff to assign it
    assert first.registered_at is not None


def test_filing_for_another_organization_is_refused(requester):
    other = OrganizationFactory(kind="city", country="KR")
    with pytest.raises(ServiceRequestError, match="not verified to act for"):
        submit(requester, other)
    assert ServiceRequest.objects.count() == 0


def test_unconfirmed_requester_cannot_file(province):
    from bureau.models import Requester

    user = UserFactory()
    Requester.objects.create(user=user, organization=province)
    with pytest.raises(ServiceRequestError, match="not verified"):
        submit(user, province)


def test_rules_assign_department_and_staff_by_turns(requester, province, desk, department):
    requests = [submit(requester, province) for _ in range(3)]
    assert [r.status for r in requests] == [S.ASSIGNED_STAFF] * 3
    assert {r.department for r in requests} == {department}
    assert [r.assignee for r in requests] == [desk[0], desk[1], desk[0]]
    steps = list(requests[0].events.values_list("to_status", "by"))
    assert steps == [
        ("requested", requester.pk),
        ("registered", None),
        ("assigned_department", None),
        ("assigned_staff", None),
    ]


def test_least_loaded_rule_for_a_language_wins_over_the_general_rule(requester, province, desk):
    chinese_desk = OrganizationFactory(kind="other", name_en="Chinese desk")
    busy, free = (UserFactory(is_staff=True, organization=chinese_desk) for _ in range(2))
    AssignmentRule.objects.create(
        order=1, service="translation", language="zh", department=chinese_desk, strategy="least_loaded"
    )
    ServiceRequest.objects.create(
        reference="OB-X-1",
        requesting_organization=province,
        contact_email="a@b.org",
        service="general",
        subject="s",
        body="b",
        status=S.ASSIGNED_STAFF,
        assignee=busy,
        department=chinese_desk,
    )
    request = submit(requester, province, service="translation", source_language="ko", target_language="zh")
    assert (request.department, request.assignee) == (chinese_desk, free)
    general = submit(requester, province, service="translation", source_language="ko", target_language="ja")
    assert general.assignee in desk


def test_full_process_in_order_notifies_at_registration_mid_and_final(
    requester, province, desk, django_capture_on_commit_callbacks
):
    staff = desk[0]
    with django_capture_on_commit_callbacks(execute=True):
        request = submit(requester, province, subject="Interpretation")
        request = service_request_advance(request=request, to_status=S.MID_RESPONSE, by=staff, response="Looking.")
        done = service_request_advance(request=request, to_status=S.FINAL_RESPONSE, by=staff, response="Ms. Lee will.")
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
    assert "Ms. Lee will." in mail.outbox[-1].body
    assert list(done.messages.values_list("body", flat=True)) == ["Looking.", "Ms. Lee will."]


def test_skipping_or_replaying_a_step_is_refused_and_changes_nothing(requester, province, desk):
    request = submit(requester, province)
    with pytest.raises(ServiceRequestError, match="cannot move to"):
        service_request_advance(request=request, to_status=S.REGISTERED)
    service_request_advance(request=request, to_status=S.FINAL_RESPONSE, by=desk[0], response="Done")
    with pytest.raises(ServiceRequestError, match="cannot move to"):
        service_request_advance(request=request, to_status=S.MID_RESPONSE, response="Again")
    request.refresh_from_db()
    assert (request.status, request.mid_response) == (S.FINAL_RESPONSE, "")


def test_skipping_from_request_to_final_is_refused(province):
    request = ServiceRequest.objects.create(
        reference="OB-X-2",
        requesting_organization=province,
        contact_email="a@b.org",
        service="general",
        subject="s",
        body="b",
    )
    with pytest.raises(ServiceRequestError, match="cannot move to"):
        service_request_advance(request=request, to_status=S.FINAL_RESPONSE, response="x")


def test_final_response_needs_text(requester, province, desk):
    request = submit(requester, province)
    with pytest.raises(ServiceRequestError, match="Write the response"):
        service_request_advance(request=request, to_status=S.FINAL_RESPONSE, response="   ")


def test_reassign_keeps_the_step_and_records_who(requester, province, desk):
    request = submit(requester, province)
    other = OrganizationFactory(kind="other")
    newcomer = UserFactory(is_staff=True, organization=other)
    with pytest.raises(ServiceRequestError, match="staff member of the request's department"):
        service_request_reassign(request=request, by=desk[0], department=other, assignee=desk[1])
    moved = service_request_reassign(request=request, by=desk[0], department=other, assignee=newcomer)
    assert (moved.status, moved.department, moved.assignee) == (S.ASSIGNED_STAFF, other, newcomer)
    assert moved.events.last().by == desk[0]


def test_attachments_checked_by_content_nothing_saved_when_one_is_bad(requester, province, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    good = SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf")
    disguised = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00binary", content_type="application/pdf")
    with pytest.raises(ServiceRequestError, match="virus.pdf"):
        submit(requester, province, uploads=[good, disguised])
    assert (ServiceRequest.objects.count(), Attachment.objects.count()) == (0, 0)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_oversized_attachment_is_refused(requester, province, settings):
    settings.BUREAU_ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ServiceRequestError, match="larger than"):
        submit(requester, province, uploads=[SimpleUploadedFile("a.pdf", PDF)])
    assert ServiceRequest.objects.count() == 0


def test_several_attachments_are_stored_privately_with_their_real_type(requester, province, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    files = [
        SimpleUploadedFile("a.pdf", PDF, content_type="text/plain"),
        SimpleUploadedFile("b.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, content_type="image/png"),
        SimpleUploadedFile("c.txt", "안녕하세요".encode(), content_type="text/plain"),
    ]
    request = submit(requester, province, uploads=files)
    rows = list(request.attachments.values_list("name", "content_type", "size"))
    assert rows == [("a.pdf", "application/pdf", len(PDF)), ("b.png", "image/png", 28), ("c.txt", "text/plain", 15)]
    assert all(str(tmp_path) in a.file.path for a in request.attachments.all())


def test_requester_cannot_write_an_internal_note_or_to_another_organization(requester, province):
    request = submit(requester, province)
    with pytest.raises(ServiceRequestError, match="internal"):
        service_request_message(request=request, author=requester, body="x", internal=True)
    stranger = verified_requester(OrganizationFactory(kind="city", country="KR"))
    with pytest.raises(ServiceRequestError, match="not verified"):
        service_request_message(request=request, author=stranger, body="x")
    with pytest.raises(ServiceRequestError, match="Write a message"):
        service_request_message(request=request, author=requester, body="  ")
    assert request.messages.count() == 0


def test_past_deadline_and_reversed_dates_are_refused(requester, province):
    today = timezone.localdate()
    with pytest.raises(ServiceRequestError, match="deadline"):
        submit(requester, province, desired_deadline=today - timedelta(days=1))
    with pytest.raises(ServiceRequestError, match="end date"):
        submit(requester, province, starts_on=today, ends_on=today - timedelta(days=1))


def test_a_bureau_question_is_emailed_an_internal_note_is_not(
    requester, province, desk, django_capture_on_commit_callbacks
):
    request = submit(requester, province)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service_request_message(
            request=request, author=desk[0], body="Ask the Tokyo office", from_staff=True, internal=True
        )
        service_request_message(request=request, author=desk[0], body="Which dates suit you?", from_staff=True)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([requester.email], f"The Online Bureau wrote about your request {request.reference}")
    ]
    assert "Which dates suit you?" in mail.outbox[0].body and "Tokyo" not in mail.outbox[0].body


def test_a_requester_message_is_emailed_to_the_department_staff_in_their_language(
    requester, province, desk, django_capture_on_commit_callbacks
):
    desk[1].preferred_language = "ko"
    desk[1].save()
    request = submit(requester, province)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service_request_message(request=request, author=requester, body="We arrive on 3 March.")
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        [
            (desk[0].email, f"New message on Online Bureau request {request.reference}"),
            (desk[1].email, f"온라인 사무소 요청 {request.reference}에 새 메시지"),
        ]
    )
    assert all("We arrive on 3 March." in m.body for m in mail.outbox)
    assert requester.email not in [m.to[0] for m in mail.outbox]
