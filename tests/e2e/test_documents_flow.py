"""Certificates and visa letters in Chromium, with the demo's GAOK staff member ("Program staff")
and the demo's officials.

The ceremony is refused before the last day and held after it from its confirmation page; the
certificate's QR code, read from the PDF, opens the public verification page, which says
"revoked" once staff revoke it. A visa letter is issued by staff after the official entered his
passport details, downloaded from "My registrations" and verified the same way. The
verification page is read in all five languages at phone width."""

import io
from pathlib import Path

import pytest
import zxingcpp
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from cohorts.models import Certificate
from participants.models import Participant, Registration
from participants.services import registration_transition
from tests.e2e.logins import log_in, log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
PHONE = {"width": 390, "height": 844}
VALID = {
    "en": "This document was issued through this portal and is current.",
    "ko": "이 문서는 이 포털에서 발급되었으며 현재 유효합니다.",
    "zh-hans": "本文件经本门户签发，目前有效。",
    "zh-hant": "本文件經本入口網站簽發，目前有效。",
    "ja": "この文書は本ポータルで発行され、現在有効です。",
}
REVOKED = {"en": "Revoked.", "ko": "취소됨.", "zh-hans": "已撤销。", "zh-hant": "已撤銷。", "ja": "取り消し済み。"}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    staff = get_user_model().objects.get(email="staff@example.org")
    assert staff.groups.filter(name="Program staff").exists()  # the demo's own role, no extra rights
    return staff


def qr_urls(pdf_bytes):
    urls = []
    for pdf_page in PdfReader(io.BytesIO(pdf_bytes)).pages:
        for image in pdf_page.images:
            urls += [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)).convert("L"))]
    return urls


def check_verification_page_in_every_language(page, url, verify_url, expected):
    """The public page at 390 px, in each language: the verdict, and nothing wider than the phone."""
    page.set_viewport_size(PHONE)
    for language, text in expected.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
        page.goto(verify_url)
        assert text in page.locator("#verify-result").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})


def test_staff_hold_the_ceremony_after_the_last_day_only_and_revoke_a_verified_certificate(page, live_server, demo):
    url = live_server.url
    future = Occurrence.objects.get(slug="sample-k2h-cohort")
    past = Occurrence.objects.get(slug="sample-cjk-workshop-past")
    log_in_admin(page, url, "staff@example.org")

    # Before the last day: the confirmation page says why, and offers nothing to click.
    page.goto(f"{url}/admin/workshops/occurrence/{future.pk}/ceremony/")
    assert (
        "the certification ceremony can be held from its last day on" in page.locator("#ceremony-refusal").inner_text()
    )
    assert page.locator("#ceremony-form").count() == 0
    assert not Certificate.objects.exists()

    # After it: from the occurrence's page to the confirmation, which names both groups.
    page.goto(f"{url}/admin/workshops/occurrence/{past.pk}/change/")
    page.locator(".cohort-ceremony a.button").click()
    completing = page.locator("#ceremony-completing").inner_text()
    assert "SATO Yuki" in completing and "WANG Fang" in completing and "KIM Minji" not in completing
    assert "attended 1 of 2 days (50%), below the 100% needed" in page.locator("#ceremony-not-completing").inner_text()
    page.locator("#ceremony-form [type=submit]").click()
    assert "2 certificates issued" in page.locator(".messagelist").inner_text()

    certificate = Certificate.objects.get(registration__participant__family_name="Wang")
    assert certificate.issued_on == timezone.localdate()
    [verify_url] = qr_urls(certificate.file.read())
    assert verify_url == f"{url}/verify/{certificate.verification.token}/"
    page.goto(verify_url)
    facts = page.locator("#verify-facts").inner_text()
    assert certificate.number in facts and "WANG Fang (王芳)" in facts
    check_verification_page_in_every_language(page, url, verify_url, VALID)

    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/cohorts/certificate/{certificate.pk}/change/")
    page.locator("a.revoke-link").click()
    page.fill("#id_reason", "   ")  # a blank reason passes the browser's check, not ours
    page.locator("#revoke-form [type=submit]").click()
    assert page.locator("#revoke-form .errorlist").count() == 1
    assert not Certificate.objects.filter(verification__revoked_at__isnull=False).exists()
    page.fill("#id_reason", "Attendance was recorded for the wrong person")
    page.locator("#revoke-form [type=submit]").click()
    assert "is revoked; its holder is told" in page.locator(".messagelist").inner_text()
    check_verification_page_in_every_language(page, url, verify_url, REVOKED)


def test_visa_letter_issued_by_staff_downloaded_by_the_official_and_verified(page, live_server, demo):
    url = live_server.url
    nguyen = Participant.objects.get(email="nguyen.van.an@example.org")
    official = get_user_model().objects.create_user(email=nguyen.email, password=DEMO_PASSWORD)
    official.email_verified_at = timezone.now()
    official.save()
    nguyen.user = official
    nguyen.save()
    registration = nguyen.registrations.get(occurrence__slug="sample-k2h-cohort")
    registration_transition(registration=registration, to_status=Registration.Status.ACCEPTED)  # reviewed

    # The official, on a phone, enters his passport details from his registration page.
    page.set_viewport_size(PHONE)
    log_in(page, url, nguyen.email, DEMO_PASSWORD)
    page.goto(f"{url}/registrations/")
    page.get_by_role("link", name=registration.occurrence.title).first.click()
    page.locator("#passport-box a").click()
    page.fill("#id_full_name", "Nguyen Van An")
    page.select_option("#id_nationality", "VN")
    page.fill("#id_number", "c 1234567")
    page.fill("#id_expires_on", "2035-01-31")
    page.locator("main form button[type=submit]").click()
    assert "passport details are saved" in page.locator("#passport-box").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Staff issue the letter from the registrations list.
    staff_page = page.context.browser.new_context(locale="en-US").new_page()
    log_in_admin(staff_page, url, "staff@example.org")
    staff_page.goto(f"{url}/admin/participants/registration/?occurrence__id__exact={registration.occurrence_id}")
    staff_page.locator(f"input.action-select[value='{registration.pk}']").check()
    staff_page.select_option("select[name=action]", "issue_invitation_letters")
    staff_page.locator("button[name=index]").click()
    assert "issued to NGUYEN Van An" in staff_page.locator(".messagelist").inner_text()
    staff_page.context.close()

    # The official downloads it from "My registrations".
    page.goto(f"{url}/registrations/{registration.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_download() as download:
        page.locator("#invitation-letters a").click()
    data = Path(download.value.path()).read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "NGUYEN VAN AN" in text and "C1234567" in text and "Vietnam" in text
    letter = registration.invitation_letters.get()
    assert letter.reference in text
    [verify_url, *_second_page] = qr_urls(data)
    page.goto(verify_url)
    assert "Visa invitation letter" in page.locator("#verify-facts").inner_text()
    check_verification_page_in_every_language(page, url, verify_url, VALID)
