"""The public best-practice library: published reports only, searched by words, filtered by area,
country, year and language; bad filters answer a clear 400, never a 500."""

import pytest
from django.core.files.base import ContentFile

from aftercare.models import BestPractice, ResearchArea

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def reports():
    welfare = ResearchArea.objects.create(slug="welfare", name_en="Welfare", name_ja="福祉", order=1)
    environment = ResearchArea.objects.create(slug="environment", name_en="Environment", order=2)
    common = {"summary": "How it works.", "is_published": True}
    care = BestPractice(area=welfare, country="JP", year=2019, language="ja", title="高齢者見守り", **common)
    care.file.save("r.pdf", ContentFile(b"%PDF-1.4 care"), save=False)
    care.save()
    BestPractice.objects.create(
        area=environment, country="DE", year=2018, language="en", title="Waste separation", **common
    )
    BestPractice.objects.create(area=welfare, country="DE", year=2018, language="en", title="Draft", summary="x")
    return care


def _titles(response):
    return [t for t in ("高齢者見守り", "Waste separation", "Draft") if t in response.content.decode()]


def test_library_lists_published_reports_only(client, reports):
    assert _titles(client.get("/library/")) == ["高齢者見守り", "Waste separation"]


def test_library_filters_by_area_country_and_words(client, reports):
    assert _titles(client.get("/library/", {"area": "welfare", "country": "JP"})) == ["高齢者見守り"]
    assert _titles(client.get("/library/", {"country": "DE"})) == ["Waste separation"]
    assert _titles(client.get("/library/", {"q": "waste"})) == ["Waste separation"]
    assert _titles(client.get("/library/", {"year": "2019", "language": "ja"})) == ["高齢者見守り"]


def test_library_bad_filters_are_a_clear_400(client, reports):
    for bad in ({"area": "nope"}, {"year": "abc"}, {"country": "ZZ"}):
        response = client.get("/library/", bad)
        assert response.status_code == 400, bad
        assert 'id="library-invalid"' in response.content.decode()
    # A NUL byte is refused before the view, by the project's guard, with its 400 page.
    assert client.get("/library/", {"q": "a\x00b"}).status_code == 400


def test_library_file_download_and_unpublished_404(client, reports):
    response = client.get(f"/aftercare/library/{reports.pk}/file/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 care"
    draft = BestPractice.objects.get(title="Draft")
    assert client.get(f"/aftercare/library/{draft.pk}/file/").status_code == 404


def test_library_page_links_keep_the_search_and_filters(client, reports):
    for number in range(25):
        BestPractice.objects.create(
            area=reports.area, country="JP", year=2020, language="ja", title=f"見守り {number}", summary="s",
            is_published=True,
        )  # fmt: skip
    BestPractice.objects.create(
        area=reports.area, country="KR", year=2020, language="ko", title="Other country", summary="s", is_published=True
    )
    first = client.get("/library/", {"area": "welfare", "country": "JP", "q": "見守り"})
    assert first.context["page_obj"].paginator.count == 26
    assert 'href="?area=welfare&amp;country=JP&amp;q=%E8%A6%8B%E5%AE%88%E3%82%8A&amp;page=2"' in first.content.decode()
    second = client.get("/library/", {"area": "welfare", "country": "JP", "q": "見守り", "page": "2"})
    assert [r.country for r in second.context["reports"]] == ["JP"] * 6
    assert 'href="?area=welfare&amp;country=JP&amp;q=%E8%A6%8B%E5%AE%88%E3%82%8A&amp;page=1"' in second.content.decode()
