"""The alumni network on a 390 px phone in two languages: Sato Yuki, who attended the past sample
CJK workshop, joins its alumni directory in Japanese (from the collapsed menu; a form left wrong
says so in Japanese); the demo official, reading the portal in Simplified Chinese, finds her by
country and edition and writes to her; the email reaches Sato in Japanese as the SMTP server
received it, without the official's address; Sato replies through the portal; the official reports
the reply; past the day's limit the official is told so in Chinese and nothing is sent; Sato leaves
and the official's search no longer finds her. Every page walked fits the screen and shows no
English (or other Latin-script) string but the people's own names and words."""

import io

import pytest
from django import forms
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from aftercare.alumni import MESSAGES_PER_DAY
from aftercare.models import AlumniAbuseReport, AlumniEntry, AlumniMessage
from participants.models import Participant
from tests.e2e.logins import log_in
from tests.e2e.phone import PHONE, latin_leftovers, open_menu, wider_than_screen
from tests.support.emails import whole_email

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OFFICIAL, SATO = "official@example.org", "sato.yuki@example.org"
DIRECTORY = "/alumni/programs/cjk-trilateral-workshop/"
NOTE = "自治体間の青少年交流について話しましょう。"
TEXT = "佐藤先生，您好！明年春天我想访问横滨，可以见面吗？"
REPLY = "ぜひお会いしましょう。横浜でお待ちしています。"
REASON = "这条回复是测试举报。"


def _people_words():
    """What the people wrote or are called, which stays as they wrote it in every language; and the
    portal's contact address, its hosts' acronym and the time zone's."""
    words = {settings.PORTAL_CONTACT_EMAIL, "GAOK", "KST", OFFICIAL, SATO}
    for person in Participant.objects.filter(alumni_entries__isnull=False).distinct():
        words |= {person.family_name.upper(), person.given_name}
    for entry in AlumniEntry.objects.all():
        words |= {entry.organization, entry.position, entry.note}
    return words


def _required(language):
    """Django's "This field is required." as the portal's catalog words it in `language`."""
    with translation.override(language):
        return str(forms.Field.default_error_messages["required"])


def _as(page, url, email, language):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    log_in(page, url, email)


