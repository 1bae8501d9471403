"""Tables and lists at phone width (390 px), in each of the five languages: the CJK workshop's
editions and the Bureau's requests stack their rows, each cell under its column's name; the
statistics scroll sideways with the occurrence column held in place; "My registrations" and the
check-in roster (a table whose rows stack) fit. No page wider than the phone, no cell cut off."""

import io

import pytest
from django.core.management import call_command

from tests.e2e.logins import log_in, log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")
PHONE = {"width": 390, "height": 844}

# Every cell of a stacked table lies inside the screen and shows all its content.
CLIPPED_CELLS_JS = """
(selector) => {
  const clipped = [];
  for (const cell of document.querySelectorAll(selector + " td")) {
    if (!cell.offsetParent) continue;
    const box = cell.getBoundingClientRect();
    if (box.right > window.innerWidth + 0.5 || cell.scrollWidth > cell.clientWidth + 1)
      clipped.push(cell.innerText.slice(0, 40));
  }
  return clipped;
}
"""
LABEL_JS = "(cell) => getComputedStyle(cell, '::before').content"


def _wide(page):
    return page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]


def test_editions_table_stacks_its_rows_on_a_phone_in_each_language(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size(PHONE)
    problems = []
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/programs/cjk-trilateral-workshop/")
        table = page.locator("table.table-editions")
        assert table.count() == 1
        if _wide(page):
            problems.append(f"{language}: the page is wider than the phone")
        clipped = page.evaluate(CLIPPED_CELLS_JS, "table.table-editions")
        if clipped:
            problems.append(f"{language}: cells cut off: {clipped[:3]}")
        header = table.locator("thead th").nth(3).inner_text()  # "Details" in the language
        details_cell = table.locator("tbody tr").first.locator("td").nth(3)
        if details_cell.evaluate(LABEL_JS) != f'"{header}"':
            problems.append(f"{language}: the details cell is labelled {details_cell.evaluate(LABEL_JS)}")
        # Stacked: the date sits under the number, not beside it.
        date_box = table.locator("tbody tr").first.locator("td").nth(1).bounding_box()
        place_box = table.locator("tbody tr").first.locator("td").nth(2).bounding_box()
        if not place_box["y"] >= date_box["y"] + date_box["height"] - 1:
            problems.append(f"{language}: the row is not stacked")
    assert not problems, "\n".join(problems)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/programs/cjk-trilateral-workshop/")
    assert page.locator("table.table-editions thead").is_visible()  # an ordinary table on a desktop


def test_statistics_scroll_sideways_with_the_first_column_held(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size(PHONE)
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/record/programs/cjk-trilateral-workshop/statistics/")
        assert not _wide(page), language
        for table_id in ("per-occurrence-table", "per-year-table"):
            holder = page.locator(f"#{table_id}").locator("xpath=..")
            first = page.locator(f"#{table_id} tbody tr").first.locator("th")
            assert first.evaluate("el => getComputedStyle(el).position") == "sticky"
            if holder.evaluate("el => el.scrollWidth <= el.clientWidth"):
                continue  # the whole table fits this phone: nothing to scroll
            before = first.bounding_box()["x"]
            holder.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
            assert holder.evaluate("el => el.scrollLeft") > 0, f"{language} {table_id}: the table does not scroll"
            assert abs(first.bounding_box()["x"] - before) < 1, f"{language} {table_id}: the first column moved"
    # At 320 px (the narrowest phones) the per-occurrence figures no longer fit and must scroll.
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(f"{live_server.url}/record/programs/cjk-trilateral-workshop/statistics/")
    holder = page.locator("#per-occurrence-table").locator("xpath=..")
    first = page.locator("#per-occurrence-table tbody tr").first.locator("th")
    before = first.bounding_box()["x"]
    holder.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert holder.evaluate("el => el.scrollLeft") > 0
    assert abs(first.bounding_box()["x"] - before) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_my_registrations_and_check_in_roster_fit_a_phone(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "official@example.org")
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/registrations/")
        assert page.locator(".registration-card").count() >= 1
        assert not _wide(page), f"{language}: my registrations"
    page.context.clear_cookies()

    cohort = Occurrence.objects.get(slug="sample-k2h-cohort")
    log_in_admin(page, live_server.url, "checkin@example.org")
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/staff/occurrences/{cohort.pk}/checkin/?q=a")
        rows = page.locator(".checkin-results tbody tr")
        assert rows.count() >= 2, language
        assert not _wide(page), f"{language}: check-in"
        assert page.evaluate(CLIPPED_CELLS_JS, ".checkin-results") == [], f"{language}: check-in cells cut off"
        for index in range(rows.count()):
            box = rows.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, language
