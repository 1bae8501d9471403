import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

PASSWORD = "correct-horse-battery-staple"


def test_login_with_email_and_password(client):
    user = UserFactory(email="official@example.org")
    response = client.post(reverse("accounts:login"), {"username": "official@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_wrong_password_shows_error(client):
    UserFactory(email="official@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "official@example.org", "password": "wrong-password-123"}
    )
    assert response.status_code == 200
    assert "Please enter a correct email address and password." in response.content.decode()


def test_login_locked_out_after_five_failures(client):
    UserFactory(email="official@example.org")
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "official@example.org", "password": "wrong-password-123"})
    response = client.post(reverse("accounts:login"), {"username": "official@example.org", "password": PASSWORD})
    assert response.status_code == 429
    assert "Logging in is blocked for a while after several wrong passwords." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_by_post(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_link_in_preferred_language_and_sets_password(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="official@example.org", preferred_language="ja")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "Official@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "交流ポータルのパスワード再設定"
    link = re.search(r"http://\S+/accounts/password/reset/\S+/", mail.outbox[0].body).group(0)
    path = link.split("http://127.0.0.1:8000")[-1]
    form_page = client.get(path, follow=True)
    new_password = "new-lantern-harbour-77"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_unknown_email_sends_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
