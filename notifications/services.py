"""Queue and send notifications.

A feature adds a notice by adding templates `templates/emails/<name>.{subject.txt,txt,html}`,
declaring the kind in its app's `notices.py` (notifications/registry.py) and calling
`notification_queue(...)` inside its transaction.

Delivery guarantee (read before changing `notification_send`):

1. The row is written in the caller's transaction; the task is published after commit.
   Publishing never blocks a request for long (see `notification_dispatch`); whatever
   did not reach the broker is re-published by `notifications_drain_outbox`.
2. A sender commits a claim (status "sending", attempts + 1) before it connects. A second
   task for the same row (a redelivery, a drain re-publish) finds "sent", "unconfirmed" or
   a fresh claim and does nothing.
3. Right before writing the final "." line of DATA the sender commits "unconfirmed"
   (notifications/smtp.py), fenced by its attempt number so that a sender whose claim went
   stale can never finish; after the server's "250" it records "sent" at once, before QUIT;
   on a refusal "retrying" (4xx, connection errors) or "failed" (5xx).
4. A worker killed at any moment leaves "sending" (the final line was never written: not
   delivered) or "unconfirmed" (written, no answer recorded). SMTP gives the server the
   responsibility only when it answers "250" (RFC 5321), so a message with no recorded
   answer counts as not delivered: we choose AT-LEAST-ONCE. Once the row is older than
   NOTIFICATION_SENDING_STALE_SECONDS (longer than any live send, given EMAIL_TIMEOUT and the
   task time limit) the drain sends it again, noting in last_error when the first copy
   was handed over. The only duplicate left is a worker killed in the short gap between the
   server's "250" and our COMMIT of the "sent" mark written before the final line (`_mark_sql`:
   reading the reply, tens of microseconds on an idle machine, more while it waits for a CPU);
   both copies then carry the same Message-ID (derived from the key), which mail clients use
   to show one. Losing a registration notice silently would be worse.
"""

import base64
import contextlib
import functools
import hashlib
import logging
import smtplib
import socket
from email.mime.image import MIMEImage
from email.utils import parseaddr

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import F, Q
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from .mime import NotCommonShape, message_bytes
from .models import DrainRun, Notification
from .registry import build_context, ensure_declared
from .smtp import envelope, is_smtp, pooled_connection, smtp_send

logger = logging.getLogger(__name__)

S = Notification.Status


def _setting(name, default):
    return getattr(settings, name, default)


class TransientSendError(Exception):
    """The mail server may take the message later (4xx reply, connection trouble)."""

    def __init__(self, message, *, countdown):
        super().__init__(message)
        self.countdown = countdown


# Kept on the row after a resend of an unconfirmed handover: the only case that may duplicate.
RESENT_NOTE = gettext_noop("Sent again: the previous attempt's worker died before the server answered.")


class ClaimLost(Exception):
    """Another sender took the row over (our claim had gone stale)."""


def _render_plain(name, context):
    # A subject and a plain-text body are not HTML: "Culture & Tourism" or "O'Brien" must not
    # arrive as "&amp;" or "&#x27;", so these templates render with autoescaping off.
    return get_template(name).template.render(Context(context, autoescape=False))


def notification_render(*, template, language, context):
    with translation.override(language):
        full = build_context(template, context)
        subject = " ".join(_render_plain(f"emails/{template}.subject.txt", full).split())
        body_text = _render_plain(f"emails/{template}.txt", full)
        body_html = render_to_string(f"emails/{template}.html", full)
    return subject, body_text, body_html


def notification_queue(*, key, template, recipient, language, context=None, inline_images=None, reply_to=""):
    """Write the notification row now; hand it to a worker once the transaction commits.

    Queuing the same key again returns the existing row and sends nothing more. `inline_images`
    ([{"cid", "filename", "content_type", "content" (base64)}]) travel with the HTML as
    multipart/related parts, shown where it says `<img src="cid:...">` (mail clients show these
    without "load remote images"; the plain-text part should offer a link instead).
    """
    context = context or {}
    ensure_declared(template)
    existing = Notification.objects.filter(key=key).first()
    if existing is not None:
        return existing
    subject, body_text, body_html = notification_render(template=template, language=language, context=context)
    notification, created = Notification.objects.get_or_create(
        key=key,
        defaults={
            "template": template,
            "recipient": recipient,
            "reply_to": reply_to or "",
            "language": language,
            "context": context,
            "subject": subject[:300],
            "body_text": body_text,
            "body_html": body_html,
            "inline_images": inline_images or [],
        },
    )
    if created:
        transaction.on_commit(lambda: notification_dispatch(notification_id=notification.pk))
    return notification


