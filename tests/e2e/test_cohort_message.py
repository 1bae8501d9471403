"""The demo's GAOK staff member accepts the submitted officials of the sample speech contest (the
demo's Korean official, who reads Korean, and a second Korean official who reads English; the demo's
contestant LEE Seojun and the contest's eight contestants (demo/contest.py), who read Korean, are
accepted already), then writes to the contest's accepted officials in English and Korean; each
official receives it in their own language, as the SMTP server received it, with the occurrence's
Reply-To; the demo official reads it under "My registrations".
The demo's staff account writes as a member of "Program staff" (programs.roles), which holds
mailings.add_cohortmessage."""

import io

import pytest
from django.core.management import call_command

from demo.contest import CONTESTANTS
from mailings.models import CohortMessageRecipient
from participants.models import Participant, Registration
from participants.services import registration_submit
from tests.e2e.logins import log_in, log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
REPLY_TO = "cjk-desk@gaok.example.org"
EN_SUBJECT = "Your visit to {occurrence}"
EN_BODY = "Dear {name},\n\nPlease bring your passport to {location} on {dates}.\nYour registration: {link}"
KO_SUBJECT = "{occurrence} 방문 안내"
KO_BODY = "{name} 님,\n\n{dates}에 {location}(으)로 여권을 지참해 주십시오.\n신청 내역: {link}"


def test_staff_write_to_accepted_officials_in_two_languages(page, live_server, smtp_delivery):
    call_command("load_demo", stdout=io.StringIO())
    occurrence = Occurrence.objects.get(slug="sample-speech-contest")
    lee = Participant.objects.create(
        email="lee.jun@example.org", family_name="Lee", given_name="Jun", family_name_native="이",
        given_name_native="준", country="KR", admin_level=6, preferred_language="en", is_sample=True,
    )  # fmt: skip
    registration_submit(participant=lee, occurrence=occurrence, answers={"language": "en"}, consent=True)

    log_in_admin(page, live_server.url, "staff@example.org")
    # Staff accept the contest's submitted officials with the review action.
    page.goto(
        f"{live_server.url}/admin/participants/registration/?occurrence__id__exact={occurrence.pk}&status__exact=submitted"
    )
    page.check("#action-toggle")
    page.select_option("select[name=action]", "make_accepted")
    page.locator("button[name=index]").click()
    page.wait_for_selector(".messagelist .success")
    # The two officials, LEE Seojun and the contest's contestants, who all read Korean but LEE Jun.
    recipients = 3 + len(CONTESTANTS)
    assert Registration.objects.filter(occurrence=occurrence, status="accepted").count() == recipients
    smtp_delivery.messages.clear()

    page.goto(f"{live_server.url}/admin/workshops/occurrence/{occurrence.pk}/change/")
    page.fill("#id_reply_to_email", REPLY_TO)
    page.locator("input[name=_continue]").click()
    page.wait_for_selector(".messagelist .success")
    page.locator("#write-to-accepted").click()
    assert f"To {recipients} officials" in page.locator("#recipient-summary").inner_text()

    # A mistyped placeholder is refused with a clear error, and nothing is lost.
    page.fill("#id_subject_en", EN_SUBJECT)
    page.fill("#id_body_en", "Dear {nmae},")
    page.locator("input[name=_preview]").click()
    assert "Unknown placeholder {nmae}" in page.locator("#language-en .errorlist").inner_text()
    assert page.input_value("#id_subject_en") == EN_SUBJECT

    page.fill("#id_body_en", EN_BODY)
    page.locator("#language-ko summary").click()  # the other languages open on demand
    page.fill("#id_subject_ko", KO_SUBJECT)
    page.fill("#id_body_ko", KO_BODY)
    page.locator("input[name=_preview]").click()
    korean = page.locator("#preview-ko").inner_text()
    # Shown as the first Korean reader reads it: the demo contestant CHOI Yuna.
    assert f"{recipients - 1} recipients" in korean and "최유나 님," in korean and f"Reply-To: {REPLY_TO}" in korean
    english = page.locator("#preview-en").inner_text()
    assert "1 recipient" in english and "Dear Lee Jun," in english
    assert not smtp_delivery.messages  # a preview sends nothing

    page.locator("input[name=_send]").click()
    assert f"being sent to {recipients} officials" in page.locator(".messagelist .success").inner_text()

    by_address = {str(m["To"]): m for m in smtp_delivery.messages}
    assert sorted(by_address) == sorted(
        ["lee.jun@example.org", "lee.seojun@example.org", "official@example.org"] + [c[0] for c in CONTESTANTS]
    )
    # {occurrence} is the occurrence's title in each recipient's language.
    title, title_ko = occurrence.title_en, occurrence.title_ko
    assert title_ko and title_ko != title
    korean_mail = by_address["official@example.org"]
    # A long non-ASCII subject is folded after "Subject:"; mail clients unfold it without the space.
    assert korean_mail["Subject"].strip() == f"{title_ko} 방문 안내"
    assert korean_mail["Reply-To"] == REPLY_TO
    assert "김민지 님," in korean_mail.get_body(("plain",)).get_content()
    assert "이서준 님," in by_address["lee.seojun@example.org"].get_body(("plain",)).get_content()
    english_mail = by_address["lee.jun@example.org"]
    assert english_mail["Subject"].strip() == f"Your visit to {title}"
    assert english_mail["Reply-To"] == REPLY_TO
    assert "Dear Lee Jun," in english_mail.get_body(("plain",)).get_content()
    assert CohortMessageRecipient.objects.count() == recipients

    # Logged on the registration's admin page.
    sent = CohortMessageRecipient.objects.get(registration__participant__email="official@example.org")
    page.goto(f"{live_server.url}/admin/participants/registration/{sent.registration_id}/change/")
    assert f"{title_ko} 방문 안내" in page.locator("#content").inner_text()

    # The official reads it under "My registrations", in Korean.
    page.context.clear_cookies()
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/registrations/{sent.registration_id}/")
    messages = page.locator("#organizer-messages").inner_text()
    assert f"{title_ko} 방문 안내" in messages and "김민지 님," in messages


