"""A visitor browses the ASEAN-ROK 2019 exhibition in Chromium: from the occurrence page to the
exhibition, its two parts, filtered by part and by country, to an exhibit's page; in Korean at
1280 px and in Japanese at 390 px, with no page wider than the screen and no serious axe-core
violation (the checks of test_accessibility.py)."""

import io

import pytest
from django.core.management import call_command

from demo.data import ASEAN
from demo.exhibitions import EXHIBITS, SAMPLE_EXHIBIT
from formats.languages import country_name
from tests.e2e.test_accessibility import _check

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OCCURRENCE = "/occurrences/asean-rok-roundtable-2019/"
PARTS = [ASEAN["agenda"][0][1], ASEAN["agenda"][1][1]]  # Public Service Innovation Exhibit, ASEAN Exhibit


def _titles(page):
    return sorted(page.locator(".exhibit-link").all_inner_texts())


def _exhibits(part=None, country=None, lang="en"):
    titles = [title[lang] for section, exhibitor, title, _d in EXHIBITS if part in (None, section)]
    if country:
        titles = [
            title[lang]
            for section, exhibitor, title, _d in EXHIBITS
            if exhibitor == country and part in (None, section)
        ]
    elif part in (None, 0):
        titles.append(SAMPLE_EXHIBIT["title"][lang])
    return sorted(titles)


def _wide(page):
    return page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")


@pytest.mark.parametrize(
    ("language", "field", "width"), [("ko", "ko", 1280), ("ja", "ja", 390), ("ja", "ja", 1280), ("ko", "ko", 390)]
)
def test_visitor_browses_the_exhibition_by_part_and_country(page, live_server, language, field, width):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])

    page.goto(live_server.url + OCCURRENCE)
    page.locator("#exhibitions a.exhibition-link").click()
    page.wait_for_url("**/exhibitions/asean-rok-exhibition-2019/")
    assert page.locator("html").get_attribute("lang") == language
    headings = page.locator(".exhibit-section h3").all_inner_texts()
    assert headings == [PARTS[0][field], PARTS[1][field]]
    assert _titles(page) == _exhibits(lang=field)
    screen, wide = _wide(page)
    assert wide <= screen, f"{language} {width}px: the exhibition is {wide} px wide"

    # Only the ASEAN Exhibit.
    page.select_option("#id_section", label=PARTS[1][field])
    page.locator("#exhibit-filter button[type=submit]").click()
    page.wait_for_url("**section=*")
    assert page.locator(".exhibit-section h3").all_inner_texts() == [PARTS[1][field]]
    assert _titles(page) == _exhibits(part=1, lang=field)

    # Then Thailand across every part: its Biz Portal.
    page.select_option("#id_section", value="")
    page.select_option("#id_country", label=country_name("TH", language))
    page.locator("#exhibit-filter button[type=submit]").click()
    page.wait_for_url("**country=TH*")
    assert _titles(page) == _exhibits(country="TH", lang=field)
    page.locator(".exhibit-link").first.click()
    page.wait_for_selector("#exhibit-country")
    assert page.locator("h1").inner_text() == EXHIBITS[4][2][field]
    assert page.locator("#exhibit-country").inner_text() == country_name("TH", language)
    assert page.locator("#exhibit-section").inner_text() == PARTS[1][field]
    screen, wide = _wide(page)
    assert wide <= screen, f"{language} {width}px: the exhibit is {wide} px wide"

    # The sample exhibit shows its stand and its resized image.
    page.goto(live_server.url + "/exhibitions/asean-rok-exhibition-2019/")
    # Its thumbnail's box is there before the (lazy) picture arrives, so the link under it does not
    # move while it is clicked.
    thumbnail = page.locator(".exhibit", has_text=SAMPLE_EXHIBIT["title"][field]).locator("img.c-img")
    box = thumbnail.bounding_box()
    assert box["height"] == pytest.approx(box["width"] * 3 / 4, abs=1)
    page.locator(".exhibit-link", has_text=SAMPLE_EXHIBIT["title"][field]).click()
    page.wait_for_url("**/exhibits/**")
    assert page.locator("#exhibit-stand").inner_text() == "S-01"
    image = page.locator("#exhibit-image")
    assert image.get_attribute("alt") == SAMPLE_EXHIBIT["image_description"][field]
    page.wait_for_function("() => document.querySelector('#exhibit-image').complete")  # loaded, or failed
    assert image.evaluate("img => img.naturalWidth") == 1200
    box = image.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.mark.parametrize("width", (1280, 390))
def test_exhibition_pages_pass_axe_in_every_language(page, live_server, width):
    call_command("load_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": width, "height": 900})
    base = f"{live_server.url}/exhibitions/asean-rok-exhibition-2019/"
    page.goto(base)
    sample = page.locator(".exhibit-link", has_text=SAMPLE_EXHIBIT["title"]["en"]).get_attribute("href")
    problems = []
    for language in ("ko", "en", "zh-hans", "zh-hant", "ja"):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        _check(page, base, f"{language} {width}px exhibition", problems)
        _check(page, base + "?country=TH", f"{language} {width}px filtered", problems)
        _check(page, live_server.url + sample, f"{language} {width}px exhibit", problems)
    assert not problems, "\n".join(problems)