def notifications_queue_many(*, items):
    """Write many notification rows at once (a message to a whole cohort); one task publishes them.

    `items` are dicts with the arguments of notification_queue. Keys already in the outbox are
    skipped (a retried request sends nothing twice). The rows go in with one INSERT inside the
    caller's transaction; after commit a single `notifications.dispatch_many` task publishes one
    send task per row, so the request never waits on 500 publishes, and with the broker down the
    rows wait for the drain like any other. Returns the rows written.
    """
    items = list(items)
    existing = set(Notification.objects.filter(key__in=[i["key"] for i in items]).values_list("key", flat=True))
    rows = []
    for item in items:
        if item["key"] in existing:
            continue
        existing.add(item["key"])
        ensure_declared(item["template"])
        context = item.get("context") or {}
        subject, body_text, body_html = notification_render(
            template=item["template"], language=item["language"], context=context
        )
        rows.append(
            Notification(
                key=item["key"],
                template=item["template"],
                recipient=item["recipient"],
                reply_to=item.get("reply_to") or "",
                language=item["language"],
                context=context,
                subject=subject[:300],
                body_text=body_text,
                body_html=body_html,
            )
        )
    created = Notification.objects.bulk_create(rows, batch_size=500)
    ids = [row.pk for row in created]
    if ids:
        transaction.on_commit(lambda: notifications_dispatch_many_later(notification_ids=ids))
    return created


def notifications_dispatch_many_later(*, notification_ids):
    """Publish one task that publishes the send tasks; with the broker down the drain does it later."""
    from .tasks import dispatch_many

    try:
        dispatch_many.apply_async(kwargs={"notification_ids": notification_ids}, retry=False, ignore_result=True)
    except Exception:  # noqa: BLE001 - any broker trouble: the outbox rows are the guarantee
        logger.warning("Broker unavailable; %s notifications left in the outbox", len(notification_ids), exc_info=True)
        return False
    return True


def notifications_dispatch_many(*, notification_ids):
    """Publish one batch task per NOTIFICATION_BATCH_SIZE rows still queued; stops at the first broker
    failure (the drain resumes). Returns how many rows went out in published batches."""
    queued = list(
        Notification.objects.filter(pk__in=notification_ids, status=S.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    size = max(int(_setting("NOTIFICATION_BATCH_SIZE", 50)), 1)
    count = 0
    for start in range(0, len(queued), size):
        chunk = queued[start : start + size]
        if not notification_dispatch_batch(notification_ids=chunk):
            break
        count += len(chunk)
    return count


def notification_dispatch_batch(*, notification_ids):
    """Publish one task that sends these rows over one connection; False when the broker is down."""
    from .tasks import send_notifications

    try:
        send_notifications.apply_async(kwargs={"notification_ids": notification_ids}, retry=False, ignore_result=True)
    except Exception:  # noqa: BLE001 - any broker trouble: the outbox rows are the guarantee
        logger.warning("Broker unavailable; %s notifications left in the outbox", len(notification_ids), exc_info=True)
        return False
    return True


def notification_dispatch(*, notification_id, countdown=None):
    """Publish the send task; if the broker is down the row stays in the outbox for the drain.

    `retry=False` plus the broker transport options in settings (one quick reconnect, short
    connect timeout) make a publish to a dead Redis fail in well under a second, so a web
    request never waits on the broker. Returns whether the task reached the broker.
    """
    from .tasks import send_notification

    try:
        send_notification.apply_async(
            kwargs={"notification_id": notification_id}, countdown=countdown, retry=False, ignore_result=True
        )
    except Exception:  # noqa: BLE001 - any broker trouble: the outbox row is the guarantee
        logger.warning("Broker unavailable; notification %s left in the outbox", notification_id, exc_info=True)
        return False
    return True


def _is_transient(exc):
    if isinstance(exc, SoftTimeLimitExceeded):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    return isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout, TimeoutError, OSError))


def notification_message_id(key):
    """A Message-ID that is the same for every attempt at one notification."""
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{_message_id_domain(settings.DEFAULT_FROM_EMAIL)}>"


@functools.lru_cache(maxsize=8)
def _message_id_domain(from_email):
    return parseaddr(from_email)[1].rpartition("@")[2] or "exchange-portal.local"


