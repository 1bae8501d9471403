"""The Online Bureau in Chromium as the demo's people use it: a Gyeonggi requester files a
translation request with two files (a disguised one is refused first) and adds a message, which
reaches the handling department's staff by email; Bureau staff write an
internal note and answer in the admin, the requester reads the answer (never the note) and the
email arrives at the SMTP server; a colleague sees the request, Suwon's requester gets a 404.
Then the requester's pages in each language at 390 px."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from bureau.models import ServiceRequest

from .logins import log_in, log_in_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n% the MOU to translate\n"


@pytest.fixture
def demo(settings, smtp_delivery, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    return smtp_delivery


def _fill_request(page, attachments):
    page.select_option("#id_service", "translation")
    page.fill("#id_subject", "Translate our MOU with Taipei")
    page.fill("#id_body", "Please translate the attached MOU into English.")
    page.select_option("#id_source_language", "ko")
    page.select_option("#id_target_language", "en")
    page.set_input_files("#id_attachments", attachments)
    page.locator("main form button[type=submit]").click()


def test_requester_files_staff_answer_requester_reads_and_the_email_arrives(page, live_server, demo):
    url = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in(page, url, "requester@example.org")
    page.get_by_role("link", name="Online Bureau", exact=True).first.click()
    page.click("#bureau-new")
    _fill_request(page, [{"name": "mou.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00not a pdf"}])
    assert "“mou.pdf” is not a file the Bureau accepts" in page.locator("main").inner_text()
    assert page.input_value("#id_subject") == "Translate our MOU with Taipei"
    assert not ServiceRequest.objects.filter(subject="Translate our MOU with Taipei").exists()
    _fill_request(
        page,
        [
            {"name": "mou.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "glossary.txt", "mimeType": "text/plain", "buffer": "자매도시 = sister city".encode()},
        ],
    )
    page.wait_for_selector("#bureau-timeline")
    request = ServiceRequest.objects.get(subject="Translate our MOU with Taipei")
    assert request.reference in page.locator("h1").inner_text()
    states = page.locator("#bureau-timeline li").evaluate_all("items => items.map(i => i.dataset.state)")
    assert states == ["done", "done", "done", "current", "todo", "todo"]
    assert "Interpretation and Translation Team" in page.locator("#request-department").inner_text()
    assert page.get_by_role("link", name="mou.pdf").count() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="glossary.txt").click()
    assert Path(download.value.path()).read_bytes() == "자매도시 = sister city".encode()
    page.fill("#bureau-message-form #id_body", "Taipei prefers traditional characters.")
    page.locator("#bureau-message-form button[type=submit]").click()
    page.wait_for_selector("text=Your message has been sent to the Bureau.")
    to_department = [m for m in demo.received_by("bureau.language@example.org") if request.reference in m["Subject"]]
    assert [m["Subject"] for m in to_department] == [f"New message on Online Bureau request {request.reference}"]
    text = to_department[0].get_body(("plain",)).get_content()
    assert "Taipei prefers traditional characters." in text and f"/admin/bureau/servicerequest/{request.pk}/" in text
    assert not [m for m in demo.received_by("bureau.exchange@example.org") if request.reference in m["Subject"]]

    staff = page.context.browser.new_context(locale="en-US").new_page()
    log_in_admin(staff, url, "bureau.language@example.org")
    staff.goto(f"{url}/admin/bureau/servicerequest/")
    staff.get_by_role("link", name=request.reference).click()
    staff.get_by_role("link", name="Write", exact=True).click()
    staff.fill("#id_body", "Check the glossary with the Taipei office")
    staff.check("#id_internal")
    staff.locator("input[type=submit]").click()
    staff.get_by_role("link", name="Next step").click()
    staff.select_option("#id_to_status", "final_response")
    staff.fill("#id_response", "The English MOU is ready; we will send it by post too.")
    staff.locator("input[type=submit]").click()
    staff.wait_for_selector(".messagelist")
    staff.context.close()

    page.reload()
    conversation = page.locator("#bureau-conversation").inner_text()
    assert "The English MOU is ready" in conversation
    assert "Check the glossary" not in page.content()
    assert page.locator("#bureau-timeline li").last.get_attribute("data-state") == "done"
    mails = demo.received_by("requester@example.org")
    final = [m for m in mails if request.reference in m["Subject"] and "최종 답변" in m["Subject"]]
    assert len(final) == 1  # the requester reads email in Korean
    assert "The English MOU is ready" in final[0].get_body(("plain",)).get_content()

    page.locator("#nav-user-email").wait_for()
    colleague = page.context.browser.new_context(locale="en-US").new_page()
    log_in(colleague, url, "requester.colleague@example.org")
    colleague.goto(f"{url}/bureau/{request.reference}/")
    assert "The English MOU is ready" in colleague.locator("#bureau-conversation").inner_text()
    colleague.context.close()
    stranger = page.context.browser.new_context(locale="en-US").new_page()
    log_in(stranger, url, "requester.suwon@example.org")
    assert stranger.goto(f"{url}/bureau/{request.reference}/").status == 404
    stranger.context.close()


HEADINGS = {
    "/bureau/": {
        "ko": "온라인 사무소",
        "en": "Online Bureau",
        "zh-hans": "在线办事处",
        "zh-hant": "線上辦事處",
        "ja": "オンライン事務所",
    },
    "/bureau/new/": {
        "ko": "온라인 사무소에 새 요청",
        "en": "New request to the Online Bureau",
        "zh-hans": "向在线办事处提交新请求",
        "zh-hant": "向線上辦事處提交新請求",
        "ja": "オンライン事務所への新しい依頼",
    },
}
STEPS = {"ko": "처리 단계", "en": "Steps", "zh-hans": "处理步骤", "zh-hant": "處理步驟", "ja": "処理の段階"}


def test_requester_pages_in_each_language_at_phone_width(page, live_server, demo):
    url = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, url, "requester@example.org")
    problems = []
    for language, steps in STEPS.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
        pages = {**{path: names[language] for path, names in HEADINGS.items()}, "/bureau/OB-SAMPLE-005/": None}
        for path, heading in pages.items():
            page.goto(url + path)
            where = f"{language} {path}"
            if page.locator("html").get_attribute("lang").lower() != language:
                problems.append(f"{where}: lang")
            if heading and page.locator("h1").inner_text().strip() != heading:
                problems.append(f"{where}: heading {page.locator('h1').inner_text()!r}")
            if page.evaluate("document.documentElement.scrollWidth") > 390:
                problems.append(f"{where}: wider than the screen")
        if steps not in page.locator("main").inner_text():
            problems.append(f"{language}: the timeline heading is not translated")
        if "Ask the Tokyo office" in page.content() or "second week of May" not in page.content():
            problems.append(f"{language}: the conversation shows the wrong messages")
    assert not problems, "\n".join(problems)


def test_staff_queue_puts_the_late_sample_first_and_the_monthly_report_counts_it(page, live_server, demo):
    from django.utils import timezone

    from bureau.models import ServiceRequest

    url = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": url}])
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/bureau/servicerequest/")
    late = list(ServiceRequest.objects.filter(overdue_since__isnull=False).values_list("reference", flat=True))
    assert late  # the demo's newest sample waits past its hour to be registered
    first_rows = page.locator("#result_list tbody tr th a").all_inner_texts()[: len(late)]
    assert sorted(first_rows) == sorted(late)
    page.get_by_role("link", name="Monthly report").click()
    this_month = ServiceRequest.objects.filter(
        created_at__gte=timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    ).count()
    assert page.locator("#chart-types rect").count() == 5
    assert page.locator("#report-total").inner_text().startswith(f"{this_month} requests")
    with page.expect_download() as download:
        page.click("#report-xlsx")
    assert download.value.suggested_filename.startswith("online-bureau-")
    bureau_language = page.context.browser.new_context(locale="en-US").new_page()
    log_in_admin(bureau_language, url, "bureau.language@example.org")
    bureau_language.goto(f"{url}/admin/bureau/servicerequest/")
    shown = set(bureau_language.locator("#result_list tbody tr th a").all_inner_texts())
    translation = set(
        ServiceRequest.objects.filter(service="translation", department__isnull=False).values_list(
            "reference", flat=True
        )
    )
    assert shown == translation
    bureau_language.context.close()
