"""Applications by organizations on a phone (390 px, Chromium), as the demo's Gyeonggi official
uses them in Korean: the menu, the Applications page's open calls, the form, the confirmation and
the status, the Korean email as the SMTP server received it; then the withdrawal (confirmation
page, the place freed on the cached public page, the Korean email), applying again and, once
staff accept, being told in Korean that it can no longer be withdrawn; the occurrence page telling a
visitor that local governments apply; and the Applications page in Traditional Chinese. No page is
wider than the screen or has a serious accessibility violation."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from accounts.models import User
from applications.models import OrganizationApplication, OrganizationCall
from applications.services import application_decide

from .logins import log_in
from .test_accessibility import AXE, RUN_AXE_JS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTH = 390


@pytest.fixture
def demo(smtp_delivery):
    call_command("load_demo", stdout=io.StringIO())
    return smtp_delivery


def _fits(page):
    """No sideways scrolling, and no serious WCAG 2.1 AA violation (axe-core)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{page.url} is {width} px wide"
    page.evaluate(AXE.read_text())
    assert page.evaluate(RUN_AXE_JS) == [], page.url


def _phone(browser, url, language):
    context = browser.new_context(locale="en-US", viewport={"width": WIDTH, "height": 844})
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": url}])
    return context.new_page()


def _apply(page, needs):
    page.fill("#id_contact_name", "이서연")
    page.fill("#id_contact_phone", "+82 31-000-0000")
    page.fill("#id_needs", needs)
    page.fill("#id_preferred_dates", "5월 하순")
    page.fill("#id_attendees", "40")
    page.locator("#application-form button[type=submit]").click()
    page.wait_for_selector("#application-status")


def _label(status, language):
    with translation.override(language):
        return str(OrganizationApplication.Status(status).label)


def _mail(smtp_server, address, link, subject_part):
    [mail] = [
        m
        for m in smtp_server.received_by(address)
        if link in m.get_body(preferencelist=("plain",)).get_content() and subject_part in str(m["Subject"])
    ]
    # A long encoded subject starts on a folded line: the parser keeps the fold's space.
    return str(mail["Subject"]).strip(), mail.get_body(preferencelist=("plain",)).get_content()