def notification_retry_countdown(attempts):
    base = _setting("NOTIFICATION_RETRY_BASE_SECONDS", 10)
    return min(base * 2 ** max(attempts - 1, 0), _setting("NOTIFICATION_RETRY_MAX_SECONDS", 1800))


def _claim(notification_id):
    """Commit "sending" on the row, or return None when it is sent, failed, or being sent."""
    stale_before = timezone.now() - timezone.timedelta(seconds=_setting("NOTIFICATION_SENDING_STALE_SECONDS", 600))
    with transaction.atomic():
        _durable()
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.status in (S.SENT, S.FAILED):
            return None
        if notification.status in (S.SENDING, S.UNCONFIRMED):
            if notification.updated_at > stale_before:
                return None  # a live sender has it, or died too recently to tell
            if notification.status == S.UNCONFIRMED:
                notification.last_error = RESENT_NOTE
                logger.warning("Notification %s: resending an unconfirmed handover", notification.pk)
        notification.status = S.SENDING
        notification.attempts += 1
        notification.next_attempt_at = None
        notification.save(update_fields=["status", "attempts", "next_attempt_at", "last_error", "updated_at"])
    return notification


def _message(notification, connection):
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient],
        connection=connection,
        headers=_headers(notification),
        reply_to=[notification.reply_to] if notification.reply_to else None,
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    if notification.inline_images:
        message.mixed_subtype = "related"
        for image in notification.inline_images:
            part = MIMEImage(base64.b64decode(image["content"]), _subtype=image["content_type"].split("/")[1])
            part.add_header("Content-ID", f"<{image['cid']}>")
            part.add_header("Content-Disposition", "inline", filename=image["filename"])
            message.attach(part)
    return message


def _headers(notification):
    return {
        "Message-ID": notification_message_id(notification.key),
        "X-Notification-Key": notification.key,
        "Content-Language": notification.language,
        "Auto-Submitted": "auto-generated",
    }


def _wire_message(notification, connection):
    """(sender, recipients, bytes) to write to the mail server: assembled directly in the common
    shape (notifications/mime.py), by Django's EmailMultiAlternatives otherwise."""
    if not notification.inline_images:
        try:
            sender, recipient, data = message_bytes(
                subject=notification.subject,
                body_text=notification.body_text,
                body_html=notification.body_html,
                recipient=notification.recipient,
                reply_to=notification.reply_to,
                headers=_headers(notification),
            )
        except NotCommonShape:
            pass
        else:
            return sender, [recipient], data
    return envelope(_message(notification, connection))


@contextlib.contextmanager
def _quick_commits():
    """Marks committed (visible to every other sender and to the drain) at once, without waiting
    for the WAL flush to disk, for the sends inside this block; claims stay durable (`_durable`).

    A durable commit waits for an fsync (about 8 ms on this machine's disk), and a message needs
    two marks ("unconfirmed", "sent"): that alone held a worker to about 60 emails/s. Asynchronous
    commit changes nothing when a worker dies (the commit is done in the server). Only a crash of
    PostgreSQL itself may forget the marks of its last fraction of a second (wal_writer_delay);
    such rows read "sending" again and are sent again once stale: a possible duplicate, never a
    loss. The setting is the session's and is reset after the block (a killed worker's
    connection dies with it)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with contextlib.suppress(Exception), connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO DEFAULT")


def _durable():
    """Inside a transaction: this one commit waits for the disk, whatever `_quick_commits` set."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO DEFAULT")


# The two marks of every message, as plain SQL: the ORM spent longer building each UPDATE than
# PostgreSQL took to run it (issue 14).
#
# The "sent" mark is written before the final line of DATA, in a transaction left open, and
# committed the moment the server's "250" is read. A worker killed before that commit leaves the
# row "unconfirmed" (the transaction dies with its connection), as before; but the gap in which a
# kill duplicates a message (the server has said "250", our mark is not committed) shrinks from
# reading the reply plus a whole UPDATE round trip to reading the reply and writing "COMMIT":
# once that is in PostgreSQL's socket, it commits even if the worker dies. With the marks and the
# message built fast, a worker spends a large share of its time in that gap, and a kill mid-run
# found a sender in it in about half the bench's kill runs. sent_at is then the moment the final
# line went out, a few milliseconds before the server's answer.
@functools.cache
def _mark_sql():
    table = connection.ops.quote_name(Notification._meta.db_table)
    fence = f"UPDATE {table} SET status = %s, updated_at = %s WHERE id = %s AND status = %s AND attempts = %s"
    sent = f"UPDATE {table} SET status = %s, updated_at = %s, sent_at = %s, last_error = %s WHERE id = %s"
    # One round trip: the fence committed, then the sent mark held in a new transaction; that
    # mark finds the row only if the fence did (our attempt number), so its count says both.
    held = f"BEGIN; {fence}; COMMIT; BEGIN; {sent} AND status = %s AND attempts = %s"
    return fence, sent, held


