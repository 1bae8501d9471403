"""The NUL-byte and account-probing breaks of issue 15, as the demo's users meet them: each answered
a 500 or told which addresses have accounts."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from participants.models import Registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def _login(client, email):
    client.force_login(get_user_model().objects.get(email=email))


def test_nul_in_a_bureau_reference_is_a_400_page(demo, client):
    _login(client, "official@example.org")
    response = client.get("/bureau/%00/")
    assert response.status_code == 400
    assert "<html" in response.content.decode().lower()
    assert client.get("/bureau/?q=%00").status_code == 400


def test_nul_in_the_check_in_search_is_a_400_and_a_post_never_a_500(demo, client):
    _login(client, "checkin@example.org")
    registration = (
        Registration.objects.filter(occurrence__start_date__isnull=False).order_by("-occurrence__start_date").first()
    )
    page = f"/staff/occurrences/{registration.occurrence_id}/checkin/"
    assert client.get(page, {"q": "kim"}).status_code == 200
    assert client.get(page, {"q": "\x00"}).status_code == 400
    assert client.get(page, {"q": "kim", "day": "2026-01-01\x00"}).status_code == 400
    marked = client.post(f"/staff/registrations/{registration.pk}/checkin/", {"day": "\x00", "q": "\x00"})
    assert 300 <= marked.status_code < 500
    assert not registration.attendance_days.exists()


def test_nul_in_forms_is_a_form_error_with_nothing_saved(demo, client):
    login = client.post("/accounts/login/", {"username": "official@example.org\x00", "password": "x\x00"})
    assert login.status_code == 200
    assert "Null characters are not allowed." in login.content.decode()
    before = get_user_model().objects.count()
    signup = client.post(
        "/accounts/signup/",
        {
            "email": "new\x00@example.org",
            "password1": "plum-harbour-lantern-42",
            "password2": "plum-harbour-lantern-42",
        },
    )
    assert signup.status_code == 200
    assert get_user_model().objects.count() == before


def test_signup_with_the_demo_officials_address_tells_the_visitor_nothing_and_emails_the_owner(
    demo, client, settings, smtp_server, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    form = {"password1": "plum-harbour-lantern-42", "password2": "plum-harbour-lantern-42"}
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post("/accounts/signup/", {**form, "email": "official@example.org"})
        fresh = client.post("/accounts/signup/", {**form, "email": "someone.new@example.org"})
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    page = client.get(taken["Location"]).content.decode()
    assert "already" not in page and "이미" not in page
    [told] = smtp_server.received_by("official@example.org")
    text = told.get_body(preferencelist=("plain",)).get_content()
    assert "/accounts/password/reset/" in text
    assert get_user_model().objects.filter(email__iexact="official@example.org").count() == 1
