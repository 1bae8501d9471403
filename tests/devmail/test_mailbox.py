"""The development mailbox: what the outbox sends in development is readable at /dev/mail/."""

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.mail import EmailMultiAlternatives, get_connection

from devmail.mailbox import mailbox_message, mailbox_messages
from notifications.models import Notification
from notifications.services import notification_send

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[2]
VERIFY_URL = "http://127.0.0.1:8000/accounts/verify/MQ:1vHxyz:abc/"


@pytest.fixture
def mailbox(settings, tmp_path):
    settings.EMAIL_BACKEND = "devmail.backend.MailboxBackend"
    settings.DEV_MAIL_DIR = tmp_path / "mail"
    settings.DEBUG = True
    return settings.DEV_MAIL_DIR


def _send(subject, text, html=None, to="minji@example.org"):
    stream = io.StringIO()
    connection = get_connection(stream=stream)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], connection=connection)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
    return stream.getvalue()


def test_a_sent_email_is_listed_with_its_subject_decoded(client, mailbox):
    console = _send("이메일 주소를 확인해 주세요", f"아래 링크를 여세요:\n{VERIFY_URL}\n")

    [message] = mailbox_messages()
    assert message.subject == "이메일 주소를 확인해 주세요"
    assert message.date.tzinfo is not None  # shown in the site's time zone
    assert console == (
        f"Email to minji@example.org: 이메일 주소를 확인해 주세요 -> http://127.0.0.1:8000/dev/mail/{message.id}/\n"
    )
    page = client.get("/dev/mail/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "이메일 주소를 확인해 주세요" in body
    assert f'href="/dev/mail/{message.id}/"' in body
    assert "=?utf-8?" not in body


def test_a_message_shows_its_links_clickable_and_its_html_sandboxed(client, mailbox):
    _send(
        "Confirm your email address",
        f"Open this link:\n{VERIFY_URL}\n",
        html=f'<p>Open <a href="{VERIFY_URL}">this link</a></p><script>alert("x")</script>',
    )
    [message] = mailbox_messages()

    page = client.get(f"/dev/mail/{message.id}/")

    assert page.status_code == 200
    body = page.content.decode()
    assert f'<a href="{VERIFY_URL}" rel="nofollow">{VERIFY_URL}</a>' in body
    # The HTML part only ever reaches the browser inside a sandboxed frame's srcdoc, escaped.
    assert "<script>" not in body
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_the_outbox_delivers_into_the_mailbox_in_development(mailbox):
    notification = Notification.objects.create(
        key="dev-mail",
        template="t",
        recipient="sato.yuki@example.org",
        language="ja",
        subject="申込みが承認されました",
        body_text=f"マイ申込み: {VERIFY_URL}",
        body_html="<p>承認</p>",
    )

    notification_send(notification_id=notification.pk)

    [message] = mailbox_messages()
    assert (message.to, message.subject, message.language) == ("sato.yuki@example.org", "申込みが承認されました", "ja")
    assert VERIFY_URL in message.text
    assert Notification.objects.get(pk=notification.pk).status == Notification.Status.SENT


def test_the_mailbox_answers_404_without_debug(client, mailbox, settings):
    _send("Hello", "Hi")
    [message] = mailbox_messages()
    settings.DEBUG = False

    assert client.get("/dev/mail/").status_code == 404
    assert client.get(f"/dev/mail/{message.id}/").status_code == 404
    assert client.post("/dev/mail/clear/").status_code == 404
    assert len(mailbox_messages()) == 1


def test_only_mailbox_files_can_be_read(client, mailbox):
    mailbox.mkdir(parents=True)
    (mailbox.parent / "secret.eml").write_text("Subject: secret\n\nsecret")

    assert mailbox_message("../secret") is None
    assert client.get("/dev/mail/..%2Fsecret/").status_code == 404
    assert client.get("/dev/mail/1-0000000g/").status_code == 404


def test_delete_all_empties_the_mailbox(client, mailbox):
    _send("One", "1")
    _send("Two", "2")

    response = client.post("/dev/mail/clear/")

    assert response.status_code == 302
    assert mailbox_messages() == []


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"DEBUG": "1"}, "devmail.backend.MailboxBackend"),
        ({"DEBUG": "1", "EMAIL_URL": "smtp://mail.example.org:587"}, "django.core.mail.backends.smtp.EmailBackend"),
        (
            {"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "portal.example.org"},
            "django.core.mail.backends.console.EmailBackend",
        ),
    ],
)
def test_email_goes_to_the_mailbox_only_in_development_without_email_url(env, backend):
    clean = {k: v for k, v in os.environ.items() if k not in {"EMAIL_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.EMAIL_BACKEND)"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "exchange_portal.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == backend


def test_the_acceptance_emails_qr_code_shows_inline_as_a_mail_client_shows_it(client, mailbox, settings):
    from cohorts.services import registration_checkin_qr_png
    from participants.checkin_code import registration_checkin_qr_attachment
    from participants.models import Registration
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(status=Registration.Status.ACCEPTED)
    notification = Notification.objects.create(
        key="accepted-with-qr",
        template="registration_accepted",
        recipient="minji@example.org",
        language="en",
        subject="Accepted",
        body_text="Accepted",
        body_html='<p>Show this:</p><img src="cid:checkin-qr">',
        inline_images=[registration_checkin_qr_attachment(registration)],
    )
    notification_send(notification_id=notification.pk)

    [message] = mailbox_messages()
    png = base64.b64encode(registration_checkin_qr_png(registration)).decode("ascii")
    assert mailbox_message(message.id).html.strip() == f'<p>Show this:</p><img src="data:image/png;base64,{png}">'
