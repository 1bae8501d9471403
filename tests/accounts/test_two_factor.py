"""Two-factor authentication for staff, as the demo's superuser and program staff meet it: signed in
with their password through the login page, sent to enrol an authenticator app, then asked for its
code once per session before the admin opens."""

import io
import re
import time

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
PASSWORD = "exchange-portal-demo"


@pytest.fixture
def demo(settings, django_capture_on_commit_callbacks):
    settings.TWO_FACTOR_REQUIRED = "superusers"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def _log_in(client, email):
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get("/admin/")


def _code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def test_the_superuser_enrols_an_app_then_types_its_code_each_session(demo, client):
    first = _log_in(client, "admin@example.org")
    assert first.status_code == 302
    assert first["Location"] == "/accounts/two-factor/?next=%2Fadmin%2F"
    page = client.get(first["Location"], HTTP_ACCEPT_LANGUAGE="ko")
    assert page.status_code == 200
    key = re.search(r'id="two-factor-key" lang="en">([A-Z2-7 ]+)<', page.content.decode()).group(1)
    qr = client.get("/accounts/two-factor/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    device = TOTPDevice.objects.get(user__email="admin@example.org")
    assert key.replace(" ", "") == __import__("base64").b32encode(device.bin_key).decode()

    wrong = client.post("/accounts/two-factor/", {"token": "000000", "next": "/admin/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert wrong.status_code == 200 and "This code is not valid." in wrong.content.decode()
    assert client.get("/admin/").status_code == 302  # still not in
    time.sleep(1.1)  # django-otp makes the next try after a failure wait (1 s, doubling)
    done = client.post("/accounts/two-factor/", {"token": _code(device), "next": "/admin/"})
    assert (done.status_code, done["Location"]) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200

    client.post("/accounts/logout/")
    again = _log_in(client, "admin@example.org")
    assert again["Location"] == "/accounts/two-factor/verify/?next=%2Fadmin%2F"
    device.refresh_from_db()
    replay = client.post("/accounts/two-factor/verify/", {"token": _code(device), "next": "/admin/"})
    assert replay.status_code == 200  # a code already used is refused
    time.sleep(1.1)
    fresh = client.post("/accounts/two-factor/verify/", {"token": _code(device, offset=1), "next": "/admin/"})
    assert (fresh.status_code, fresh["Location"]) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200


def test_program_staff_need_it_only_when_every_staff_member_must(demo, client, settings):
    assert _log_in(client, "staff@example.org").status_code == 200
    settings.TWO_FACTOR_REQUIRED = "staff"
    client.post("/accounts/logout/")
    assert _log_in(client, "staff@example.org")["Location"].startswith("/accounts/two-factor/")
    # An official is never asked.
    client.post("/accounts/logout/")
    assert (
        client.post("/accounts/login/", {"username": "official@example.org", "password": PASSWORD}).status_code == 302
    )
    assert client.get("/").status_code == 200


def test_the_next_address_never_leaves_the_site(demo, client):
    _log_in(client, "admin@example.org")
    client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(user__email="admin@example.org")
    done = client.post("/accounts/two-factor/", {"token": _code(device), "next": "https://evil.example/"})
    assert done["Location"] == "/"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("ko", "2단계 인증 설정"),
        ("en", "Set up two-factor authentication"),
        ("zh-hans", "设置双重身份验证"),
        ("zh-hant", "設定雙重驗證"),
        ("ja", "2段階認証の設定"),
    ],
)
def test_the_setup_page_speaks_each_language(demo, client, language, heading):
    _log_in(client, "admin@example.org")
    client.cookies["django_language"] = language
    page = client.get("/accounts/two-factor/").content.decode()
    assert f'<h1 class="h3 mb-3">{heading}</h1>' in page
