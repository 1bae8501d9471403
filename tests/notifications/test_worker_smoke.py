"""A registration through a real Celery worker on real Redis delivers one email over real SMTP."""

import pytest

from participants.services import registration_submit
from tests.factories import OccurrenceFactory, ParticipantFactory
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def test_registration_email_goes_through_the_worker_once(celery_worker_process, smtp_server):
    participant = ParticipantFactory(email="kim@example.org", preferred_language="en")
    occurrence = OccurrenceFactory(capacity=3, title_en="Worker Test Workshop")
    registration_submit(participant=participant, occurrence=occurrence, consent=True)
    messages = wait_until(lambda: smtp_server.received_by("kim@example.org"), timeout=30)
    assert len(messages) == 1
    assert messages[0]["Subject"] == "Your registration for Worker Test Workshop is accepted"
    participant.registrations.get().refresh_from_db()
    from notifications.models import Notification

    wait_until(lambda: Notification.objects.filter(status="sent").count() == 1)
