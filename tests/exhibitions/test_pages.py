"""The public exhibition pages: hidden until published (staff of the program may preview), exhibits
grouped by section, filtered by section and country, each exhibit's page, the link from the
occurrence page, and a bounded number of queries however many exhibits there are."""

import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from exhibitions.services import exhibit_set_image
from formats.languages import country_name
from tests.cohorts.factories import hosted_occurrence, staff_user
from tests.factories import OccurrenceFactory, OrganizationFactory, UserFactory

from .factories import exhibit, exhibition, exhibitor, section

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1500), (0, 90, 160)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.size = len(buffer.getvalue())
    return buffer


@pytest.fixture
def expo():
    host = OrganizationFactory(name_en="Host ministry")
    occurrence = hosted_occurrence(host)
    expo = exhibition(occurrence)
    korea = section(expo, "Public Service Innovation Exhibit", order=1)
    asean = section(expo, "ASEAN Exhibit", order=2)
    busan = exhibitor(expo, "Busan Metropolitan City", "KR")
    thailand = exhibitor(expo, "Thailand", "TH")
    customs = exhibit(expo, korea, "Electronic customs clearance", busan, stand="A-12")
    portal = exhibit(expo, asean, "Online Biz Portal", thailand)
    return {
        "host": host,
        "occurrence": occurrence,
        "expo": expo,
        "korea": korea,
        "asean": asean,
        "customs": customs,
        "portal": portal,
    }


def test_published_exhibition_shows_its_exhibits_grouped_by_section(client, expo):
    response = client.get("/exhibitions/expo/")
    assert response.status_code == 200
    groups = [(section.title, [e.title for e in exhibits]) for section, exhibits in response.context["groups"]]
    assert groups == [
        ("Public Service Innovation Exhibit", ["Electronic customs clearance"]),
        ("ASEAN Exhibit", ["Online Biz Portal"]),
    ]
    page = response.content.decode()
    assert "A-12" in page and "Busan Metropolitan City" in page and "Thailand" in page


def test_exhibition_page_in_korean_shows_korean_texts(client, expo):
    client.cookies["django_language"] = "ko"
    page = client.get("/exhibitions/expo/").content.decode()
    assert "ASEAN Exhibit [ko]" in page and "Online Biz Portal [ko]" in page
    assert f'<span class="exhibit-country">{country_name("TH", "ko")}</span>' in page  # in Korean: 타이


def test_filter_by_section_and_by_country(client, expo):
    by_section = client.get("/exhibitions/expo/", {"section": expo["asean"].pk})
    assert [e.title for _s, exhibits in by_section.context["groups"] for e in exhibits] == ["Online Biz Portal"]
    by_country = client.get("/exhibitions/expo/", {"country": "KR"})
    assert [e.title for _s, exhibits in by_country.context["groups"] for e in exhibits] == [
        "Electronic customs clearance"
    ]
    neither = client.get("/exhibitions/expo/", {"section": expo["asean"].pk, "country": "KR"})
    assert neither.context["groups"] == [] and "No exhibit matches these filters." in neither.content.decode()


@pytest.mark.parametrize("query", [{"section": "999999"}, {"section": "x"}, {"country": "ZZ"}, {"country": "K"}])
def test_unknown_filter_says_so_and_shows_everything(client, expo, query):
    response = client.get("/exhibitions/expo/", query)
    assert response.status_code == 400
    assert "This section or country is not part of the exhibition" in response.content.decode()
    assert response.context["count"] == 2


def test_a_nul_byte_in_the_filter_is_a_clear_400(client, expo):
    assert client.get("/exhibitions/expo/", {"country": "\x00"}).status_code == 400


def test_a_section_of_another_exhibition_is_refused(client, expo):
    other = exhibition(OccurrenceFactory(), slug="other")
    foreign = section(other, "Elsewhere")
    assert client.get("/exhibitions/expo/", {"section": foreign.pk}).status_code == 400


