"""Fault tests: each owns its redis-server, worker process, beat and SMTP server.

Recovery goes through the real schedule: beat, started with the project's settings, runs the
outbox drain every DRAIN_EVERY seconds (a minute in production); nobody calls it by hand."""

import collections
import time

import pytest
from django.db import transaction

from notifications.models import Notification
from notifications.services import notification_queue, notifications_queue_many
from participants.models import Registration
from participants.services import registration_submit
from tests.factories import OccurrenceFactory, ParticipantFactory, RegistrationFactory
from tests.notifications.conftest import DRAIN_EVERY, FAST
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def _keys(smtp_server):
    with smtp_server.lock:
        return collections.Counter(str(m["X-Notification-Key"]) for m in smtp_server.messages)


def _queue_batch(size):
    registration = RegistrationFactory()
    with transaction.atomic():
        for i in range(size):
            notification_queue(
                key=f"batch:{i}",
                template="registration_received",
                recipient=f"batch{i}@example.org",
                language="en",
                context={"registration_id": registration.pk},
            )
    return {f"batch:{i}" for i in range(size)}


STALE = float(FAST["NOTIFICATION_SENDING_STALE_SECONDS"])
DRAIN_AFTER = float(FAST["NOTIFICATION_DRAIN_AFTER_SECONDS"])
# What a machine as small as CI's may add to the schedule's own delays to send a backlog.
SENDING_ALLOWANCE = 15
# After an outage the worker and beat reconnect on Celery's own back-off (2 s, 4 s, 6 s ...
# between attempts), so the next attempt may come up to that long after Redis is back.
RECONNECT_ALLOWANCE = 15


def test_worker_killed_mid_batch_delivers_every_email_exactly_once(private_broker, start_worker, start_beat):
    from tests.notifications.servers import StallingSMTPServer

    smtp_server = StallingSMTPServer().start()
    try:
        start_beat(broker_url=private_broker.url)
        worker = start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
        keys = _queue_batch(200)
        wait_until(lambda: len(smtp_server.messages) >= 60, timeout=60, interval=0.01)
        # Kill while the worker's sends wait on the mail server for their "250", where a
        # worker spends most of its time; the data of each of them has reached the server.
        smtp_server.stalled.set()
        time.sleep(1)
        worker.kill()
        killed_at = time.monotonic()
        time.sleep(0.5)  # the server notices the dropped connections and discards their data
        smtp_server.stalled.clear()
        delivered_before_restart = len(smtp_server.messages)
        assert 60 <= delivered_before_restart < 200
        assert Notification.objects.filter(status="unconfirmed").count() == 2  # one per pool process

        start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
        # The handed-over rows become the drain's after STALE seconds; two drain runs later at most
        # they must be out, with the backlog the new worker sends meanwhile.
        wait_until(
            lambda: Notification.objects.filter(status="sent").count() == 200,
            timeout=STALE + 2 * DRAIN_EVERY + SENDING_ALLOWANCE,
            interval=0.2,
        )
        recovered_in = time.monotonic() - killed_at
        time.sleep(DRAIN_EVERY + 1)  # another drain run and any straggler: nothing goes out twice

        counts = _keys(smtp_server)
        assert set(counts) == keys
        assert [key for key, n in counts.items() if n != 1] == []
        assert Notification.objects.filter(last_error__startswith="Sent again").count() == 2
        print(f"killed after {delivered_before_restart} of 200; all delivered {recovered_in:.1f}s after the kill")
    finally:
        smtp_server.stop()


