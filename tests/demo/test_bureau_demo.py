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


def test_demo_bureau_has_staff_requesters_and_a_dozen_samples_in_every_step(client):
    from django.core.management import call_command

    from bureau.models import ServiceRequest

    call_command("load_demo")
    call_command("load_demo")  # idempotent
    samples = ServiceRequest.objects.filter(reference__startswith="OB-SAMPLE-")
    assert samples.count() == 12
    assert set(samples.values_list("status", flat=True)) == set(ServiceRequest.Status.values)
    assert all(s.subject.startswith("[Sample]") for s in samples)
    assert samples.filter(overdue_since__isnull=False).exists()
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    client.force_login(users.get(email="requester@example.org"))
    page = client.get("/bureau/").content.decode()
    assert "OB-SAMPLE-001" in page and "OB-SAMPLE-002" not in page  # Suwon's request is not Gyeonggi's
    client.force_login(users.get(email="bureau.language@example.org"))
    queue = client.get("/admin/bureau/servicerequest/")
    assert queue.status_code == 200
    assert {r.department.slug for r in queue.context["cl"].result_list} == {"gaok-bureau-language"}
