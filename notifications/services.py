"""Queue and send notifications.

A feature adds a notice by adding templates `templates/emails/<name>.{subject.txt,txt,html}`
and calling `notification_queue(...)` inside its transaction.
"""
import logging
import smtplib
import socket

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .context import build_context
from .models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


class TransientSendError(Exception):
    """The mail server may take the message later (4xx reply, connection trouble)."""


def notification_render(*, template, language, context):
    with translation.override(language):
        full = build_context(template, context)
        subject = " ".join(render_to_string(f"emails/{template}.subject.txt", full).split())
        body_text = render_to_string(f"emails/{template}.txt", full)
        body_html = render_to_string(f"emails/{template}.html", full)
    return subject, body_text, body_html


def notification_queue(*, key, template, recipient, language, context=None):
    """Write the notification row now; hand it to a worker once the transaction commits."""
    context = context or {}
    subject, body_text, body_html = notification_render(template=template, language=language, context=context)
    notification, created = Notification.objects.get_or_create(
        key=key,
        defaults={
            "template": template, "recipient": recipient, "language": language, "context": context,
            "subject": subject, "body_text": body_text, "body_html": body_html,
        },
    )
    if created:
        transaction.on_commit(lambda: notification_dispatch(notification_id=notification.pk))
    return notification


def notification_dispatch(*, notification_id):
    """Publish the send task; if the broker is down the row stays queued for the drain task."""
    from .tasks import send_notification

    try:
        send_notification.apply_async(kwargs={"notification_id": notification_id}, retry=False)
    except Exception:  # the broker is unreachable: the outbox row is the guarantee
        logger.warning("Broker unavailable; notification %s left in the outbox", notification_id, exc_info=True)


def _is_transient(exc):
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    return isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout, TimeoutError, OSError))


def notification_send(*, notification_id):
    """Send one notification unless it was already sent. Raises TransientSendError to ask for a retry."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.status in (Notification.Status.SENT, Notification.Status.FAILED):
            return notification
        notification.attempts += 1
        message = EmailMultiAlternatives(
            subject=notification.subject,
            body=notification.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.recipient],
            headers={"X-Notification-Key": notification.key},
        )
        if notification.body_html:
            message.attach_alternative(notification.body_html, "text/html")
        try:
            message.send()
        except Exception as exc:  # noqa: BLE001 - classified right below
            transient = _is_transient(exc) and notification.attempts < MAX_ATTEMPTS
            notification.status = Notification.Status.RETRYING if transient else Notification.Status.FAILED
            notification.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            notification.save(update_fields=["status", "attempts", "last_error", "updated_at"])
            error = exc
        else:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
            notification.save(update_fields=["status", "attempts", "sent_at", "last_error", "updated_at"])
            return notification
    if notification.status == Notification.Status.RETRYING:
        raise TransientSendError(notification.last_error) from error
    logger.error("Notification %s failed for good: %s", notification_id, notification.last_error)
    return notification


def notifications_drain_outbox(*, older_than_seconds=120):
    """Re-publish notifications that no worker has taken (the broker was down when they were queued)."""
    cutoff = timezone.now() - timezone.timedelta(seconds=older_than_seconds)
    pending = Notification.objects.filter(
        status__in=[Notification.Status.QUEUED, Notification.Status.RETRYING], updated_at__lt=cutoff
    ).values_list("pk", flat=True)
    count = 0
    for notification_id in pending.iterator():
        notification_dispatch(notification_id=notification_id)
        count += 1
    return count
