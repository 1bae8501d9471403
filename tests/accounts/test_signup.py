import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.services import VerificationError, user_email_verify, user_verification_token
from notifications.models import Notification
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

User = get_user_model()
GOOD_PASSWORD = "plum-harbour-lantern-42"


def _signup(client, email="new.official@example.org", password=GOOD_PASSWORD, confirm=None, **extra):
    return client.post(
        reverse("accounts:signup"),
        {"email": email, "password1": password, "password2": confirm or password},
        **extra,
    )


def _link(message):
    return re.search(r"http://\S+/accounts/verify/\S+/", message.body).group(0)


def test_signup_creates_unverified_user_and_sends_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, email="New.Official@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get()
    assert user.email == "new.official@example.org"
    assert user.email_verified_at is None
    assert user.check_password(GOOD_PASSWORD)
    assert [m.to for m in mail.outbox] == [["new.official@example.org"]]
    assert mail.outbox[0].subject == "Confirm your email address for the Exchange Portal"
    assert Notification.objects.get().status == Notification.Status.SENT


def test_signup_in_korean_sends_korean_email(client, django_capture_on_commit_callbacks):
    client.cookies["django_language"] = "ko"
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    assert User.objects.get().preferred_language == "ko"
    assert mail.outbox[0].subject == "교류 포털 이메일 주소를 확인해 주세요"


def test_signup_short_password_refused_and_email_kept(client):
    response = _signup(client, password="short-pass1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This password is too short. It must contain at least 12 characters." in page
    assert 'value="new.official@example.org"' in page
    assert User.objects.count() == 0


def test_signup_common_password_refused(client):
    response = _signup(client, password="password1234")
    assert "This password is too common." in response.content.decode()
    assert User.objects.count() == 0


def test_signup_mismatched_passwords_refused(client):
    response = _signup(client, confirm="another-long-passphrase-1")
    assert "The two password fields didn’t match." in response.content.decode()
    assert User.objects.count() == 0


def test_signup_with_an_existing_address_answers_as_for_a_new_one_and_tells_the_owner(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="taken@example.org", preferred_language="ja")
    owner.set_password("the-owner-keeps-this-one")
    owner.save()

    with django_capture_on_commit_callbacks(execute=True):
        taken = _signup(client, email="TAKEN@example.org")
    taken_page = client.get(taken["Location"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        fresh = _signup(client, email="fresh@example.org")

    # The visitor cannot tell the two apart: same redirect, same page (but for the address).
    assert (
        (taken.status_code, taken["Location"])
        == (fresh.status_code, fresh["Location"])
        == (302, "/accounts/signup/done/")
    )
    fresh_page = client.get(fresh["Location"]).content.decode()
    said = re.compile(r"<main.*</main>", re.S)
    assert said.search(fresh_page).group(0).replace("fresh@", "taken@") == said.search(taken_page).group(0)
    assert "already" not in taken_page
    # Nothing changed for the owner, who is told by email, in their language, with the way in.
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    owner.refresh_from_db()
    assert owner.check_password("the-owner-keeps-this-one")
    told = [m for m in mail.outbox if m.to == ["taken@example.org"]]
    assert [m.subject for m in told] == ["交流ポータルのアカウントはすでにあります"]
    assert "/accounts/login/" in told[0].body and "/accounts/password/reset/" in told[0].body


def test_signup_throttled_per_ip_after_limit(client, settings):
    settings.SIGNUP_RATE_LIMIT = 2
    for n in range(2):
        assert _signup(client, email=f"a{n}@example.org").status_code == 302
        client.logout()
    response = _signup(client, email="third@example.org")
    assert response.status_code == 429
    assert "Too many sign-up attempts from your network. Please try again in an hour." in response.content.decode()
    assert User.objects.count() == 2
    # Another address is counted on its own.
    assert _signup(client, email="other@example.org", REMOTE_ADDR="10.1.2.3").status_code == 302


def test_verify_link_marks_email_verified(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    response = client.get(_link(mail.outbox[0]).split("http://127.0.0.1:8000")[-1], follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "Your email address new.official@example.org is verified." in response.content.decode()
    assert User.objects.get().email_verified_at is not None


def test_verify_link_tampered_refused(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    path = _link(mail.outbox[0]).split("http://127.0.0.1:8000")[-1]
    response = client.get(path[:-3] + "xx/")
    assert response.status_code == 400
    assert "This verification link is not valid. Check that you copied all of it." in response.content.decode()
    assert User.objects.get().email_verified_at is None


def test_verify_link_expired_refused():
    user = UserFactory()
    token = user_verification_token(user=user)
    with pytest.raises(VerificationError) as excinfo:
        user_email_verify(token=token, max_age=-1)
    assert excinfo.value.message == "This verification link has expired. Log in to request a new one."


def test_signup_failed_attempts_count_towards_throttle(client, settings):
    settings.SIGNUP_RATE_LIMIT = 2
    UserFactory(email="taken@example.org")
    for _ in range(2):
        assert _signup(client, email="taken@example.org").status_code == 302
    assert _signup(client, email="fresh@example.org").status_code == 429
    # Once throttled, the page no longer tells whether an address has an account.
    page = _signup(client, email="taken@example.org").content.decode()
    assert "An account with this email address already exists." not in page
    assert 'value="taken@example.org"' in page
    assert User.objects.count() == 1


def test_resend_verification_refuses_offsite_next(client):
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:resend_verification"), {"next": "https://evil.example.com/"})
    assert response["Location"] == reverse("participants:my_registrations")


def test_resend_verification_sends_new_link(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:resend_verification"), follow=True)
    assert f"We have sent a new verification link to {user.email}." in response.content.decode()
    assert len(mail.outbox) == 1
    assert "/accounts/verify/" in mail.outbox[0].body
