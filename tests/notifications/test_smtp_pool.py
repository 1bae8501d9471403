"""A worker keeps its SMTP connection for the next message (issue 14): a batch of notifications
reaches the real SMTP test server over one connection instead of one per message; with the idle
setting at 0, or after the connection idled too long, a message opens its own; a kept connection
the server dropped is replaced without a retry or a lost email."""

import collections
import socket
import time

import pytest
from django.db import transaction

from notifications.models import Notification
from notifications.services import notification_queue
from notifications.smtp import close_pooled_connection
from tests.factories import RegistrationFactory
from tests.support.smtp import CapturingSMTPServer

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


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


def _send(count, start, django_capture_on_commit_callbacks):
    """Queue `count` notices in one transaction; after commit each goes through the send task
    (eager here, as a worker runs it)."""
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for i in range(start, start + count):
            notification_queue(
                key=f"pool:{i}",
                template="registration_received",
                recipient=f"pool{i}@example.org",
                language="en",
                context={"registration_id": registration.pk},
            )
    return {f"pool:{i}" for i in range(start, start + count)}


def _received(server):
    with server.lock:
        return collections.Counter(str(m["X-Notification-Key"]) for m in server.messages)


def test_a_batch_arrives_over_one_connection(smtp_server, django_capture_on_commit_callbacks):
    keys = _send(12, 0, django_capture_on_commit_callbacks)

    assert _received(smtp_server) == collections.Counter(keys)
    assert len(set(smtp_server.peers)) == 1
    assert set(Notification.objects.values_list("status", "attempts")) == {(Notification.Status.SENT, 1)}


def test_idle_setting_zero_opens_a_connection_per_message(smtp_server, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATION_SMTP_IDLE_SECONDS = 0
    keys = _send(5, 0, django_capture_on_commit_callbacks)

    assert _received(smtp_server) == collections.Counter(keys)
    assert len(set(smtp_server.peers)) == 5


def test_a_connection_idle_too_long_is_replaced(smtp_server, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATION_SMTP_IDLE_SECONDS = 0.3
    _send(2, 0, django_capture_on_commit_callbacks)
    time.sleep(0.5)
    _send(2, 2, django_capture_on_commit_callbacks)

    assert len(_received(smtp_server)) == 4
    first, second = set(smtp_server.peers[:2]), set(smtp_server.peers[2:])
    assert len(first) == 1 and len(second) == 1 and first != second


def test_a_kept_connection_the_server_dropped_is_replaced_without_retry(
    smtp_server, django_capture_on_commit_callbacks
):
    from notifications import smtp

    _send(1, 0, django_capture_on_commit_callbacks)
    kept = smtp._kept.connection
    assert kept is not None
    kept.connection.sock.shutdown(socket.SHUT_RDWR)  # as a server closing an idle connection

    keys = _send(3, 1, django_capture_on_commit_callbacks)

    received = _received(smtp_server)
    assert all(received[key] == 1 for key in keys) and len(received) == 4
    assert len(set(smtp_server.peers)) == 2
    assert set(Notification.objects.values_list("status", "attempts")) == {(Notification.Status.SENT, 1)}
