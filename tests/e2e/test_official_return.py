"""Officials in the browser (issue 11.6 and 11.10): an imported delegate signs up, verifies and sees
their registration; the demo official withdraws and registers again; an official whom the program
does not admit learns why on the occurrence page and the form page, with no form, in every language
and on a phone."""

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import User
from formats.languages import country_name
from participants.models import Registration
from participants.services import registration_import
from tests.e2e.logins import log_in
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
PASSWORD = "plum-harbour-lantern-42"
LANGUAGES = ["ko", "en", "zh-hans", "zh-hant", "ja"]


def test_imported_delegate_signs_up_verifies_and_sees_their_registration(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    contest = Occurrence.objects.get(slug="sample-speech-contest")
    registration, _ = registration_import(
        occurrence=contest,
        email="jiwoo.park@gg.example.org",
        profile={"family_name": "Park", "given_name": "Jiwoo", "country": "KR", "admin_level": 6},
        by=User.objects.get(email="staff@example.org"),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("#id_email", "Jiwoo.Park@gg.example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("form[method=post] button[type=submit]").last.click()
    page.wait_for_selector("#signup-done")
    page.goto(re.search(r"http://\S+/accounts/verify/\S+/", mail.outbox[-1].body).group(0))
    log_in(page, live_server.url, "jiwoo.park@gg.example.org", PASSWORD)
    page.goto(f"{live_server.url}/registrations/")
    card = page.locator(f"#registration-{registration.pk}")
    assert contest.title_en in card.inner_text()
    card.get_by_role("link", name=contest.title_en).click()
    assert page.locator("#registration-status .status-badge").inner_text() == "Submitted"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_demo_official_withdraws_and_registers_again(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    registration = Registration.objects.get(
        participant__email="official@example.org", occurrence__slug="sample-cjk-workshop"
    )
    log_in(page, live_server.url, "official@example.org", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/registrations/{registration.pk}/")
    page.locator("a[href$='/withdraw/']").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#my-registrations")
    page.goto(f"{live_server.url}/registrations/{registration.pk}/")
    page.locator("#register-again").click()
    assert page.locator("#register-again").is_visible()  # the form page says it starts over
    page.fill("#id_arrival_date", registration.occurrence.start_date.isoformat())  # the demo gave no answer
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ACCEPTED
    assert list(registration.status_changes.values_list("to_status", flat=True)) == [
        "submitted", "accepted", "withdrawn", "submitted", "accepted",
    ]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_ineligible_official_learns_why_before_the_form(page, live_server, language):
    """The demo's Korean official and the K2H cohort, which invites officials from abroad only."""
    call_command("load_demo", stdout=io.StringIO())
    with translation.override(language):
        why = gettext("This program is not open to officials from %(country)s.") % {"country": country_name("KR")}
        rule = gettext("Officials from %(countries)s cannot register.") % {"countries": country_name("KR")}
    if language != "en":
        assert why != "This program is not open to officials from South Korea."
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in(page, live_server.url, "official@example.org", DEMO_PASSWORD)

    page.goto(f"{live_server.url}/occurrences/sample-k2h-cohort/")
    assert rule in page.locator("#eligibility").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(f"{live_server.url}/occurrences/sample-k2h-cohort/register/")
    assert why in page.locator("#registration-refused").inner_text()
    assert page.locator("#registration-form").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
