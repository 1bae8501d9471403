"""The bytes a worker writes to the mail server for one notification, assembled directly.

Django's EmailMultiAlternatives builds a tree of email.mime objects and flattens it through the
standard library's generator, which re-parses and folds every header: about 1 ms of CPU per
message on this machine, half a worker's time per email (bench/notifications.py, issue 14).
A notification is always the same shape (a plain-text part and an HTML alternative, UTF-8,
the same From and the same extra headers), so `message_bytes` writes that shape itself and
produces what Django would: the same headers in the same order, each body 7bit or 8bit. What
depends only on the settings (the envelope sender, the From header) is computed once per
process. Anything outside the common shape (inline images, a line over 998 bytes that Django
sends quoted-printable, a header that needs encoding or folding, an unusual address) is still
built by Django (`build_with_django`); tests/notifications/test_mime.py compares the two.
"""

import functools
import random
import re
from email import policy
from email.utils import formatdate, parseaddr

from django.conf import settings
from django.core.mail import BadHeaderError
from django.core.mail.message import forbid_multi_line_headers, sanitize_address

# Lines as the standard generator splits them (and rewrites them with CRLF).
_NEWLINES = re.compile(r"\r\n|\r|\n")
# An address that every path (sanitize_address, smtplib.quoteaddr) passes through unchanged.
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+\Z")
_FOLD = policy.compat32.clone(linesep="\r\n")
_LINE_LIMIT = 998  # RFC 5322; Django sends a body with a longer line quoted-printable
_HEADER_WIDTH = 78  # the generator folds a header line longer than this


class NotCommonShape(Exception):
    """This message needs Django's general assembly."""


@functools.lru_cache(maxsize=8)
def _sender(from_email):
    """(envelope sender for MAIL FROM, From header line), once per process and setting."""
    sanitized = sanitize_address(from_email, settings.DEFAULT_CHARSET)
    return parseaddr(sanitized)[1], _header("From", from_email)


def envelope_address(address):
    """The address as smtplib would put it in MAIL FROM / RCPT TO, without its parsing cost."""
    if _PLAIN_ADDRESS.match(address):
        return address
    return parseaddr(sanitize_address(address, settings.DEFAULT_CHARSET))[1]


def _header(name, value):
    """One header line as Django's message and the generator would write it."""
    value = str(value)
    if "\n" in value or "\r" in value:
        raise BadHeaderError(f"Header values can't contain newlines (got {value!r} for header {name!r})")
    if value.isascii() and len(name) + 2 + len(value) <= _HEADER_WIDTH and "=?" not in value:
        return f"{name}: {value}\r\n".encode("ascii")
    if name.lower() in {"from", "to", "reply-to"} and not value.isascii():
        raise NotCommonShape(name)  # Django rewrites such addresses; let it
    _name, encoded = forbid_multi_line_headers(name, value, settings.DEFAULT_CHARSET)
    return _FOLD.fold_binary(name, encoded)


def _text_part(content_type, text):
    """A text part's headers and body as Django's SafeMIMEText (charset utf-8) writes them."""
    lines = _NEWLINES.split(text)
    encoded = [line.encode("utf-8") for line in lines]
    if any(len(line) > _LINE_LIMIT for line in encoded):
        raise NotCommonShape("long line")  # quoted-printable
    transfer = "7bit" if text.isascii() else "8bit"
    head = f'Content-Type: {content_type}; charset="utf-8"\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: {transfer}\r\n'
    return head.encode("ascii"), b"\r\n".join(encoded)


def _boundary(*bodies):
    while True:
        boundary = f"==============={random.randrange(10**18, 10**19)}=="  # noqa: S311 - not a secret
        marker = boundary.encode("ascii")
        if not any(marker in body for body in bodies):
            return boundary


def message_bytes(*, subject, body_text, body_html, recipient, reply_to, headers):
    """(envelope sender, envelope recipient, message bytes with CRLF line ends) for a plain-text
    email with an optional HTML alternative. Raises NotCommonShape for anything else."""
    if not body_text:
        raise NotCommonShape("no plain-text body")
    sender, from_line = _sender(settings.DEFAULT_FROM_EMAIL)
    envelope_to = envelope_address(recipient)
    lines = [_header("Subject", subject), from_line, _header("To", recipient)]
    if reply_to:
        lines.append(_header("Reply-To", reply_to))
    lines.append(_header("Date", formatdate(localtime=settings.EMAIL_USE_LOCALTIME)))
    lines.extend(_header(name, value) for name, value in headers.items())
    text_head, text_body = _text_part("text/plain", body_text)
    if not body_html:
        return sender, envelope_to, b"".join([text_head, *lines, b"\r\n", text_body])
    html_head, html_body = _text_part("text/html", body_html)
    boundary = _boundary(text_body, html_body)
    delimiter = f"\r\n--{boundary}\r\n".encode("ascii")
    top = f'Content-Type: multipart/alternative;\r\n boundary="{boundary}"\r\nMIME-Version: 1.0\r\n'
    parts = [top.encode("ascii"), *lines, delimiter, text_head, b"\r\n", text_body, delimiter]
    parts += [html_head, b"\r\n", html_body, f"\r\n--{boundary}--\r\n".encode("ascii")]
    return sender, envelope_to, b"".join(parts)