def _sent_values(notification):
    now = timezone.now()
    return [S.SENT, now, now, RESENT_NOTE if notification.last_error == RESENT_NOTE else "", notification.pk]


def _fence(notification, *, hold_sent):
    """Commit "unconfirmed" while our claim holds (status "sending" with our attempt number);
    False when another sender has taken the row over. With `hold_sent` (PostgreSQL), also write
    the "sent" mark in a transaction left open: `_confirm` commits it, `_release` drops it."""
    fence = [S.UNCONFIRMED, timezone.now(), notification.pk, S.SENDING, notification.attempts]
    fence_sql, _sent_sql, held_sql = _mark_sql()
    with connection.cursor() as cursor:
        if not hold_sent:
            cursor.execute(fence_sql, fence)
            return cursor.rowcount == 1
        cursor.execute(held_sql, [*fence, *_sent_values(notification), S.UNCONFIRMED, notification.attempts])
        if cursor.rowcount == 1:
            return True
        cursor.execute("ROLLBACK")
        return False


def _confirm(notification, *, held):
    """Record "sent": commit the held mark, or write it now."""
    with connection.cursor() as cursor:
        if held:
            cursor.execute("COMMIT")
        else:
            cursor.execute(_mark_sql()[1], _sent_values(notification))


def _release():
    """Drop a held "sent" mark: the server did not take the message (the row stays "unconfirmed"
    until `_record_failure` says what happened)."""
    with contextlib.suppress(Exception), connection.cursor() as cursor:
        cursor.execute("ROLLBACK")


def notification_send(*, notification_id):
    """Send one notification unless it is sent or being sent. Raises TransientSendError to ask for a retry."""
    with _quick_commits():
        notification = _claim(notification_id)
        if notification is None:
            return None
        return _deliver(notification)


def _claim_batch(notification_ids):
    """Commit "sending" (attempts + 1) on every row of `notification_ids` that is due and that no
    live sender holds, in one transaction; rows another transaction has locked are skipped (SKIP
    LOCKED: their sender, or the one that claims them next, has them). Returns the claimed rows."""
    now = timezone.now()
    stale_before = now - timezone.timedelta(seconds=_setting("NOTIFICATION_SENDING_STALE_SECONDS", 600))
    due = (
        Q(status=S.QUEUED)
        | Q(status=S.RETRYING, next_attempt_at__isnull=True)
        | Q(status=S.RETRYING, next_attempt_at__lte=now)
        | Q(status__in=[S.SENDING, S.UNCONFIRMED], updated_at__lte=stale_before)
    )
    with transaction.atomic():
        _durable()
        rows = list(
            Notification.objects.select_for_update(skip_locked=True).filter(due, pk__in=notification_ids).order_by("pk")
        )
        if not rows:
            return []
        resent = [row.pk for row in rows if row.status == S.UNCONFIRMED]
        Notification.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=S.SENDING, attempts=F("attempts") + 1, next_attempt_at=None, updated_at=now
        )
        if resent:
            logger.warning("Notifications %s: resending unconfirmed handovers", resent)
            Notification.objects.filter(pk__in=resent).update(last_error=RESENT_NOTE)
    for row in rows:
        if row.status == S.UNCONFIRMED:
            row.last_error = RESENT_NOTE
        row.status, row.attempts, row.next_attempt_at, row.updated_at = S.SENDING, row.attempts + 1, None, now
    return rows


def notifications_send_batch(*, notification_ids):
    """Send many notifications over the worker's kept connection: one claim for all of them, then
    for each the same fence and marks as `notification_send` (so a killed worker loses none and
    duplicates none). A row refused for now is retried on its own (its own task, with its countdown;
    the drain if the broker is down). Returns how many were sent."""
    sent = 0
    with _quick_commits():
        for notification in _claim_batch(notification_ids):
            try:
                result = _deliver(notification)
            except TransientSendError as exc:
                notification_dispatch(notification_id=notification.pk, countdown=exc.countdown)
                continue
            if result is not None and result.status == S.SENT:
                sent += 1
    return sent