def test_a_local_government_applies_and_withdraws_in_korean_on_a_phone(page, live_server, demo):
    url = live_server.url
    call = OrganizationCall.objects.select_related("occurrence").get(
        occurrence__program__slug="glocalization-lecturing"
    )
    occurrence = call.occurrence
    title_ko = occurrence.title_ko
    assert (call.places, call.places_taken) == (12, 3)  # the demo's three sample applications
    submitted, withdrawn = _label("submitted", "ko"), _label("withdrawn", "ko")
    assert (submitted, withdrawn) == ("제출됨", "철회됨")

    # A visitor's phone: the occurrence page says local governments apply (cached whole for visitors).
    visitor = _phone(page.context.browser, url, "ko")
    visitor.goto(f"{url}{occurrence.get_absolute_url()}")
    box = visitor.locator("#organization-call").inner_text()
    assert "지방자치단체 신청" in box
    assert "12곳 중 9곳 남음." in box
    assert visitor.locator("#organization-apply").is_visible()
    assert visitor.locator("#register-box").inner_text().strip() == ""  # no "Registration is not open."
    _fits(visitor)

    # Gyeonggi's official, in Korean at 390 px: the menu, then Applications.
    page.set_viewport_size({"width": WIDTH, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": url}])
    log_in(page, url, "requester@example.org")
    _fits(page)
    assert not page.locator("#nav-applications").is_visible()  # folded into the menu
    page.locator("#krds-header .btn-menu").click()
    page.locator("#nav-applications").click()
    page.wait_for_selector("#open-calls")
    assert page.locator("h1").inner_text() == "소속 지방자치단체의 신청"
    lecturing = page.locator(".open-call", has_text=title_ko)
    assert "12곳 중 9곳 남음." in lecturing.inner_text()
    _fits(page)
    lecturing.locator(".open-call-apply").click()

    # The form, in Korean.
    page.wait_for_selector("#application-form")
    assert page.locator("#id_organization option:checked").inner_text() == "경기도"
    _fits(page)
    _apply(page, "축제 담당 공무원을 위한 국제 의전 강의")

    # The Korean confirmation and status.
    page.wait_for_selector("#application-status")
    assert page.locator("main .alert-success").inner_text() == (
        "경기도의 신청이 접수되었습니다. 협의회 담당자가 검토한 뒤 연락드립니다."
    )
    assert page.locator("#application-status").inner_text() == submitted
    assert "축제 담당 공무원을 위한 국제 의전 강의" in page.locator("main").inner_text()
    assert submitted in page.locator("#application-history").inner_text()
    _fits(page)
    application = OrganizationApplication.objects.get(organization__slug="gyeonggi", call=call)
    assert application.submitted_by.email == "requester@example.org"
    link = f"/applications/{application.pk}/"
    assert page.url == f"{url}{link}"

    # The Korean email, as the SMTP server received it.
    subject, text = _mail(demo, "requester@example.org", link, "경기도")
    assert subject == f"경기도이(가) {title_ko}에 신청했습니다"
    assert "신청을 접수했습니다. 협의회 담당자가 검토한 뒤 연락드립니다." in text
    assert f"{url}{link}" in text

    # The occurrence page shows the official their local government's application.
    page.goto(f"{url}{occurrence.get_absolute_url()}")
    assert f"경기도 신청 상태: {submitted}." in page.locator("#organization-call-applied").inner_text()
    assert page.locator("#organization-apply").count() == 0
    _fits(page)
    visitor.reload()
    assert "12곳 중 8곳 남음." in visitor.locator("#organization-call").inner_text()

    # Withdrawing: the button, the confirmation page, then the place is free at once.
    page.locator("#organization-call-applied a").click()
    page.locator("#application-withdraw").click()
    assert page.locator("h1").inner_text() == "신청을 철회하시겠습니까?"
    assert "경기도" in page.locator("#withdraw-warning").inner_text()
    _fits(page)
    assert OrganizationApplication.objects.get(pk=application.pk).status == "submitted"  # not before confirming
    page.locator("#withdraw-form button[type=submit]").click()
    page.wait_for_selector("main .alert-success")
    assert page.locator("main .alert-success").inner_text() == (
        "경기도의 신청이 철회되었습니다. 해당 자리는 다른 지방자치단체가 신청할 수 있습니다."
    )
    assert page.locator("#application-status").inner_text() == withdrawn
    assert withdrawn in page.locator("#application-history").inner_text()
    assert page.locator("#application-withdraw").count() == 0
    _fits(page)
    assert OrganizationCall.objects.get(pk=call.pk).places_taken == 3
    visitor.reload()
    assert "12곳 중 9곳 남음." in visitor.locator("#organization-call").inner_text()
    subject, text = _mail(demo, "requester@example.org", link, "철회")
    assert "경기도" in subject and title_ko in subject
    assert "귀 지방자치단체의 요청에 따라 신청이 철회되었습니다." in text

    # Gyeonggi applies again from the occurrence page; once staff accept, it cannot withdraw here.
    page.goto(f"{url}{occurrence.get_absolute_url()}")
    page.locator("#organization-apply").click()
    _apply(page, "외국인 방문객 응대를 위한 국제 교류 강의")
    again = OrganizationApplication.objects.get(organization__slug="gyeonggi", call=call, status="submitted")
    application_decide(application=again, to_status="accepted", by=User.objects.get(email="staff@example.org"))
    page.reload()
    assert page.locator("#application-status").inner_text() == _label("accepted", "ko")
    assert page.locator("#application-withdraw").count() == 0
    page.goto(f"{url}/applications/{again.pk}/withdraw/")
    assert page.locator("main .alert-danger").inner_text() == (
        "협의회 담당자가 이미 이 신청을 승인했으므로 여기에서는 더 이상 철회할 수 없습니다. "
        "경기도이(가) 참여할 수 없게 되었다면 주최 측에 연락해 주십시오."
    )
    assert page.url == f"{url}/applications/{again.pk}/"
    assert OrganizationApplication.objects.get(pk=again.pk).status == "accepted"
    _fits(page)

    # The Applications page in Traditional Chinese, on the same phone size.
    taiwan = _phone(page.context.browser, url, "zh-hant")
    log_in(taiwan, url, "requester@example.org")
    taiwan.locator("#krds-header .btn-menu").click()
    taiwan.locator("#nav-applications").click()
    taiwan.wait_for_selector("#application-list")
    main = taiwan.locator("main").inner_text()
    assert taiwan.locator("h1").inner_text() == "貴地方政府的申請"
    assert "正在接受申請" in main and "已提交的申請" in main
    rows = taiwan.locator("#application-list").inner_text()
    assert _label("withdrawn", "zh-hant") in rows and _label("accepted", "zh-hant") in rows
    _fits(taiwan)
