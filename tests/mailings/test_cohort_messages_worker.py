"""A cohort message through a real Celery worker on real Redis: one task publishes the sends, and
each official receives exactly one email over real SMTP, in their language, with the Reply-To."""

import time
import uuid

import pytest

from mailings.services import cohort_message_send
from notifications.models import Notification
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in
from tests.factories import OrganizationFactory
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker

TEXTS = {
    "en": {"subject": "About {occurrence}", "body": "Dear {name}"},
    "ko": {"subject": "{occurrence} 안내", "body": "{name} 님"},
}


def test_a_cohort_message_goes_through_the_worker_once_per_official(celery_worker_process, smtp_server):
    occurrence = hosted_occurrence(
        OrganizationFactory(), title_en="Worker Forum", reply_to_email="forum-desk@example.org"
    )
    cohort = [
        registration_in(occurrence, Registration.Status.ACCEPTED, email=f"w{i}@example.org",
                        preferred_language="ko" if i % 2 else "en")
        for i in range(6)
    ]  # fmt: skip
    token = uuid.uuid4()
    cohort_message_send(token=token, texts=TEXTS, registrations=cohort, by=None)
    cohort_message_send(token=token, texts=TEXTS, registrations=cohort, by=None)  # a double submit
    wait_until(lambda: Notification.objects.filter(status="sent").count() == 6, timeout=60)
    time.sleep(1)  # nothing straggles in after
    assert len(smtp_server.messages) == 6
    for i in range(6):
        [message] = smtp_server.received_by(f"w{i}@example.org")
        assert message["Reply-To"] == "forum-desk@example.org"
        assert message["Subject"] == ("Worker Forum 안내" if i % 2 else "About Worker Forum")
