"""Service levels: the periodic task flags what is late, alerts the department once per step, and
clears the flag when the step is done; through a real beat and worker, the alert reaches SMTP."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bureau.models import AssignmentRule, ServiceLevel, ServiceRequest
from bureau.service_levels import service_requests_flag_late
from bureau.services import service_request_advance
from notifications.models import Notification
from tests.factories import OrganizationFactory, UserFactory
from tests.support.workers import wait_until

from .conftest import submit, verified_requester

pytestmark = pytest.mark.worker
S = ServiceRequest.Status


def _aged(request, hours):
    ServiceRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(hours=hours))
    request.refresh_from_db()
    return request


@pytest.mark.django_db
def test_late_first_response_is_flagged_once_alerts_the_department_and_clears_when_answered(requester, province, desk):
    ServiceLevel.objects.create(
        service="general", hours_to_register=1, hours_to_mid_response=4, hours_to_final_response=48
    )
    desk[1].preferred_language = "ko"
    desk[1].save()
    late = _aged(submit(requester, province, subject="late"), 5)
    _aged(submit(requester, province, subject="in time"), 3)
    assert service_requests_flag_late() == 1
    assert service_requests_flag_late() == 0  # no second alert for the same step
    late.refresh_from_db()
    assert (late.overdue_step, late.overdue_since is not None) == ("mid_response", True)
    alerts = Notification.objects.filter(template="service_request_late").order_by("recipient")
    assert sorted(alerts.values_list("recipient", "language")) == sorted([(desk[0].email, "en"), (desk[1].email, "ko")])
    assert {a.subject for a in alerts} == {
        f"Late: Online Bureau request {late.reference}",
        f"지연: 온라인 사무소 요청 {late.reference}",
    }

    service_request_advance(request=late, to_status=S.MID_RESPONSE, by=desk[0], response="Working on it")
    assert service_requests_flag_late() == 0
    late.refresh_from_db()
    assert (late.overdue_step, late.overdue_since) == ("", None)
    _aged(late, 49)
    assert service_requests_flag_late() == 1
    late.refresh_from_db()
    assert late.overdue_step == "final_response"


def test_beat_flags_a_late_request_and_the_worker_mails_the_department(
    private_broker,
    smtp_server,
    start_worker,
    start_beat,
):
    province = OrganizationFactory(kind="province", country="KR")
    department = OrganizationFactory(kind="other")
    staff = UserFactory(is_staff=True, organization=department, email="desk@gaok.example")
    AssignmentRule.objects.create(department=department, strategy="round_robin")
    ServiceLevel.objects.create(service="general", hours_to_mid_response=1)
    request = _aged(submit(verified_requester(province), province), 2)
    worker = start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
    beat = start_beat(broker_url=private_broker.url, every=1, tasks=("bureau.flag_late_requests",))
    assert beat.scheduled == ["bureau.flag_late_requests"]
    wait_until(lambda: smtp_server.received_by(staff.email), timeout=60, interval=0.5)
    request.refresh_from_db()
    assert request.overdue_step == "mid_response" and request.assignee == staff
    mails = smtp_server.received_by(staff.email)
    assert [m["Subject"] for m in mails] == [f"Late: Online Bureau request {request.reference}"]
    assert "Task bureau.flag_late_requests" in worker.output()