def test_alumni_walk_in_japanese_and_chinese_on_a_phone(page, live_server, smtp_delivery):
    call_command("load_demo", stdout=io.StringIO())
    allowed = _people_words()
    AlumniEntry.objects.filter(participant__email=SATO).delete()  # she has not joined yet
    url = live_server.url
    page.set_viewport_size(PHONE)
    problems = []

    def check(where, language):
        if page.locator("html").get_attribute("lang").lower() != language:
            problems.append(f"{where}: lang={page.locator('html').get_attribute('lang')}")
        if wide := wider_than_screen(page):
            problems.append(f"{where}: wider than the screen: {wide}")
        if left := latin_leftovers(page, allowed):
            problems.append(f"{where}: not in {language}: {left}")

    # Sato joins in Japanese, from the collapsed menu.
    _as(page, url, SATO, "ja")
    open_menu(page)
    page.locator("#nav-alumni").click()
    check("home (ja)", "ja")
    page.locator("#alumni-joinable").get_by_role("link", name="同窓生名簿に登録する").click()
    check("join form (ja)", "ja")
    # The portal checks the form, not the browser (whose bubble speaks the browser's language).
    page.select_option("#id_country", "")
    page.locator("#entry-submit").click()
    page.wait_for_selector("#entry-errors")
    assert page.locator("#entry-form .invalid-feedback").inner_text() == _required("ja") == "この項目は必須です。"
    check("join form with an error (ja)", "ja")
    assert not AlumniEntry.objects.filter(participant__email=SATO).exists()
    page.select_option("#id_country", "JP")
    page.fill("#id_note", NOTE)
    allowed.add(NOTE)
    page.locator("#entry-submit").click()
    page.wait_for_selector("#alumni-search")
    assert "同窓生名簿に登録しました" in page.locator("main").inner_text()
    check("directory (ja)", "ja")

    # The official, reading in Simplified Chinese, finds her by country and edition.
    _as(page, url, OFFICIAL, "zh-hans")
    open_menu(page)
    page.locator("#nav-alumni").click()
    page.locator("#alumni-entries a.directory-link").first.click()
    page.select_option("#id_country", label="日本")
    sato_entry = AlumniEntry.objects.get(participant__email=SATO)
    page.select_option("#id_edition", str(sato_entry.registration.occurrence_id))
    page.locator("#alumni-search button[type=submit]").click()
    page.wait_for_url("**country=JP*")
    found = page.locator("#alumni-results .alumnus")
    assert found.count() == 1 and "SATO Yuki" in found.inner_text() and NOTE in found.inner_text()
    assert SATO not in page.content()
    check("directory searched (zh-hans)", "zh-hans")
    found.locator(".alumnus-write").click()
    page.locator("#message-send").click()  # nothing written: the form says so, in Chinese
    page.wait_for_selector("#message-form .invalid-feedback")
    assert page.locator("#message-form .invalid-feedback").inner_text() == _required("zh-hans") == "该字段是必填项。"
    check("write, empty (zh-hans)", "zh-hans")
    page.fill("#id_body", TEXT)
    smtp_delivery.messages.clear()
    page.locator("#message-send").click()
    page.wait_for_selector("#alumni-search")
    assert "正在发送" in page.locator("main").inner_text()
    check("directory after sending (zh-hans)", "zh-hans")

    # The email as the SMTP server received it: in Japanese, without the official's address.
    [email] = smtp_delivery.received_by(SATO)
    body = email.get_body(("plain",)).get_content()
    assert "さんからのメッセージ（同窓生ネットワーク）" in email["Subject"], email["Subject"]
    assert TEXT in body and "の同窓生、Kim Minjiさん（韓国）から" in body, body
    assert OFFICIAL not in whole_email(email) and email["Reply-To"] is None
    message = AlumniMessage.objects.get(body=TEXT)
    link = f"{url}/alumni/messages/{message.pk}/"
    assert link in body

    # Sato reads it from the email's link and replies in Japanese.
    _as(page, url, SATO, "ja")
    page.goto(link)
    assert TEXT in page.locator("#message-body").inner_text() and OFFICIAL not in page.content()
    allowed.add(TEXT)
    check("message (ja)", "ja")
    smtp_delivery.messages.clear()
    page.fill("#id_body", REPLY)
    page.locator("#reply-send").click()
    assert "返信を送信しています。" in page.locator("main").inner_text()
    check("message after replying (ja)", "ja")
    [reply] = smtp_delivery.received_by(OFFICIAL)
    assert REPLY in reply.get_body(("plain",)).get_content() and SATO not in whole_email(reply)
    assert "동문 네트워크" in reply["Subject"]  # in the official's own language, Korean

    # The official reports the reply, in Chinese.
    _as(page, url, OFFICIAL, "zh-hans")
    page.goto(f"{url}/alumni/")
    page.locator("#alumni-messages a").first.click()
    assert REPLY in page.locator("#message-body").inner_text()
    allowed.add(REPLY)
    check("reply received (zh-hans)", "zh-hans")
    page.fill("#id_reason", REASON)
    page.locator("#report-send").click()
    assert "谢谢。工作人员将查看此消息。" in page.locator("main").inner_text()
    assert page.locator("#report-done").is_visible()
    check("reply reported (zh-hans)", "zh-hans")
    assert AlumniAbuseReport.objects.get(message__body=REPLY).reason == REASON

    # Past the day's limit (the earlier messages written straight to the database), the official
    # is told so in Chinese, and nothing is sent.
    official = Participant.objects.get(email=OFFICIAL)
    already = AlumniMessage.objects.filter(sender=official).count()
    AlumniMessage.objects.bulk_create(
        AlumniMessage(program=message.program, sender=official, recipient=message.recipient, body=f"{n}")
        for n in range(MESSAGES_PER_DAY - already)
    )
    page.goto(f"{url}/alumni/programs/cjk-trilateral-workshop/write/{sato_entry.pk}/")
    page.fill("#id_body", TEXT)
    smtp_delivery.messages.clear()
    page.locator("#message-send").click()
    assert "已达校友网络的上限。此消息未发送，请明天再试。" in page.locator("#message-error").inner_text()
    assert page.input_value("#id_body") == TEXT  # what was written is still there
    check("over the limit (zh-hans)", "zh-hans")
    assert AlumniMessage.objects.filter(sender=official).count() == MESSAGES_PER_DAY
    assert smtp_delivery.received_by(SATO) == []

    # Sato leaves, from the collapsed menu; the official's search no longer finds her.
    _as(page, url, SATO, "ja")
    open_menu(page)
    page.locator("#nav-alumni").click()
    page.get_by_role("link", name="名簿から退会する").click()
    check("leave (ja)", "ja")
    page.locator("#leave-confirm").click()
    assert "同窓生名簿から退会しました" in page.locator("main").inner_text()
    check("home after leaving (ja)", "ja")
    assert not AlumniEntry.objects.filter(participant__email=SATO).exists()

    _as(page, url, OFFICIAL, "zh-hans")
    page.goto(f"{url}{DIRECTORY}?country=JP")
    assert page.locator("#alumni-results .alumnus").count() == 0
    assert page.locator("#alumni-empty").inner_text() == "没有符合搜索条件的校友。"
    check("directory after she left (zh-hans)", "zh-hans")
    assert not problems, "\n".join(problems)
