"""The outbox rules in-process: claims, keys, retries and the drain."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import Notification
from notifications.services import (
    TransientSendError,
    notification_queue,
    notification_send,
    notifications_pending,
)
from tests.factories import RegistrationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _row(key="k", **fields):
    return Notification.objects.create(
        key=key, template="t", recipient=f"{key}@example.org", language="en", subject="S", body_text="B", **fields
    )


def _age(notification, seconds, **fields):
    Notification.objects.filter(pk=notification.pk).update(
        updated_at=timezone.now() - datetime.timedelta(seconds=seconds), **fields
    )


def test_queueing_the_same_key_twice_keeps_one_row_and_sends_one_email(django_capture_on_commit_callbacks):
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            notification_queue(
                key="same",
                template="registration_received",
                recipient="a@example.org",
                language="en",
                context={"registration_id": registration.pk},
            )
    assert Notification.objects.filter(key="same").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["X-Notification-Key"] == "same"


def test_sent_and_failed_rows_are_never_sent_again():
    sent, failed = _row("sent", status="sent"), _row("failed", status="failed")
    assert notification_send(notification_id=sent.pk) is None
    assert notification_send(notification_id=failed.pk) is None
    assert mail.outbox == []


def test_a_fresh_sending_claim_is_left_alone_and_a_stale_one_is_sent_again(settings):
    settings.NOTIFICATION_SENDING_STALE_SECONDS = 60
    fresh, stale = _row("fresh", status="sending", attempts=1), _row("stale", status="sending", attempts=1)
    _age(stale, 61)
    assert notification_send(notification_id=fresh.pk) is None
    notification_send(notification_id=stale.pk)
    assert [m.to for m in mail.outbox] == [["stale@example.org"]]
    assert Notification.objects.get(pk=stale.pk).attempts == 2
    assert Notification.objects.get(pk=fresh.pk).status == "sending"


def test_smtp_451_marks_the_row_retrying_with_backoff_then_failed_at_the_last_attempt(smtp_server, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.NOTIFICATION_RETRY_BASE_SECONDS, settings.NOTIFICATION_MAX_ATTEMPTS = 10, 2
    smtp_server.refuse_next = 5
    notification = _row("refused")

    with pytest.raises(TransientSendError) as raised:
        notification_send(notification_id=notification.pk)
    assert raised.value.countdown == 10
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("retrying", 1)
    assert notification.last_error == "SMTPDataError: (451, b'4.3.0 Try again later')"
    assert notification.next_attempt_at > timezone.now() + datetime.timedelta(seconds=9)

    notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 2)
    assert smtp_server.messages == []


def test_drain_takes_lost_rows_only(settings):
    settings.NOTIFICATION_DRAIN_AFTER_SECONDS, settings.NOTIFICATION_SENDING_STALE_SECONDS = 120, 600
    now = timezone.now()
    old_queued = _row("old_queued")
    _row("new_queued")
    _age(old_queued, 121)
    _row("due", status="retrying", next_attempt_at=now - datetime.timedelta(seconds=121))
    _row("waiting", status="retrying", next_attempt_at=now + datetime.timedelta(seconds=60))
    dead, alive = _row("dead", status="sending"), _row("alive", status="sending")
    _age(dead, 601)
    _age(alive, 300)
    _row("done", status="sent")
    maybe = _row("maybe", status="unconfirmed")
    _age(maybe, 6000)

    assert set(notifications_pending().values_list("key", flat=True)) == {"old_queued", "due", "dead", "maybe"}


def test_admin_sends_a_failed_notification_again(client, django_user_model, django_capture_on_commit_callbacks):
    failed = _row("bounced", status="failed", attempts=8, last_error="SMTPDataError: (451, b'busy')")
    _row("delivered", status="sent")
    client.force_login(django_user_model.objects.create_superuser(email="root@example.org", password="x" * 16))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/notifications/notification/",
            {"action": "send_again", "_selected_action": list(Notification.objects.values_list("pk", flat=True))},
        )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == ("sent", 1, "")
    assert [m.to for m in mail.outbox] == [["bounced@example.org"]]


def test_a_stale_unconfirmed_handover_is_sent_again_and_says_so(settings):
    settings.NOTIFICATION_SENDING_STALE_SECONDS = 60
    fresh = _row("fresh_handover", status="unconfirmed", attempts=1)
    stale = _row("stale_handover", status="unconfirmed", attempts=1)
    _age(stale, 61)

    assert notification_send(notification_id=fresh.pk) is None
    notification_send(notification_id=stale.pk)

    stale.refresh_from_db()
    assert (stale.status, stale.attempts) == ("sent", 2)
    assert [m.to for m in mail.outbox] == [["stale_handover@example.org"]]
    assert Notification.objects.get(pk=fresh.pk).status == "unconfirmed"


@pytest.mark.django_db(transaction=True)
def test_a_sender_whose_claim_was_taken_over_stops_before_the_final_line(settings):
    import asyncio

    from django.db import connection as db_connection
    from django.db.models import F

    from tests.support.smtp import CapturingSMTPServer, _Handler

    notification = _row("taken_over")

    def take_over():  # what a second sender's claim does after the first one's went stale
        Notification.objects.filter(pk=notification.pk).update(attempts=F("attempts") + 1)
        db_connection.close()

    class TakeOverHandler(_Handler):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            await asyncio.get_running_loop().run_in_executor(None, take_over)
            envelope.rcpt_tos.append(address)
            return "250 OK"

    server = CapturingSMTPServer()
    server.controller.handler = TakeOverHandler(server)
    server.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        assert notification_send(notification_id=notification.pk) is None
    finally:
        server.stop()
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sending", 2)
    assert server.messages == []


def test_subject_and_plain_text_carry_ampersands_and_apostrophes_unescaped_and_html_escapes_them():
    from notifications.services import notification_render
    from tests.factories import OccurrenceFactory, ParticipantFactory

    registration = RegistrationFactory(
        occurrence=OccurrenceFactory(title_en="Culture & Tourism <2026>"),
        participant=ParticipantFactory(given_name="D'Arcy"),
    )
    subject, text, html = notification_render(
        template="registration_accepted", language="en", context={"registration_id": registration.pk}
    )
    assert subject == "Your registration for Culture & Tourism <2026> is accepted"
    assert text.splitlines()[0] == "Dear Kim D'Arcy,"  # family name first for a Korean name
    assert "\nCulture & Tourism <2026>\n" in text
    assert "<p>Dear Kim D&#x27;Arcy,</p>" in html
    assert ">Culture &amp; Tourism &lt;2026&gt;</a>" in html
