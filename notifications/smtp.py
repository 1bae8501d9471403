"""One SMTP transaction with a hook just before the final "." of DATA, and the connection a
worker keeps open between messages.

Until that line is written the server cannot have the message. `before_commit()` lets the
caller record durably that it is about to be written (and refuse to, by raising, when the
caller's claim on the row was taken over). This mirrors smtplib.SMTP.sendmail/data, split at
that one point.

Opening a connection (TCP, greeting, EHLO, STARTTLS, AUTH) costs more than a message, so a worker
process keeps one open (`pooled_connection`) for its next message while that comes within
NOTIFICATION_SMTP_IDLE_SECONDS: a batch or a drain goes over one connection per worker process.
A connection that raised anything is closed, never reused: it may be in the middle of DATA.
"""

import contextlib
import re
import smtplib
import socket
import threading
import time

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import sanitize_address

_LEADING_DOT = re.compile(rb"(?m)^\.")


def is_smtp(connection):
    return isinstance(connection, EmailBackend)


def envelope(message):
    """(sender, recipients, bytes) of a Django EmailMessage, as its SMTP backend would send it."""
    encoding = message.encoding or settings.DEFAULT_CHARSET
    sender = sanitize_address(message.from_email, encoding)
    recipients = [sanitize_address(address, encoding) for address in message.recipients()]
    return sender, recipients, message.message().as_bytes(linesep="\r\n")


def smtp_send(*, connection, sender, recipients, data, before_commit):
    """Send `data` (a whole message, CRLF line ends) over the open Django SMTP `connection`;
    raises smtplib errors like sendmail does."""
    smtp = connection.connection
    # The body and the final line go out as two writes with a database write between them;
    # without TCP_NODELAY, Nagle's algorithm holds the final line until the server's delayed
    # ACK of the body (40 ms on Linux), for every message.
    if getattr(smtp, "sock", None) is not None:
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    smtp.ehlo_or_helo_if_needed()
    options = [f"size={len(data)}"] if smtp.does_esmtp and smtp.has_extn("size") else []
    code, reply = smtp.mail(sender, options)
    if code != 250:
        smtp.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
    if len(refused) == len(recipients):
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        smtp.rset()
        raise smtplib.SMTPDataError(code, reply)
    body = _LEADING_DOT.sub(b"..", data)
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    smtp.send(body)
    before_commit()
    smtp.send(b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)
    return refused


_kept = threading.local()  # per worker process (prefork) and per thread (a threads pool)


def _idle_seconds():
    return float(getattr(settings, "NOTIFICATION_SMTP_IDLE_SECONDS", 30))


def close_pooled_connection():
    connection = getattr(_kept, "connection", None)
    _kept.connection = None
    if connection is not None:
        with contextlib.suppress(Exception):
            connection.close()


def _kept_connection():
    """The connection kept from the last message, if it is still fresh enough to use."""
    connection = getattr(_kept, "connection", None)
    if connection is None:
        return None
    if time.monotonic() - _kept.last_used > _idle_seconds():
        close_pooled_connection()
        return None
    return connection


@contextlib.contextmanager
def pooled_connection():
    """Yield `(connection, reused)`: an open connection of the email backend. After the block it
    stays open for the next message when the backend is SMTP, the idle setting is above 0 and the
    block raised nothing; otherwise it is closed."""
    connection = _kept_connection()
    reused = connection is not None
    if connection is None:
        connection = get_connection(fail_silently=False)
        connection.open()
    _kept.connection = None  # while in use, nobody else may take it
    try:
        yield connection, reused
    except BaseException:
        with contextlib.suppress(Exception):
            connection.close()
        raise
    if is_smtp(connection) and _idle_seconds() > 0 and connection.connection is not None:
        _kept.connection, _kept.last_used = connection, time.monotonic()
    else:
        with contextlib.suppress(Exception):
            connection.close()
