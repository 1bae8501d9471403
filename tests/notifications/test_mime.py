"""The bytes a worker writes for a notification (notifications/mime.py) are those Django's
EmailMultiAlternatives would write, apart from the random boundary and the moment in Date."""

import re

import pytest
from django.core.mail import BadHeaderError

from notifications.mime import NotCommonShape, message_bytes
from notifications.models import Notification
from notifications.services import _message, _wire_message
from notifications.smtp import envelope

pytestmark = pytest.mark.unit

_BOUNDARY = re.compile(rb"={15}\d+==")
_DATE = re.compile(rb"\r\nDate: [^\r]+\r\n")


def _normal(data):
    return _DATE.sub(b"\r\nDate: -\r\n", _BOUNDARY.sub(b"BOUNDARY", data))


def _notification(**fields):
    values = {
        "key": "registration_accepted:41",
        "template": "registration_accepted",
        "recipient": "kim@example.org",
        "language": "en",
        "subject": "Your registration is accepted",
        "body_text": "Dear Ms. Kim,\n\nWelcome.\n",
        "body_html": '<!doctype html>\n<html lang="en"><body><p>Welcome.</p></body></html>\n',
    }
    return Notification(**{**values, **fields})


CASES = {
    "english": {},
    "korean": {
        "language": "ko",
        "subject": "등록이 승인되었습니다 — 제7회 한중일 공무원 교류 워크숍 (Culture & Tourism)",
        "body_text": "김민지 님,\r\n\r\n환영합니다.\n",
        "body_html": "<p>환영합니다.</p>",
    },
    "japanese short subject": {"language": "ja", "subject": "受付", "body_text": "ようこそ。"},
    "chinese with reply-to": {"language": "zh_Hans", "subject": "报名已收到", "reply_to": "organizers@example.org"},
    "long ascii subject": {"subject": "Reminder: " + "the 7th CJK Trilateral Public Officials Exchange Workshop " * 2},
    "long key": {"key": "survey_invitation:" + "x" * 150},
    "no html": {"body_html": ""},
    "no trailing newline, lone CRs": {"body_text": "one\rtwo\r\nthree", "body_html": "<p>a</p>\r<p>b</p>"},
    "encoded-word lookalike": {"subject": "=?utf-8?q?not_really?="},
    "plus address": {"recipient": "kim+workshop@mail.example.org"},
    "named reply-to": {"reply_to": "Kim Minji <kim@example.org>"},
}


def _direct_bytes(notification):
    """The worker's own assembly of a notification's email (notifications/mime.py)."""
    return message_bytes(
        subject=notification.subject,
        body_text=notification.body_text,
        body_html=notification.body_html,
        recipient=notification.recipient,
        reply_to=notification.reply_to,
        headers={},
    )


@pytest.mark.parametrize("fields", CASES.values(), ids=CASES.keys())
def test_the_bytes_are_those_django_writes(fields):
    notification = _notification(**fields)

    sender, recipients, data = _wire_message(notification, None)
    fast = _direct_bytes(notification)  # the direct assembly, not Django's, wrote it

    django_sender, django_recipients, django_data = envelope(_message(notification, None))
    assert (sender, recipients) == ("noreply@exchange-portal.local", [notification.recipient])
    assert django_sender.endswith("<noreply@exchange-portal.local>") and django_recipients == recipients
    assert _normal(data) == _normal(django_data)
    assert fast[:2] == (sender, recipients[0])


@pytest.mark.parametrize(
    "fields",
    [
        {"body_text": "x" * 999},  # Django sends it quoted-printable
        {"body_text": ""},
        {"recipient": "김@example.org"},
    ],
)
def test_other_shapes_are_left_to_django(fields):
    notification = _notification(**fields)
    with pytest.raises(NotCommonShape):
        _direct_bytes(notification)


def test_a_long_line_goes_quoted_printable_through_django():
    notification = _notification(body_text="가" * 400)

    _sender, _recipients, data = _wire_message(notification, None)

    assert b"Content-Transfer-Encoding: quoted-printable" in data


def test_a_newline_in_a_header_is_refused():
    with pytest.raises(BadHeaderError):
        _wire_message(_notification(subject="Hello\r\nBcc: everyone@example.org"), None)
