import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_badges_pdf_has_one_badge_per_accepted_participant_in_native_and_romanized_script(client):
    host = OrganizationFactory(name_en="MOFA")
    city = OrganizationFactory(name_en="Osaka City", name_native="大阪市", country="JP")
    occurrence = hosted_occurrence(host, title_en="CJK Trilateral Workshop")
    registration_in(
        occurrence,
        S.ACCEPTED,
        family_name="Lee",
        given_name="Jiwoo",
        family_name_native="이",
        given_name_native="지우",
        country="KR",
    )
    registration_in(
        occurrence,
        S.ACCEPTED,
        family_name="Tanaka",
        given_name="Yui",
        family_name_native="田中",
        given_name_native="結衣",
        country="JP",
        organization=city,
    )
    for index in range(8):
        registration_in(
            occurrence,
            S.ACCEPTED,
            family_name="Zhang",
            given_name=f"Wei{index}",
            family_name_native="张",
            given_name_native="伟",
            country="CN",
        )
    registration_in(
        occurrence,
        S.WAITLISTED,
        family_name="Park",
        given_name="Waiting",
        family_name_native="박",
        given_name_native="대기",
    )
    client.force_login(staff_user(host))

    response = client.get(reverse("admin:workshops_occurrence_badges", args=[occurrence.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2  # ten badges, eight to an A4 sheet
    # Sorted by country code, then name: the eight Chinese officials fill the first sheet.
    first = reader.pages[0].extract_text()
    assert first.count("张伟") == 8 and "ZHANG Wei7" in first and first.count("China") == 8
    second = reader.pages[1].extract_text()
    assert second.index("田中結衣") < second.index("이지우")
    assert "TANAKA Yui" in second and "大阪市" in second and "Japan" in second
    assert "LEE Jiwoo" in second and "South Korea" in second
    assert "박대기" not in first + second
