"""The demo official reloads the registration form as in an opening rush (the page is then kept for
them: participants/page_cache.py), corrects their profile on the way, and registers, on a phone, in
Korean and in Japanese: the reloaded form shows the correction and the profile page's confirmation,
and posts with the token it came with."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from participants.eligibility import registration_precheck
from participants.models import Registration
from participants.self_service import participant_for_user
from tests.e2e.logins import log_in
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open_occurrence(email):
    """An occurrence open for registration that the official has not registered for and may register for."""
    from accounts.models import User

    participant = participant_for_user(User.objects.get(email=email))
    taken = Registration.objects.filter(participant=participant).values_list("occurrence_id", flat=True)
    return next(
        candidate
        for candidate in Occurrence.objects.open_for_registration().exclude(pk__in=taken).order_by("pk")
        if registration_precheck(participant=participant, occurrence=candidate) is None
    )


@pytest.mark.parametrize("language", ["ko", "ja"])
def test_official_reloads_corrects_profile_and_registers(page, live_server, language):
    call_command("load_demo", stdout=io.StringIO())
    occurrence = _open_occurrence("official@example.org")
    register = f"{live_server.url}/occurrences/{occurrence.slug}/register/"
    with translation.override(language):
        saved = gettext("Your profile is saved.")
        submit = gettext("Submit registration")
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in(page, live_server.url, "official@example.org")

    page.goto(register)
    for _ in range(3):  # waiting for the hour: the same form each time
        page.reload()
        assert page.locator("#registration-form button[type=submit]").inner_text().strip() == submit
    assert page.input_value("#id_profile-position") != "Deputy Director (reloaded)"

    page.goto(f"{live_server.url}/profile/?next=/occurrences/{occurrence.slug}/register/")
    page.fill("#id_position", "Deputy Director (reloaded)")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(register)
    assert saved in page.locator("main").inner_text()
    assert page.input_value("#id_profile-position") == "Deputy Director (reloaded)"
    page.reload()
    assert saved not in page.locator("main").inner_text()  # said once
    assert page.input_value("#id_profile-position") == "Deputy Director (reloaded)"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    if page.locator("#id_arrival_date").count():
        page.fill("#id_arrival_date", occurrence.start_date.isoformat())
    page.check("#id_consent")
    page.locator("#registration-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    registration = Registration.objects.get(participant__email="official@example.org", occurrence=occurrence)
    assert registration.participant.position == "Deputy Director (reloaded)"
    # Registered, the form's address leads to the registration, not to the kept form.
    page.goto(register)
    page.wait_for_selector("#registration-status")
