"""The best-practice library in Chromium at 390 px in each of the five languages: a visitor filters
by research area and country and finds the sample Japanese welfare report, and only it."""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = {
    # heading, the welfare area's name, Japan's name
    "ko": ("우수사례 자료실", "복지", "일본"),
    "en": ("Best-practice library", "Welfare", "Japan"),
    "zh-hans": ("优秀案例资料库", "福利", "日本"),
    "zh-hant": ("優秀案例資料庫", "福利", "日本"),
    "ja": ("優良事例ライブラリ", "福祉", "日本"),
}
REPORT = "高齢者見守りネットワークの事例（サンプル）"


def test_report_found_by_area_and_country_in_each_language(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for language, (heading, area, japan) in LANGUAGES.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/library/")
        if page.locator("h1").inner_text() != heading:
            problems.append(f"{language}: heading {page.locator('h1').inner_text()!r}")
        if page.locator("#library-results .report").count() != 4:
            problems.append(f"{language}: {page.locator('#library-results .report').count()} reports listed")
        page.select_option("#id_area", label=area)
        page.select_option("#id_country", label=japan)
        page.locator("#library-search button[type=submit]").click()
        page.wait_for_url("**/library/?*")
        titles = page.locator("#library-results .report h2").all_inner_texts()
        if titles != [REPORT]:
            problems.append(f"{language}: found {titles}")
        elif page.locator("#library-results .report h2").get_attribute("lang") != "ja":
            problems.append(f"{language}: the Japanese title is not marked lang=ja")
        if page.locator(".report-area").first.inner_text() != area:
            problems.append(f"{language}: area shown as {page.locator('.report-area').first.inner_text()!r}")
        if page.evaluate("document.documentElement.scrollWidth") > 390:
            problems.append(f"{language}: wider than the screen")
    assert not problems, "\n".join(problems)
    with page.expect_download() as download:
        page.get_by_role("link", name="報告書をダウンロード").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_next_page_keeps_the_search_and_filters(page, live_server):
    from aftercare.models import BestPractice, ResearchArea

    welfare = ResearchArea.objects.create(slug="welfare", name_en="Welfare", order=1)
    for number in range(22):
        BestPractice.objects.create(
            area=welfare, country="JP", year=2020, language="ja", title=f"見守り {number:02d}", summary="s",
            is_published=True,
        )  # fmt: skip
    for country in ("DE", "KR", "CN"):
        BestPractice.objects.create(
            area=welfare, country=country, year=2020, language="en", title=f"Elsewhere {country}", summary="s",
            is_published=True,
        )  # fmt: skip
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(f"{live_server.url}/library/")
    page.select_option("#id_country", label="Japan")
    page.fill("#id_q", "見守り")
    page.locator("#library-search button[type=submit]").click()
    page.wait_for_url("**/library/?*")
    page.get_by_role("link", name="Next").click()
    page.wait_for_url("**page=2*")
    assert "22 reports" in page.locator("#library-count").inner_text()
    assert len(page.locator("#library-results .report h2").all_inner_texts()) == 2
    assert all(t.startswith("見守り") for t in page.locator("#library-results .report h2").all_inner_texts())
    assert (page.input_value("#id_country"), page.input_value("#id_q")) == ("JP", "見守り")
    page.get_by_role("link", name="Previous").click()
    page.wait_for_url("**page=1*")
    assert page.input_value("#id_country") == "JP"
