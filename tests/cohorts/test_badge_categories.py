"""Name badges carry the participant category's colour and name."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from participants.models import ParticipantCategory, Registration
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _fills(page):
    """The RGB fill colours the page's drawing sets ("r g b rg"), in order."""
    content = page.get_contents().get_data().decode("latin-1")
    return [line.rsplit(" ", 1)[0] for line in content.splitlines() if line.endswith(" rg")]


def test_badges_have_a_band_in_the_category_colour_with_the_category_name(client):
    host = OrganizationFactory(name_en="MOFA")
    occurrence = hosted_occurrence(host, title_en="Heads of Missions 2018")
    press = ParticipantCategory.objects.create(
        occurrence=occurrence, name_en="Journalist", name_ko="기자", badge_colour="#C8102E"
    )
    student = ParticipantCategory.objects.create(
        occurrence=occurrence, name_en="Student supporter", badge_colour="#FFD100"
    )
    registration_in(
        occurrence, S.ACCEPTED, family_name="Ahn", given_name="Press", country="KR"
    ).__class__.objects.filter(participant__given_name="Press").update(category=press)
    registration_in(
        occurrence, S.ACCEPTED, family_name="Baek", given_name="Student", country="KR"
    ).__class__.objects.filter(participant__given_name="Student").update(category=student)
    registration_in(occurrence, S.ACCEPTED, family_name="Cho", given_name="Plain", country="KR")
    client.force_login(staff_user(host))

    response = client.get(reverse("admin:workshops_occurrence_badges", args=[occurrence.pk]))

    assert response.status_code == 200
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    # Sorted by name: Ahn's red band with white text, Baek's yellow band with black text (each
    # time back to black after the band), Cho without a band.
    assert _fills(page) == [".784314 .062745 .180392", "1 1 1", "0 0 0", "1 .819608 0", "0 0 0", "0 0 0"]
    text = page.extract_text()
    assert text.count("Heads of Missions 2018") == 3
    assert "Journalist" in text and "Student supporter" in text
    assert text.index("Journalist") < text.index("Student supporter")


def test_badge_band_text_is_white_on_dark_and_black_on_light_colours():
    from cohorts.pdf import _band_colours

    assert _band_colours("#C8102E") == ((200 / 255, 16 / 255, 46 / 255), (1, 1, 1))
    assert _band_colours("#FFD100") == ((1.0, 209 / 255, 0.0), (0, 0, 0))


def test_occurrence_dashboard_counts_seats_per_category(client):
    from participants.services import registration_submit
    from tests.factories import ParticipantFactory

    host = OrganizationFactory(name_en="MOIS")
    occurrence = hosted_occurrence(host, capacity=200, admission="auto")
    minister = ParticipantCategory.objects.create(
        occurrence=occurrence, name_en="Minister", capacity=11, order=1, badge_colour="#7B1FA2"
    )
    student = ParticipantCategory.objects.create(
        occurrence=occurrence, name_en="Student", capacity=1, order=2, needs_review=False
    )
    for category in (minister, minister, student):
        registration_submit(participant=ParticipantFactory(), occurrence=occurrence, consent=True, category=category)
    client.force_login(staff_user(host))

    page = client.get(reverse("admin:workshops_occurrence_change", args=[occurrence.pk]))

    assert page.status_code == 200
    dashboard = page.context["dashboard"]
    assert [(c["name"], c["taken"], c["seats"], c["pending"], c["colour"]) for c in dashboard["categories"]] == [
        ("Minister", 0, 11, 2, "#7B1FA2"),
        ("Student", 1, 1, 0, "#1F5FAD"),
    ]
    assert b'class="cohort-categories"' in page.content
    # The inline lists the categories with their seats taken, for staff to edit.
    assert b'name="participant_categories-0-name_en" value="Minister"' in page.content
    assert b'name="participant_categories-1-badge_colour" value="#1F5FAD"' in page.content
