"""A registration through a real worker on the real Redis broker and real SMTP: one email, in the
recipient's language. Assertions use facts that do not depend on the translation catalogs."""

import datetime

import pytest

from notifications.models import Notification
from notifications.services import notification_message_id
from participants.services import registration_submit
from tests.factories import OccurrenceFactory, ParticipantFactory
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def test_korean_participant_gets_one_email_in_korean(celery_worker_process, smtp_server):
    participant = ParticipantFactory(email="lee@example.org", preferred_language="ko", given_name="Jiwoo")
    occurrence = OccurrenceFactory(
        capacity=3,
        title_en="Language Workshop",
        title_ko="언어 워크숍",
        start_date=datetime.date(2031, 5, 7),
        end_date=datetime.date(2031, 5, 7),
    )
    registration = registration_submit(participant=participant, occurrence=occurrence, consent=True)

    messages = wait_until(lambda: smtp_server.received_by("lee@example.org"), timeout=30)
    wait_until(lambda: Notification.objects.filter(recipient="lee@example.org", status="sent").exists())
    assert len(smtp_server.received_by("lee@example.org")) == 1
    message = messages[0]
    key = f"registration:{registration.pk}:registration_accepted:2"
    assert message["X-Notification-Key"] == key
    assert message["Message-ID"] == notification_message_id(key)
    assert message["Content-Language"] == "ko"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="ko">' in html
    assert "언어 워크숍" in message["Subject"]
    assert "2031년 5월 7일" in text
    assert "김민수 님, 안녕하세요." in text  # the greeting names the official in Hangul, family name first
    assert f"http://127.0.0.1:8000/occurrences/{occurrence.slug}/" in text


def test_english_participant_gets_english_dates(celery_worker_process, smtp_server):
    participant = ParticipantFactory(email="smith@example.org", preferred_language="en")
    occurrence = OccurrenceFactory(capacity=3, start_date=datetime.date(2031, 5, 7), end_date=datetime.date(2031, 5, 7))
    registration_submit(participant=participant, occurrence=occurrence, consent=True)

    message = wait_until(lambda: smtp_server.received_by("smith@example.org"), timeout=30)[0]
    assert message["Content-Language"] == "en"
    assert '<html lang="en">' in message.get_body(preferencelist=("html",)).get_content()
    assert "May 7, 2031" in message.get_body(preferencelist=("plain",)).get_content()
