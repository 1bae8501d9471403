"""An official's whole path in the browser: sign up, verify, log in, register, follow, withdraw."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from participants.models import Registration
from tests.e2e.logins import log_in
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "plum-harbour-lantern-42"
START = datetime.date(2031, 5, 20)


def _occurrence(**kwargs):
    return OccurrenceFactory(
        title_en="CJK Workshop 2031",
        slug="cjk-2031",
        start_date=START,
        end_date=START + datetime.timedelta(days=1),
        capacity=kwargs.pop("capacity", 30),
        **kwargs,
    )


def _verify_link():
    body = mail.outbox[-1].body
    return re.search(r"http://\S+/accounts/verify/\S+/", body).group(0)


def _sign_up_and_verify(page, url, email):
    page.goto(f"{url}/accounts/signup/")
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("form[method=post] button[type=submit]").last.click()
    page.wait_for_selector("#signup-done")
    page.goto(_verify_link())


def _fill_profile(page, country="KR"):
    page.fill("#id_profile-family_name_native", "김")
    page.fill("#id_profile-given_name_native", "민지")
    page.fill("#id_profile-family_name", "Kim")
    page.fill("#id_profile-given_name", "Minji")
    page.select_option("#id_profile-country", country)
    page.fill("#id_profile-department", "International Cooperation Division")
    page.fill("#id_profile-position", "Officer")
    page.select_option("#id_profile-admin_level", "6")
    page.check("#id_profile-languages_0")


def _submit_registration(page):
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()


def _verified_official(country="KR"):
    user = UserFactory(email=f"official.{country.lower()}@example.org", email_verified_at=timezone.now())
    user.set_password(PASSWORD)
    user.save()
    ParticipantFactory(user=user, email=user.email, country=country, family_name="Sato", given_name="Yuki")
    return user


def test_sign_up_verify_log_in_register_and_withdraw(page, live_server):
    occurrence = _occurrence()
    url = live_server.url
    _sign_up_and_verify(page, url, "minji.kim@example.org")
    assert "Your email address minji.kim@example.org is verified." in page.locator("main").inner_text()
    log_in(page, url, "minji.kim@example.org", PASSWORD, stay=True)

    page.goto(f"{url}/occurrences/{occurrence.slug}/")
    page.get_by_role("link", name="Register", exact=True).click()
    _fill_profile(page)
    page.fill("#id_arrival_date", "2031-05-19")
    page.fill("#id_dietary_needs", "Vegetarian")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/reg/register_phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    _submit_registration(page)
    page.wait_for_selector("#registration-status")
    assert "You are registered: your place is confirmed." in page.locator("main").inner_text()
    assert page.locator("#registration-status .status-badge").inner_text() == "Accepted"

    page.get_by_role("link", name="My registrations").first.click()
    card = page.locator(".registration-card")
    assert card.count() == 1
    assert "CJK Workshop 2031" in card.inner_text()
    assert card.locator(".status-badge").inner_text() == "Accepted"

    card.get_by_role("link", name="CJK Workshop 2031").click()
    page.get_by_role("link", name="Withdraw").click()
    page.get_by_role("button", name="Yes, withdraw").click()
    page.wait_for_selector("#my-registrations")
    assert "Your registration for CJK Workshop 2031 is withdrawn." in page.locator("main").inner_text()
    assert page.locator(".registration-card .status-badge").inner_text() == "Withdrawn"
    registration = Registration.objects.get()
    assert (registration.status, registration.answers) == (
        "withdrawn",
        {"arrival_date": "2031-05-19", "dietary_needs": "Vegetarian"},
    )
    assert [m.to[0] for m in mail.outbox] == ["minji.kim@example.org"] * 3  # verify, accepted, withdrawn


def test_full_occurrence_puts_official_on_waitlist(page, live_server):
    occurrence = _occurrence(capacity=1)
    RegistrationFactory(occurrence=occurrence, status="accepted")
    occurrence.seats_taken = 1
    occurrence.save()
    user = _verified_official()
    log_in(page, live_server.url, user.email, PASSWORD, stay=True)
    page.goto(f"{live_server.url}/occurrences/{occurrence.slug}/")
    assert "All seats are taken: new registrations join the waitlist." in page.locator("#register-box").inner_text()
    page.get_by_role("link", name="Register", exact=True).click()
    page.fill("#id_profile-given_name", "Yuki")
    page.fill("#id_arrival_date", "2031-05-20")
    _submit_registration(page)
    page.wait_for_selector("#registration-status")
    assert (
        "All 1 seats of CJK Workshop 2031 are taken. You are on the waitlist; we will email you if a place frees up."
        in page.locator(".alert-warning").inner_text()
    )
    assert page.locator("#registration-status .status-badge").inner_text() == "Waitlisted"


def test_ineligible_official_refused_with_message(page, live_server):
    # The profile on file says why before the form (issue 11.10): no form to fill in for nothing.
    occurrence = _occurrence(program=ProgramFactory(eligible_countries=["KR"]))
    user = _verified_official(country="JP")
    log_in(page, live_server.url, user.email, PASSWORD, stay=True)
    page.goto(f"{live_server.url}/occurrences/{occurrence.slug}/register/")
    assert (
        "This program is open to officials from South Korea only." in page.locator("#registration-refused").inner_text()
    )
    assert page.locator("#registration-form").count() == 0
    page.locator("#registration-refused a").click()
    page.wait_for_selector("#id_country")
    assert Registration.objects.count() == 0


def test_same_path_in_korean(page, live_server):
    occurrence = _occurrence()
    url = live_server.url
    page.goto(f"{url}/")
    page.select_option("#language-select", "ko")
    page.get_by_role("button", name="Change").click()
    page.wait_for_selector("html[lang=ko]")
    assert page.get_by_role("link", name="회원가입").is_visible()

    _sign_up_and_verify(page, url, "jiho.park@example.org")
    assert mail.outbox[0].subject == "교류 포털 이메일 주소를 확인해 주세요"
    assert "이메일 주소 jiho.park@example.org 확인이 완료되었습니다." in page.locator("main").inner_text()
    log_in(page, url, "jiho.park@example.org", PASSWORD, stay=True)

    page.goto(f"{url}/occurrences/{occurrence.slug}/")
    page.get_by_role("link", name="신청하기", exact=True).click()
    assert page.locator("h1").inner_text() == "CJK Workshop 2031 신청"
    _fill_profile(page)
    page.fill("#id_arrival_date", "2031-05-19")
    page.check("#id_consent")
    page.get_by_role("button", name="신청서 제출").click()
    page.wait_for_selector("#registration-status")
    assert "신청이 완료되었습니다. 참가가 확정되었습니다." in page.locator("main").inner_text()

    page.get_by_role("link", name="내 신청 내역").first.click()
    assert page.locator(".registration-card .status-badge").inner_text() == "승인됨"
    page.locator(".registration-card").get_by_role("link", name="CJK Workshop 2031").click()
    page.get_by_role("link", name="신청 철회").click()
    page.get_by_role("button", name="네, 철회합니다").click()
    page.wait_for_selector("#my-registrations")
    assert "CJK Workshop 2031 신청이 철회되었습니다." in page.locator("main").inner_text()
    assert page.locator(".registration-card .status-badge").inner_text() == "철회됨"
    assert [m.subject for m in mail.outbox[1:]] == [
        "CJK Workshop 2031 신청이 승인되었습니다",
        "CJK Workshop 2031 신청을 철회했습니다",
    ]
