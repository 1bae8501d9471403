"""One SMTP transaction with a hook just before the final "." of DATA.

Until that line is written the server cannot have the message. `before_commit()` lets the
caller record durably that it is about to be written (and refuse to, by raising, when the
caller's claim on the row was taken over). This mirrors smtplib.SMTP.sendmail/data, split at
that one point.
"""

import re
import smtplib
import socket

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import sanitize_address

_LEADING_DOT = re.compile(rb"(?m)^\.")


def is_smtp(connection):
    return isinstance(connection, EmailBackend)


def smtp_send(*, connection, message, before_commit):
    """Send `message` over the open Django SMTP `connection`; raises smtplib errors like sendmail does."""
    smtp = connection.connection
    encoding = message.encoding or settings.DEFAULT_CHARSET
    sender = sanitize_address(message.from_email, encoding)
    recipients = [sanitize_address(address, encoding) for address in message.recipients()]
    data = message.message().as_bytes(linesep="\r\n")

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
