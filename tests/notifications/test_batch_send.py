"""Notices queued together (notifications_queue_many: a cohort message, survey invitations) go to
the workers in tasks of NOTIFICATION_BATCH_SIZE rows (issue 14): one claim for all of them
(SELECT ... FOR UPDATE SKIP LOCKED), then each row fenced and marked on its own, over the
worker's kept SMTP connection. Emails are read as the SMTP test server received them."""

import collections
import threading
import time

import pytest
from django.db import connections, transaction

from notifications.models import Notification
from notifications.services import notification_render, notifications_send_batch
from notifications.smtp import close_pooled_connection
from tests.factories import RegistrationFactory
from tests.support.smtp import CapturingSMTPServer

pytestmark = pytest.mark.integration

S = Notification.Status


@pytest.fixture
def smtp_server(settings):
    server = CapturingSMTPServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    close_pooled_connection()
    yield server
    close_pooled_connection()
    server.stop()


def _received(server):
    with server.lock:
        return collections.Counter(str(m["X-Notification-Key"]) for m in server.messages)


def _items(count, prefix="many"):
    registration = RegistrationFactory()
    return [
        {
            "key": f"{prefix}:{i}",
            "template": "registration_received",
            "recipient": f"{prefix}{i}@example.org",
            "language": "en",
            "context": {"registration_id": registration.pk},
        }
        for i in range(count)
    ]


def _rows(count):
    """Rows as notifications_queue_many writes them, not yet published (the test hands them over)."""
    rows = []
    for item in _items(count):
        subject, body_text, body_html = notification_render(
            template=item["template"], language=item["language"], context=item["context"]
        )
        rows.append(Notification(**item, subject=subject, body_text=body_text, body_html=body_html))
    return [row.pk for row in Notification.objects.bulk_create(rows)]


@pytest.mark.django_db(transaction=True)
def test_a_batch_sends_each_due_row_once_over_one_connection(smtp_server):
    ids = _rows(6)
    Notification.objects.filter(pk=ids[0]).update(status=S.SENT)
    Notification.objects.filter(pk=ids[1]).update(status=S.FAILED)
    Notification.objects.filter(pk=ids[2]).update(status=S.SENDING)  # a live sender has it

    assert notifications_send_batch(notification_ids=ids) == 3
    assert notifications_send_batch(notification_ids=ids) == 0  # a redelivered task sends nothing

    assert _received(smtp_server) == collections.Counter({"many:3": 1, "many:4": 1, "many:5": 1})
    assert len(set(smtp_server.peers)) == 1
    sent = Notification.objects.filter(pk__in=ids[3:])
    assert [(row.status, row.attempts) for row in sent] == [(S.SENT, 1)] * 3


@pytest.mark.django_db(transaction=True)
def test_a_batch_skips_a_row_another_sender_holds_locked(smtp_server):
    ids = _rows(3)
    locked, release = threading.Event(), threading.Event()

    def hold_lock():
        # Another sender's claim transaction, still open: its row must be skipped, not waited for.
        try:
            with transaction.atomic():
                list(Notification.objects.select_for_update().filter(pk=ids[1]))
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    try:
        assert locked.wait(10)
        began = time.monotonic()
        assert notifications_send_batch(notification_ids=ids) == 2
        assert time.monotonic() - began < 5
    finally:
        release.set()
        holder.join()

    assert set(_received(smtp_server)) == {"many:0", "many:2"}
    assert Notification.objects.get(pk=ids[1]).status == S.QUEUED


@pytest.mark.django_db(transaction=True)
def test_a_refusal_retries_that_row_alone_and_the_batch_goes_on(smtp_server):
    ids = _rows(3)
    smtp_server.refuse_next = 1  # the first message gets "451": retried (eagerly here) on its own

    assert notifications_send_batch(notification_ids=ids) == 2

    assert _received(smtp_server) == collections.Counter({"many:0": 1, "many:1": 1, "many:2": 1})
    first = Notification.objects.get(pk=ids[0])
    assert (first.status, first.attempts) == (S.SENT, 2)
