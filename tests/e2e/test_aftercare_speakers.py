"""A speaker invited by the demo's program staff in the admin receives the invitation in Japanese
(as the SMTP server received it), opens its private link on a phone without an account, attaches a
PDF, and the demo official who attended the past sample workshop downloads it from the occurrence
page; a withdrawn link opens nothing."""

import io
import re

import pytest
from django.core.management import call_command

from aftercare.models import Material, SpeakerInvitation
from tests.e2e.logins import log_in, log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def test_invited_speaker_attaches_slides_an_attendee_downloads(page, live_server, smtp_delivery, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    past = Occurrence.objects.get(slug="sample-cjk-workshop-past")
    smtp_delivery.messages.clear()

    log_in_admin(page, live_server.url, "staff@example.org")
    page.goto(f"{live_server.url}/admin/aftercare/speakerinvitation/add/?occurrence={past.pk}")
    page.fill("#id_name", "佐藤花子")
    page.fill("#id_email", "sato.hanako@example.jp")
    page.select_option("#id_language", "ja")
    page.locator("input[name=_save]").click()
    assert "sato.hanako@example.jp" in page.locator(".messagelist").inner_text()

    received = smtp_delivery.received_by("sato.hanako@example.jp")
    assert len(received) == 1
    text = _text(received[0])
    assert "佐藤花子" in text and "資料" in text, text
    link = re.search(r"https?://\S+/aftercare/speakers/[0-9a-f-]+/", text).group(0)
    link = live_server.url + link[link.index("/aftercare/") :]

    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ja", "url": live_server.url}])
    page.goto(link)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    slides = tmp_path / "slides.pdf"
    slides.write_bytes(PDF)
    page.select_option("#id_kind", "slides")
    page.fill("#id_title", "横浜市のスマートシティ政策")
    page.set_input_files("#id_file", str(slides))
    page.locator("#speaker-form button[type=submit]").click()
    assert "横浜市のスマートシティ政策" in page.locator("#speaker-materials").inner_text()
    assert Material.objects.get(speaker__email="sato.hanako@example.jp").occurrence_id == past.pk

    # The official who attended the past workshop finds it with the workshop's materials.
    page.context.clear_cookies()
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/occurrences/sample-cjk-workshop-past/")
    with page.expect_download() as download:
        page.locator("#materials").get_by_role("link", name="横浜市のスマートシティ政策").click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    # Withdrawn, the link opens nothing more.
    SpeakerInvitation.objects.filter(email="sato.hanako@example.jp").update(revoked=True)
    response = page.goto(link)
    assert response.status == 404
