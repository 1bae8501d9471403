"""Fault tests: each owns its redis-server, worker process and SMTP server."""
import collections
import time

import pytest
from django.db import transaction

from notifications.models import Notification
from notifications.services import notification_queue, notifications_drain_outbox
from participants.models import Registration
from participants.services import registration_submit
from tests.factories import OccurrenceFactory, ParticipantFactory, RegistrationFactory
from tests.support.workers import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.integration]


def _keys(smtp_server):
    with smtp_server.lock:
        return collections.Counter(str(m["X-Notification-Key"]) for m in smtp_server.messages)


def _queue_batch(size):
    registration = RegistrationFactory()
    with transaction.atomic():
        for i in range(size):
            notification_queue(
                key=f"batch:{i}", template="registration_received", recipient=f"batch{i}@example.org",
                language="en", context={"registration_id": registration.pk},
            )
    return {f"batch:{i}" for i in range(size)}


def _drain_until(predicate, timeout):
    """Run the drain every second, as beat does every minute in production, until `predicate` holds."""
    return wait_until(lambda: notifications_drain_outbox() is not None and predicate(), timeout=timeout, interval=1)


def test_worker_killed_mid_batch_delivers_every_email_exactly_once(private_broker, start_worker):
    from tests.notifications.servers import StallingSMTPServer

    smtp_server = StallingSMTPServer().start()
    try:
        worker = start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
        keys = _queue_batch(200)
        wait_until(lambda: len(smtp_server.messages) >= 60, timeout=60, interval=0.01)
        # Kill while the worker's sends wait on the mail server for their "250", where a
        # worker spends most of its time; the data of each of them has reached the server.
        smtp_server.stalled.set()
        time.sleep(1)
        worker.kill()
        time.sleep(0.5)  # the server notices the dropped connections and discards their data
        smtp_server.stalled.clear()
        delivered_before_restart = len(smtp_server.messages)
        assert 60 <= delivered_before_restart < 200
        assert Notification.objects.filter(status="unconfirmed").count() == 2  # one per pool process

        start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
        _drain_until(lambda: Notification.objects.filter(status="sent").count() == 200, timeout=90)
        time.sleep(1)

        counts = _keys(smtp_server)
        assert set(counts) == keys
        assert [key for key, n in counts.items() if n != 1] == []
        assert Notification.objects.filter(last_error__startswith="Sent again").count() == 2
    finally:
        smtp_server.stop()


def test_redis_down_during_registration_saves_it_and_mails_after_restart(private_broker, smtp_server, start_worker):
    start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
    participant = ParticipantFactory(email="down@example.org")
    occurrence = OccurrenceFactory(capacity=5, title_en="Broker Outage Workshop")
    private_broker.stop()

    started = time.monotonic()
    registration_submit(participant=participant, occurrence=occurrence, consent=True)
    elapsed = time.monotonic() - started

    assert elapsed < 1.5
    assert Registration.objects.get(participant=participant).status == "accepted"
    assert Notification.objects.get(recipient="down@example.org").status == "queued"

    private_broker.start()
    messages = _drain_until(lambda: smtp_server.received_by("down@example.org"), timeout=60)
    time.sleep(1.5)  # a second drain run and any straggling task must not send it again
    notifications_drain_outbox()
    time.sleep(1)
    assert len(smtp_server.received_by("down@example.org")) == 1
    assert messages[0]["Subject"] == "Your registration for Broker Outage Workshop is accepted"
    assert Notification.objects.get(recipient="down@example.org").status == "sent"


def test_smtp_refusing_for_a_while_delivers_once_after_retries(private_broker, smtp_server, start_worker):
    start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
    smtp_server.refuse_next = 3
    participant = ParticipantFactory(email="later@example.org")
    registration_submit(participant=participant, occurrence=OccurrenceFactory(capacity=5), consent=True)

    wait_until(lambda: Notification.objects.filter(recipient="later@example.org", status="sent").exists(), timeout=30)
    time.sleep(1)

    assert smtp_server.refused == 3
    assert len(smtp_server.received_by("later@example.org")) == 1
    notification = Notification.objects.get(recipient="later@example.org")
    assert notification.attempts == 4
    assert notification.last_error == ""


def test_smtp_refusing_for_good_fails_the_row_with_the_error_in_the_admin(
    private_broker, refusing_smtp, start_worker, client, django_user_model
):
    start_worker(broker_url=private_broker.url, email_url=refusing_smtp.url)
    refusing_smtp.refuse_for_good.add("nobody@example.org")
    participant = ParticipantFactory(email="nobody@example.org")
    registration_submit(participant=participant, occurrence=OccurrenceFactory(capacity=5), consent=True)

    notification = wait_until(
        lambda: Notification.objects.filter(recipient="nobody@example.org", status="failed").first(), timeout=30
    )
    assert notification.attempts == 1
    assert notification.last_error.startswith("SMTPRecipientsRefused: {'nobody@example.org': (550, ")
    assert refusing_smtp.messages == []

    admin = django_user_model.objects.create_superuser(email="root@example.org", password="x" * 16)
    client.force_login(admin)
    page = client.get("/admin/notifications/notification/?status__exact=failed").content.decode()
    assert "nobody@example.org" in page
    assert "SMTPRecipientsRefused: {&#x27;nobody@example.org&#x27;: (550" in page


def test_stuck_smtp_server_times_out_instead_of_blocking_the_worker(private_broker, start_worker):
    from tests.notifications.servers import StuckSMTPServer

    stuck = StuckSMTPServer().start()
    try:
        start_worker(broker_url=private_broker.url, email_url=stuck.url, EMAIL_TIMEOUT="1", NOTIFICATION_MAX_ATTEMPTS="2")
        started = time.monotonic()
        registration_submit(participant=ParticipantFactory(email="stuck@example.org"), occurrence=OccurrenceFactory(), consent=True)
        notification = wait_until(
            lambda: Notification.objects.filter(recipient="stuck@example.org", status="failed").first(), timeout=30
        )
        assert time.monotonic() - started < 15
        assert notification.attempts == 2
        assert "timed out" in notification.last_error
    finally:
        stuck.stop()


def test_publishing_goes_to_the_private_redis_not_the_shared_one(private_broker, settings):
    import redis

    shared = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    shared_before = shared.llen(queue)
    _queue_batch(3)
    assert private_broker.queue_length(queue) == 3
    assert shared.llen(queue) == shared_before
