"""The alumni network in Chromium as the demo's people: the demo official, who attended the past
sample CJK workshop, joins its alumni directory from the menu (the form starts from the profile);
Sato Yuki, a sample alumna from Japan, finds her by name and writes to her; the email reaches the
official as the SMTP server received it, with a link to the portal and nowhere the sender's address,
and the official reads it on the portal without it either and replies the same way; then she
leaves the directory and Sato's search no longer finds her."""

import io

import pytest
from django.core.management import call_command

from aftercare.models import AlumniEntry, AlumniMessage
from tests.e2e.logins import log_in
from tests.support.emails import whole_email

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OFFICIAL, SATO = "official@example.org", "sato.yuki@example.org"
NOTE = "Happy to talk about Gyeonggi's exchange programs."
TEXT = "Hello Minji, I am preparing a visit to Gyeonggi next spring. Could we meet?"
REPLY = "Welcome! Let us meet in Suwon."


def _search(page, url, name):
    page.goto(f"{url}/alumni/programs/cjk-trilateral-workshop/")
    page.fill("#id_q", name)
    page.locator("#alumni-search button[type=submit]").click()
    page.wait_for_selector("#alumni-count")


def test_official_joins_is_found_written_to_and_leaves(page, live_server, smtp_delivery):
    call_command("load_demo", stdout=io.StringIO())
    # The demo has the official in the directory already: start from before she joined.
    AlumniEntry.objects.filter(participant__email=OFFICIAL).delete()
    url = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])

    log_in(page, url, OFFICIAL)
    page.locator("#nav-alumni").click()
    page.get_by_role("link", name="Join the alumni directory").click()
    # The fields start from her profile.
    assert page.input_value("#id_position") == "Officer"
    assert page.input_value("#id_country") == "KR"
    page.fill("#id_note", NOTE)
    page.locator("#entry-submit").click()
    assert "You are in the alumni directory" in page.locator("main").inner_text()
    names = page.locator("#alumni-results .alumnus-name").all_inner_texts()
    assert any("KIM Minji" in n for n in names) and len(names) == 3

    # Sato Yuki, an alumna from Japan, finds her by name and writes to her.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(page, url, SATO)
    _search(page, url, "Kim")
    found = page.locator("#alumni-results .alumnus")
    assert found.count() == 1
    assert "KIM Minji" in found.inner_text() and NOTE in found.inner_text()
    assert OFFICIAL not in page.content()
    found.locator(".alumnus-write").click()
    page.fill("#id_body", TEXT)
    smtp_delivery.messages.clear()
    page.locator("#message-send").click()
    page.wait_for_selector("#alumni-search")
    assert "is on its way" in page.locator("main").inner_text()

    # The email as the SMTP server received it: to the official, with a link, without Sato's address.
    [email] = smtp_delivery.received_by(OFFICIAL)
    whole = whole_email(email)
    assert TEXT in email.get_body(("plain",)).get_content()
    assert SATO not in whole and email["Reply-To"] is None
    message = AlumniMessage.objects.get()
    link = f"{url}/alumni/messages/{message.pk}/"
    assert link in email.get_body(("plain",)).get_content()

    # The official reads it on the portal, without Sato's address, and replies the same way.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(page, url, OFFICIAL)
    page.goto(link)
    assert TEXT in page.locator("#message-body").inner_text()
    assert SATO not in page.content()
    smtp_delivery.messages.clear()
    page.fill("#id_body", REPLY)
    page.locator("#reply-send").click()
    assert "Your reply is on its way" in page.locator("main").inner_text()
    [reply] = smtp_delivery.received_by(SATO)
    assert REPLY in reply.get_body(("plain",)).get_content() and OFFICIAL not in whole_email(reply)

    # She leaves the directory: gone at once.
    page.locator("#nav-alumni").click()
    page.get_by_role("link", name="Leave the directory").click()
    page.locator("#leave-confirm").click()
    assert "You have left the alumni directory" in page.locator("main").inner_text()
    assert not AlumniEntry.objects.filter(participant__email=OFFICIAL).exists()

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(page, url, SATO)
    _search(page, url, "Kim")
    assert page.locator("#alumni-results .alumnus").count() == 0
    assert page.locator("#alumni-empty").is_visible()