@pytest.mark.parametrize("language", ["ko", "en", "zh-hans", "zh-hant", "ja"])
def test_compose_preview_and_the_officials_page_in_each_language_on_a_phone(page, live_server, language):
    from django.utils import translation
    from django.utils.translation import gettext

    call_command("load_demo", stdout=io.StringIO())
    official = Registration.objects.get(
        participant__email="official@example.org", occurrence__slug="sample-speech-contest"
    )
    Registration.objects.filter(pk=official.pk).update(status="accepted")
    with translation.override(language):
        preview_heading, messages_heading = gettext("Preview"), gettext("Messages from the organizers")
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in_admin(page, live_server.url, "staff@example.org")
    page.goto(f"{live_server.url}/admin/participants/registration/message/?occurrence={official.occurrence_id}")
    page.fill("#id_subject_en", EN_SUBJECT)
    page.fill("#id_body_en", EN_BODY)
    page.locator("#language-ko summary").click()  # the other languages open on demand
    page.fill("#id_subject_ko", KO_SUBJECT)
    page.fill("#id_body_ko", KO_BODY)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("input[name=_preview]").click()
    assert page.locator("#write-message h2").first.inner_text() == preview_heading
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("input[name=_send]").click()
    page.wait_for_selector(".messagelist .success")

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in(page, live_server.url, "official@example.org")
    page.goto(f"{live_server.url}/registrations/{official.pk}/")
    assert page.locator("#organizer-messages h2").inner_text() == messages_heading
    assert "김민지 님," in page.locator("#organizer-messages").inner_text()  # her own language, whatever the UI's
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
