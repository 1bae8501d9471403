"""The open-data API lists the library's published reports, filtered by area and country."""

import pytest

from aftercare.models import BestPractice, ResearchArea

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_api_lists_published_reports_by_area_and_country(client):
    welfare = ResearchArea.objects.create(slug="welfare", name_en="Welfare", name_ja="福祉")
    BestPractice.objects.create(
        area=welfare, country="JP", year=2019, language="ja", title="見守り", summary="s", is_published=True
    )
    BestPractice.objects.create(area=welfare, country="DE", year=2019, language="en", title="Draft", summary="s")
    data = client.get("/api/best-practices/", {"area": "welfare", "country": "JP", "lang": "ja"}).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert [(r["title"], r["area_name"], r["country"]) for r in rows] == [("見守り", "福祉", "JP")]
    assert rows[0]["file"] == ""
    assert client.get("/api/best-practices/", {"country": "ZZ"}).status_code == 400
