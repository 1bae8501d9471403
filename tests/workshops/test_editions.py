"""Editions of a program whose host rotates: the next host follows the last edition's, the
proposal takes the venue of the last edition held in that country, and the history shows it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from formats.languages import country_name
from tests.factories import OccurrenceFactory, ProgramFactory
from workshops.editions import EditionError, edition_create_next, edition_proposal, rotation_next_host

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def conference():
    return ProgramFactory(rotation_countries=["CN", "JP", "KR"])


def _edition(program, number, country, location):
    return OccurrenceFactory(
        program=program,
        number=number,
        year=2015 + number,
        start_date=datetime.date(2015 + number, 8, 20),
        country=country,
        location_en=location,
    )


def test_the_rotation_keeps_its_declared_order(conference):
    conference.refresh_from_db()
    assert [str(c) for c in conference.rotation_countries] == ["CN", "JP", "KR"]
    assert rotation_next_host(program=conference) == "CN"


def test_the_next_edition_goes_to_the_next_country_with_its_last_venue_there(conference):
    _edition(conference, 1, "CN", "Qingdao")
    _edition(conference, 2, "JP", "Niigata")
    _edition(conference, 3, "KR", "Jeonju")
    _edition(conference, 4, "CN", "Harbin")

    proposal = edition_proposal(program=conference)
    edition = edition_create_next(program=conference)

    assert (proposal["country"], proposal["number"], proposal["year"]) == ("JP", 5, 2020)
    assert (str(edition.country), edition.number, edition.year, edition.location_en) == ("JP", 5, 2020, "Niigata")
    assert rotation_next_host(program=conference) == "KR"


def test_a_program_without_rotation_proposes_nothing():
    with pytest.raises(EditionError) as refused:
        edition_create_next(program=ProgramFactory())
    assert refused.value.message == "This program declares no host rotation."


def test_the_history_shows_the_rotation_and_the_next_host(client, conference):
    _edition(conference, 1, "JP", "Niigata")

    page = client.get(reverse("record:history", args=[conference.slug]), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    with translation.override("en"):
        china, japan, korea = (country_name(code) for code in ("CN", "JP", "KR"))
    assert f"{china} → {japan} → {korea}." in page
    assert f"Next host: {korea}." in page and f"({japan})" in page
