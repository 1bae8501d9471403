"""The public record at phone width (390 px) in each of the five languages, in Chromium: the
visitor reaches it from the navigation, reads each program's history, the statistics with their
SVG charts and tables, the partnerships registry and the Taipei-Gyeonggi MOU, and nothing is wider
than the screen."""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What each page says in each language (its heading), and a fact from the seeds on it.
PAGES = {
    "/record/": {
        "ko": "공개 기록",
        "en": "Public record",
        "zh-hans": "公开记录",
        "zh-hant": "公開紀錄",
        "ja": "公開記録",
    },
    "/record/programs/cjk-trilateral-workshop/": {
        "ko": "한일중 3국 공무원 교류 워크숍의 역사",
        "en": "History of Korea-Japan-China Trilateral Cooperation Workshop for Public Officials",
        "zh-hans": "韩日中三国公务员合作研讨会的历程",
        "zh-hant": "韓日中三國公務員合作研討會的歷程",
        "ja": "日韓中三国協力公務員ワークショップの歩み",
    },
    "/record/programs/cjk-trilateral-workshop/statistics/": {
        "ko": "한일중 3국 공무원 교류 워크숍 통계",
        "en": "Statistics of Korea-Japan-China Trilateral Cooperation Workshop for Public Officials",
        "zh-hans": "韩日中三国公务员合作研讨会统计",
        "zh-hant": "韓日中三國公務員合作研討會統計",
        "ja": "日韓中三国協力公務員ワークショップの統計",
    },
    "/record/statistics/": {
        "ko": "전체 프로그램 통계",
        "en": "Statistics across all programs",
        "zh-hans": "所有项目统计",
        "zh-hant": "所有計畫統計",
        "ja": "全プログラムの統計",
    },
    "/record/partnerships/": {
        "ko": "협력 관계",
        "en": "Partnerships",
        "zh-hans": "合作关系",
        "zh-hant": "合作關係",
        "ja": "提携関係",
    },
    "/record/partnerships/taipei-gyeonggi-exchange-mou-2017/": {
        "ko": "공무원 교류 및 연수 양해각서",
        "en": "Civil Servants Exchange and Training MOU",
        "zh-hans": "公务员交流及训练备忘录",
        "zh-hant": "公務員交流及訓練備忘錄",
        "ja": "公務員交流・研修覚書",
    },
}
NAV = {"ko": "기록", "en": "Record", "zh-hans": "记录", "zh-hant": "紀錄", "ja": "記録"}
MAYOR = {
    "ko": "타이베이 시장",
    "en": "Mayor of Taipei",
    "zh-hans": "台北市市长",
    "zh-hant": "臺北市市長",
    "ja": "台北市長",
}


def test_record_pages_in_each_language_at_phone_width(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    problems = []
    for language, nav in NAV.items():
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/")
        # At phone width the main menu is folded behind its button.
        page.locator("#krds-header .btn-menu").click()
        page.get_by_role("link", name=nav, exact=True).click()
        page.wait_for_url(f"{live_server.url}/record/")
        for path, headings in PAGES.items():
            page.goto(live_server.url + path)
            where = f"{language} {path}"
            if page.locator("html").get_attribute("lang").lower() != language:
                problems.append(f"{where}: lang {page.locator('html').get_attribute('lang')}")
            heading = page.locator("h1").inner_text().strip()
            if heading != headings[language]:
                problems.append(f"{where}: heading {heading!r}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                problems.append(f"{where}: the page is {width} px wide")
        # The statistics: two charts drawn, with the 2019 figures in the table beside them.
        page.goto(live_server.url + "/record/programs/cjk-trilateral-workshop/statistics/")
        charts = page.locator("svg.record-chart")
        if charts.count() != 2 or charts.first.bounding_box()["width"] > 390:
            problems.append(f"{language}: charts {charts.count()}")
        # Countries stand in the reader's alphabetical order, so compare the figures without it.
        row = page.locator("#per-year-table tbody tr").filter(has_text="2019").inner_text()
        if sorted(row.split()[-3:]) != ["15", "35", "38"]:
            problems.append(f"{language}: the 2019 row reads {row!r}")
        page.goto(live_server.url + "/record/partnerships/taipei-gyeonggi-exchange-mou-2017/")
        if MAYOR[language] not in page.locator("#witnesses").inner_text():
            problems.append(f"{language}: the witness's title is not translated")
    assert not problems, "\n".join(problems)
