"""The demo's ASEAN-ROK 2019 exhibition: the seed's two parts, exhibiting organizations and
exhibits on its public page in every language, fully translated, loaded twice without change."""

import io

import pytest
from django.core.management import call_command

from exhibitions.models import Exhibit, Exhibition, Exhibitor, Section
from programs.coverage import missing_languages

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/exhibitions/asean-rok-exhibition-2019/"


def _load(capture):
    with capture(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def test_demo_exhibition_from_the_seed(client, django_capture_on_commit_callbacks):
    _load(django_capture_on_commit_callbacks)
    expo = Exhibition.objects.get(slug="asean-rok-exhibition-2019")
    assert expo.is_published and expo.occurrence.slug == "asean-rok-roundtable-2019"
    assert list(expo.sections.values_list("title_en", flat=True)) == [
        "Public Service Innovation Exhibit",
        "ASEAN Exhibit",
    ]
    assert expo.exhibitors.count() == 15  # MOIS, two ministries, Busan, KOFIH and the ten member states
    assert sorted(expo.exhibitors.exclude(country="KR").values_list("country", flat=True)) == sorted(
        ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"]
    )
    exhibits = {
        e.title_en: (e.section.order, e.exhibitor and e.exhibitor.display_name, e.is_sample)
        for e in expo.exhibits.all()
    }
    assert exhibits["Thailand's online Biz Portal"] == (2, "Thailand", False)
    assert exhibits["Busan's electronic customs clearance system"] == (1, "Busan Metropolitan City", False)
    assert exhibits["Automated immigration checks"] == (1, None, False)  # the seed names no exhibitor
    samples = expo.exhibits.filter(is_sample=True)
    assert [(e.stand, bool(e.image), bool(e.thumbnail)) for e in samples] == [("S-01", True, True)]
    assert not expo.exhibits.filter(is_sample=False).exclude(stand="").exists()  # no invented stands
    for row in [expo, *expo.sections.all(), *expo.exhibitors.all(), *expo.exhibits.all()]:
        assert missing_languages(row) == [], row

    client.cookies["django_language"] = "ko"
    page = client.get(URL).content.decode()
    assert "공공서비스 혁신관" in page and "아세안관" in page
    assert "보건복지부" in page and "한국국제보건의료재단" in page and "부산광역시" in page
    assert "태국의 온라인 비즈 포털" in page
    assert "한-아세안 공공행정 혁신 전시회" in client.get("/occurrences/asean-rok-roundtable-2019/").content.decode()


def test_demo_exhibition_loads_twice_without_change(django_capture_on_commit_callbacks):
    _load(django_capture_on_commit_callbacks)
    before = [list(model.objects.order_by("pk").values()) for model in (Exhibition, Section, Exhibitor, Exhibit)]
    _load(django_capture_on_commit_callbacks)
    after = [list(model.objects.order_by("pk").values()) for model in (Exhibition, Section, Exhibitor, Exhibit)]
    assert after == before
