"""The verification email of a sign-up is sent by a real Celery worker over real SMTP, and its link works."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from notifications.models import Notification
from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def test_signup_verification_email_sent_by_worker_in_japanese(celery_worker_process, smtp_server, client):
    client.cookies["django_language"] = "ja"
    response = client.post(
        reverse("accounts:signup"),
        {
            "email": "sato.yuki@example.org",
            "password1": "plum-harbour-lantern-42",
            "password2": "plum-harbour-lantern-42",
        },
    )
    assert response.status_code == 302
    messages = wait_until(lambda: smtp_server.received_by("sato.yuki@example.org"), timeout=30)
    assert len(messages) == 1
    # A long encoded-word subject is folded onto a continuation line; the parser keeps its leading space.
    assert messages[0]["Subject"].strip() == "交流ポータルのメールアドレスを確認してください"
    assert Notification.objects.get().subject == "交流ポータルのメールアドレスを確認してください"
    body = messages[0].get_body(preferencelist=("plain",)).get_content()
    path = re.search(r"http://[^/\s]+(/accounts/verify/\S+/)", body).group(1)
    client.get(path)
    assert get_user_model().objects.get(email="sato.yuki@example.org").email_verified_at is not None