def test_exhibit_page_and_its_image(client, expo):
    exhibit_set_image(exhibit=expo["customs"], upload=_png())
    response = client.get(expo["customs"].get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Electronic customs clearance" in page and "A-12" in page and "Public Service Innovation Exhibit" in page
    image = client.get(f"/exhibitions/expo/exhibits/{expo['customs'].pk}/image.jpg")
    assert image.status_code == 200
    with Image.open(io.BytesIO(b"".join(image.streaming_content))) as shown:
        assert shown.size == (1200, 900)
    thumb = client.get(f"/exhibitions/expo/exhibits/{expo['customs'].pk}/thumb.jpg")
    with Image.open(io.BytesIO(b"".join(thumb.streaming_content))) as shown:
        assert shown.size == (400, 300)
    # An exhibit without an image has no image file; an exhibit of another exhibition is not here.
    assert client.get(f"/exhibitions/expo/exhibits/{expo['portal'].pk}/image.jpg").status_code == 404
    other = exhibition(OccurrenceFactory(), slug="other")
    elsewhere = exhibit(other, section(other, "S"), "Elsewhere")
    assert client.get(f"/exhibitions/expo/exhibits/{elsewhere.pk}/").status_code == 404


def test_unpublished_exhibition_is_hidden_from_visitors(client, expo):
    expo["expo"].is_published = False
    expo["expo"].save()
    exhibit_set_image(exhibit=expo["customs"], upload=_png())
    urls = [
        "/exhibitions/expo/",
        expo["customs"].get_absolute_url(),
        f"/exhibitions/expo/exhibits/{expo['customs'].pk}/image.jpg",
        f"/exhibitions/expo/exhibits/{expo['customs'].pk}/thumb.jpg",
    ]
    assert [client.get(url).status_code for url in urls] == [404, 404, 404, 404]
    client.force_login(UserFactory())  # a signed-in official
    assert [client.get(url).status_code for url in urls] == [404, 404, 404, 404]
    client.force_login(staff_user(OrganizationFactory()))  # staff of another organization
    assert [client.get(url).status_code for url in urls] == [404, 404, 404, 404]
    assert "Innovation Expo" not in client.get(expo["occurrence"].get_absolute_url()).content.decode()
    # The program's own staff preview it, told it is not published.
    client.force_login(staff_user(expo["host"]))
    response = client.get("/exhibitions/expo/")
    assert response.status_code == 200 and 'id="exhibition-preview"' in response.content.decode()
    assert [client.get(url).status_code for url in urls[1:]] == [200, 200, 200]


def test_unknown_exhibition_is_404(client, db):
    assert client.get("/exhibitions/no-such-expo/").status_code == 404


def test_occurrence_page_links_its_published_exhibition(client, expo):
    page = client.get(expo["occurrence"].get_absolute_url()).content.decode()
    assert 'href="/exhibitions/expo/"' in page
    # The anonymous page is cached whole: unpublishing replaces it at once.
    expo["expo"].is_published = False
    expo["expo"].save()
    assert 'href="/exhibitions/expo/"' not in client.get(expo["occurrence"].get_absolute_url()).content.decode()


def _queries(client, url):
    cache.clear()  # anonymous pages are cached whole: measure the rendering
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_public_pages_queries_do_not_grow_with_exhibits(client, expo):
    exhibition_url, exhibit_url = "/exhibitions/expo/", expo["customs"].get_absolute_url()
    few = [
        _queries(client, exhibition_url),
        _queries(client, exhibition_url + "?country=KR"),
        _queries(client, exhibit_url),
    ]
    for index in range(30):
        maker = exhibitor(expo["expo"], f"Exhibitor {index}", ["VN", "ID", "KH", "LA"][index % 4])
        part = section(expo["expo"], f"Part {index % 3}", order=3 + index % 3) if index < 3 else expo["asean"]
        exhibit(expo["expo"], part, f"Exhibit {index}", maker, stand=f"B-{index}")
    many = [
        _queries(client, exhibition_url),
        _queries(client, exhibition_url + "?country=KR"),
        _queries(client, exhibit_url),
    ]
    assert many == few
    assert few[0] <= 6, few