def _deliver(notification):
    """Send a claimed row (status "sending", `attempts` our fencing token) and record the outcome."""
    committing = []  # not empty once the final line of DATA may have been written
    # The sent mark waits in a transaction of its own (_mark_sql); inside a caller's transaction
    # (a test's) nothing commits before it does anyway, so the marks are plain updates.
    hold = connection.vendor == "postgresql" and not connection.in_atomic_block

    def before_commit():
        # `attempts` is our fencing token: if the drain gave the row to another sender after
        # our claim went stale, we stop before the final line and leave the message unsent.
        committing.append(True)
        if not _fence(notification, hold_sent=hold):
            raise ClaimLost(notification.pk)

    try:
        try:
            for _try in range(2):
                try:
                    _send_over_pooled_connection(notification, before_commit, committing)
                    break
                except _StaleConnection:
                    # The kept connection was closed by the server while idle, and the final line
                    # was never written: nothing was handed over, so a fresh connection may send it.
                    continue
        except ClaimLost:
            raise  # _fence has dropped its transaction
        except BaseException:
            if committing and hold:
                _release()
            raise
        _confirm(notification, held=bool(committing) and hold)
    except ClaimLost:
        logger.warning(
            "Notification %s was claimed by another sender; this one stopped before DATA ended", notification.pk
        )
        return None
    except Exception as exc:  # noqa: BLE001 - classified right below
        return _record_failure(notification, exc.__cause__ if isinstance(exc, _StaleConnection) else exc)
    notification.status = S.SENT
    return notification


class _StaleConnection(Exception):
    """A reused connection failed before the commit point (a fresh one may try again)."""


def _send_over_pooled_connection(notification, before_commit, committing):
    with pooled_connection() as (connection, reused):
        if not is_smtp(connection):  # the in-memory and console backends of tests and development
            _message(notification, connection).send()
            return
        sender, recipients, data = _wire_message(notification, connection)
        try:
            smtp_send(
                connection=connection, sender=sender, recipients=recipients, data=data, before_commit=before_commit
            )
        except (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError) as exc:
            if reused and not committing:
                raise _StaleConnection from exc
            raise


def _record_failure(notification, exc):
    max_attempts = _setting("NOTIFICATION_MAX_ATTEMPTS", 8)
    transient = _is_transient(exc) and notification.attempts < max_attempts
    error = f"{type(exc).__name__}: {exc}"[:2000]
    now = timezone.now()
    countdown = notification_retry_countdown(notification.attempts)
    Notification.objects.filter(pk=notification.pk).update(
        status=S.RETRYING if transient else S.FAILED,
        last_error=error,
        next_attempt_at=now + timezone.timedelta(seconds=countdown) if transient else None,
        updated_at=now,
    )
    if transient:
        raise TransientSendError(error, countdown=countdown) from exc
    logger.error("Notification %s failed for good: %s", notification.pk, error)
    notification.status, notification.last_error = S.FAILED, error
    return notification


def notifications_pending(*, now=None):
    """Rows no live task is taking care of: never published, retry lost, or sender died mid-send."""
    now = now or timezone.now()
    grace = timezone.timedelta(seconds=_setting("NOTIFICATION_DRAIN_AFTER_SECONDS", 120))
    stale = timezone.timedelta(seconds=_setting("NOTIFICATION_SENDING_STALE_SECONDS", 600))
    return Notification.objects.filter(
        Q(status=S.QUEUED, updated_at__lt=now - grace)
        | Q(status=S.RETRYING, next_attempt_at__lt=now - grace)
        | Q(status=S.RETRYING, next_attempt_at__isnull=True, updated_at__lt=now - grace)
        | Q(status__in=[S.SENDING, S.UNCONFIRMED], updated_at__lt=now - stale)
    )


def notifications_drain_outbox(*, now=None):
    """Re-publish what no worker is taking care of; returns how many tasks reached the broker.

    A run that reached the broker with everything it found is recorded as the last
    successful run (DrainRun), which the outbox health view and `check_outbox` report.
    """
    count = 0
    for notification_id in notifications_pending(now=now).order_by("pk").values_list("pk", flat=True).iterator():
        if not notification_dispatch(notification_id=notification_id):
            return count  # the broker is still down: the next run tries again
        # Touch queued rows so the next drain, a minute later, does not publish them again
        # while they still wait in a long queue.
        Notification.objects.filter(pk=notification_id, status=S.QUEUED).update(updated_at=timezone.now())
        count += 1
    DrainRun.objects.update_or_create(pk=1, defaults={"finished_at": timezone.now(), "published": count})
    return count
