"""Reading the development mailbox (DEV_MAIL_DIR): one .eml file per message, newest first."""

import base64
import email
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from pathlib import Path

from django.conf import settings
from django.urls import reverse

MESSAGE_ID = re.compile(r"^[0-9]+-[0-9a-f]{8}$")


def mailbox_dir():
    return Path(settings.DEV_MAIL_DIR)


def message_url(message_id):
    return reverse("devmail:message", kwargs={"message_id": message_id})


@dataclass
class MailboxMessage:
    id: str
    subject: str
    sender: str
    to: str
    date: datetime | None
    language: str
    text: str
    html: str


def _body(parsed, subtype):
    part = parsed.get_body(preferencelist=(subtype,))
    return part.get_content() if part is not None else ""


def _inline_images(parsed, html):
    """Show inline images (multipart/related, <img src="cid:...">) where the HTML places them, as a mail client does."""
    for part in parsed.walk():
        content_id = str(part["Content-ID"] or "").strip("<>")
        if content_id and part.get_content_maintype() == "image":
            data = base64.b64encode(part.get_content()).decode("ascii")
            html = html.replace(f"cid:{content_id}", f"data:{part.get_content_type()};base64,{data}")
    return html


def _read(path):
    # policy.default decodes RFC 2047 headers: the subject reads as it was written.
    parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    date = getattr(parsed["Date"], "datetime", None)
    if date is not None and date.tzinfo is None:
        date = date.replace(tzinfo=UTC)  # Django writes "-0000": UTC, shown in the site's time zone
    return MailboxMessage(
        id=path.stem,
        subject=str(parsed["Subject"] or ""),
        sender=str(parsed["From"] or ""),
        to=str(parsed["To"] or ""),
        date=date,
        language=str(parsed["Content-Language"] or ""),
        text=_body(parsed, "plain"),
        html=_inline_images(parsed, _body(parsed, "html")),
    )


def mailbox_messages():
    folder = mailbox_dir()
    if not folder.is_dir():
        return []
    return [_read(path) for path in sorted(folder.glob("*.eml"), key=lambda p: int(p.stem.split("-")[0]), reverse=True)]


def mailbox_message(message_id):
    """The message with this id, or None (ids are checked, so no other file can be read)."""
    if not MESSAGE_ID.match(message_id):
        return None
    path = mailbox_dir() / f"{message_id}.eml"
    return _read(path) if path.is_file() else None


def mailbox_clear():
    for path in mailbox_dir().glob("*.eml"):
        path.unlink(missing_ok=True)
