"""The service pages on KRDS components (static/css/krds_services.css), as the demo's people who
use them see them, in Korean and English at 1280 and 390 px: no serious or critical axe-core
violation, nothing wider than the screen, and the KRDS parts in place (the Bureau's steps as a
step indicator, its conversation as cards, the tables as KRDS data tables that stack on a phone)."""

import io

import pytest
from django.core.management import call_command

from tests.e2e.logins import log_in
from tests.e2e.test_accessibility import _check

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ko", "en")
PUBLIC = {
    "public record": "/record/",
    "partnerships": "/record/partnerships/",
    "partnership": "/record/partnerships/taipei-gyeonggi-exchange-mou-2017/",
    "contact": "/contact/",
}
REQUESTER = {
    "bureau": "/bureau/",
    "bureau request": "/bureau/OB-SAMPLE-005/",
    "bureau new request": "/bureau/new/",
    "applications": "/applications/",
}


def _languages(page, url, pages, width, problems):
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])
        for name, path in pages.items():
            _check(page, url + path, f"{language} {width}px {name}", problems)


@pytest.mark.parametrize("width", (1280, 390))
def test_service_pages_pass_axe_and_fit_the_screen(page, live_server, width):
    call_command("load_demo", stdout=io.StringIO())
    url = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    _languages(page, url, PUBLIC, width, problems)

    log_in(page, url, "requester@example.org")
    _languages(page, url, REQUESTER, width, problems)
    page.goto(f"{url}/applications/")
    apply_url = page.locator(".open-call-apply[href*=glocalization-lecturing]").get_attribute("href")
    occurrence_url = page.locator("#open-calls .c-tit a[href*=glocalization-lecturing]").get_attribute("href")
    _languages(page, url, {"application form": apply_url, "occurrence with the call": occurrence_url}, width, problems)

    page.context.clear_cookies()
    log_in(page, url, "focal.china@example.org")
    page.goto(f"{url}/delegations/")
    page.locator(".allocation-link").click()
    page.fill("#id_one-family_name", "WANG")
    page.fill("#id_one-given_name", "Lei")
    page.fill("#id_one-email", "wang.lei@example.org")
    page.locator("#nominate-form button[type=submit]").click()
    page.locator(".nominee-row").wait_for()
    allocation = page.url.removeprefix(url)
    substitute = page.locator(".substitute-link").get_attribute("href")
    _languages(page, url, {"allocation": allocation, "substitute": substitute}, width, problems)
    assert not problems, "\n".join(problems)


def test_bureau_request_shows_krds_steps_and_a_stacked_table_on_a_phone(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    url = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ko", "url": url}])
    log_in(page, url, "requester@example.org")
    page.goto(f"{url}/bureau/")
    # Each request is one block under its column names, the header row kept for screen readers.
    first = page.locator("#bureau-requests tbody tr").first
    assert first.evaluate("row => getComputedStyle(row).display") == "block"
    assert first.locator("td").first.evaluate("cell => getComputedStyle(cell, '::before').content") == '"참조 번호"'
    page.goto(f"{url}/bureau/OB-SAMPLE-005/")
    steps = page.locator("ol.krds-step-wrap#bureau-timeline > li")
    assert steps.evaluate_all("items => items.map(i => i.dataset.state)") == [
        "done",
        "done",
        "done",
        "current",
        "todo",
        "todo",
    ]
    current = page.locator("#bureau-timeline > li[aria-current=step]")
    assert current.locator(".step-tit").inner_text() == "담당자 배정됨"
    assert "현재 단계" in current.inner_text()
    assert page.locator("#bureau-conversation article.structured-item").count() == 2
    assert page.locator("#bureau-conversation article.from-staff").count() == 1
    # A Korean step name keeps its words whole (word-break: keep-all), never one syllable a line.
    heights = steps.locator(".step-tit").evaluate_all(
        "titles => titles.map(t => t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).fontSize))"
    )
    assert all(height < 2 for height in heights), heights
