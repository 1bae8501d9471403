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


def test_password_reset_answers_alike_for_an_unknown_address_which_is_told_no_account_uses_it(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org", preferred_language="ko")
    client.cookies["django_language"] = "zh-hant"

    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("accounts:password_reset"), {"email": "known@example.org"})
        unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
        again = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == again.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password_reset_done")
    # The account's owner gets the link in their language; the unknown address is told, in the
    # language of the page it was asked from, that no account uses it (once an hour, not per request).
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("known@example.org", "교류 포털 비밀번호 재설정"),
        ("nobody@example.org", "有人為沒有帳戶的地址申請了密碼重設"),
    ]
    unknown_mail = next(m for m in mail.outbox if m.to == ["nobody@example.org"])
    assert "/accounts/signup/" in unknown_mail.body and "/password/reset/" not in unknown_mail.body
