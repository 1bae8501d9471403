import pytest

from demo.bureau import load_local_governments
from programs.models import Organization

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_every_korean_local_government_is_loaded_once_in_korean_and_english():
    assert load_local_governments() == 243
    assert load_local_governments() == 243
    korean = Organization.objects.filter(country="KR")
    assert korean.filter(kind="province").count() == 17
    assert korean.filter(kind="city", parent__kind="province").count() == 226
    jongno = Organization.objects.get(slug="kr-seoul-jongno-gu")
    assert (jongno.name_ko, jongno.name_en, jongno.parent.name_ko) == (
        "서울특별시 종로구",
        "Jongno-gu, Seoul",
        "서울특별시",
    )
    assert Organization.objects.get(slug="kr-jeju").name_ja == "済州特別自治道"
    assert korean.filter(parent__slug="kr-seoul").count() == 25
    assert korean.filter(parent__slug="gyeonggi").count() == 31
