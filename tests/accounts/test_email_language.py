"""The password reset reaches the official in the language of their profile, as the real SMTP
server receives it; and the demo's official (Korean profile) gets it in Korean."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import ParticipantFactory, UserFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def smtp(db, settings, smtp_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    return smtp_server


def _reset(client, email, captured):
    client.cookies["django_language"] = "en"  # asked for from an English page
    with captured(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": email})
    assert response.status_code == 302


def test_password_reset_goes_out_in_the_profiles_language_not_the_pages(
    client, smtp, django_capture_on_commit_callbacks
):
    # The account still says English (its default), the profile says Korean: the profile wins.
    user = UserFactory(email="hong@example.org", preferred_language="en")
    ParticipantFactory(
        user=user, email=user.email, preferred_language="ko", family_name_native="홍", given_name_native="길동"
    )

    _reset(client, user.email, django_capture_on_commit_callbacks)

    [message] = smtp.received_by("hong@example.org")
    assert message["Content-Language"] == "ko"
    assert message["Subject"].strip() == "교류 포털 비밀번호 재설정"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert text.splitlines()[0] == "홍길동 님, 안녕하세요."
    assert "Someone asked" not in text


def test_demo_official_gets_the_password_reset_in_korean(client, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    smtp.messages.clear()

    _reset(client, "official@example.org", django_capture_on_commit_callbacks)

    [message] = smtp.received_by("official@example.org")
    assert message["Content-Language"] == "ko"
    assert message.get_body(preferencelist=("plain",)).get_content().splitlines()[0] == "김민지 님, 안녕하세요."