def test_worker_killed_mid_bulk_send_delivers_every_email_exactly_once(private_broker, start_worker, start_beat):
    from tests.notifications.servers import StallingSMTPServer

    smtp_server = StallingSMTPServer().start()
    try:
        start_beat(broker_url=private_broker.url)
        worker = start_worker(broker_url=private_broker.url, email_url=smtp_server.url, NOTIFICATION_BATCH_SIZE="20")
        with transaction.atomic():
            keys = {row.key for row in notifications_queue_many(items=_bulk_items(200))}
        wait_until(lambda: len(smtp_server.messages) >= 60, timeout=60, interval=0.01)
        # Kill while both pool processes wait on the mail server for their "250".
        smtp_server.stalled.set()
        time.sleep(1)
        worker.kill()
        time.sleep(0.5)  # the server notices the dropped connections and discards their data
        smtp_server.stalled.clear()
        delivered_before_restart = len(smtp_server.messages)
        assert 60 <= delivered_before_restart < 200
        assert Notification.objects.filter(status="unconfirmed").count() == 2  # one per pool process
        # The rest of the dead worker's batches were claimed but never handed over.
        assert Notification.objects.filter(status="sending").exists()

        start_worker(broker_url=private_broker.url, email_url=smtp_server.url, NOTIFICATION_BATCH_SIZE="20")
        wait_until(
            lambda: Notification.objects.filter(status="sent").count() == 200,
            timeout=STALE + 2 * DRAIN_EVERY + SENDING_ALLOWANCE,
            interval=0.2,
        )
        time.sleep(DRAIN_EVERY + 1)  # another drain run and any straggler: nothing goes out twice

        counts = _keys(smtp_server)
        assert set(counts) == keys
        assert [key for key, n in counts.items() if n != 1] == []
        assert Notification.objects.filter(last_error__startswith="Sent again").count() == 2
    finally:
        smtp_server.stop()


def _bulk_items(size):
    """A cohort message's notices: queued together, sent in batch tasks (notifications_queue_many)."""
    registration = RegistrationFactory()
    return [
        {
            "key": f"bulk:{i}",
            "template": "registration_received",
            "recipient": f"bulk{i}@example.org",
            "language": "en",
            "context": {"registration_id": registration.pk},
        }
        for i in range(size)
    ]


def test_redis_down_during_registration_saves_it_and_mails_after_restart(
    private_broker, smtp_server, start_worker, start_beat
):
    start_beat(broker_url=private_broker.url)
    start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
    occurrence = OccurrenceFactory(capacity=10, title_en="Broker Outage Workshop")
    participants = [ParticipantFactory(email=f"down{i}@example.org") for i in range(5)]
    private_broker.stop()

    for participant in participants:
        started = time.monotonic()
        registration_submit(participant=participant, occurrence=occurrence, consent=True)
        assert time.monotonic() - started < 1.5

    assert Registration.objects.filter(occurrence=occurrence, status="accepted").count() == 5
    assert Notification.objects.filter(recipient__startswith="down", status="queued").count() == 5
    time.sleep(DRAIN_EVERY + 1)  # beat keeps running (and failing to publish) through the outage

    private_broker.start()
    back_at = time.monotonic()
    wait_until(
        lambda: Notification.objects.filter(recipient__startswith="down", status="sent").count() == 5,
        timeout=RECONNECT_ALLOWANCE + DRAIN_AFTER + 2 * DRAIN_EVERY + SENDING_ALLOWANCE,
        interval=0.2,
    )
    recovered_in = time.monotonic() - back_at
    time.sleep(DRAIN_EVERY + 1)  # another drain run and any straggling task must not send again
    for participant in participants:
        messages = smtp_server.received_by(participant.email)
        assert len(messages) == 1
        assert messages[0]["Subject"] == "Your registration for Broker Outage Workshop is accepted"
    print(f"5 registrations during the outage; all mailed {recovered_in:.1f}s after Redis came back")


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
        start_worker(
            broker_url=private_broker.url, email_url=stuck.url, EMAIL_TIMEOUT="1", NOTIFICATION_MAX_ATTEMPTS="2"
        )
        started = time.monotonic()
        registration_submit(
            participant=ParticipantFactory(email="stuck@example.org"), occurrence=OccurrenceFactory(), consent=True
        )
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
