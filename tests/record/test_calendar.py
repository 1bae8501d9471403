"""The calendar feeds, parsed back with the icalendar library."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OccurrenceFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}, calendar


@pytest.fixture
def occurrences():
    today = timezone.localdate()
    workshop = ProgramFactory(slug="workshop", name_en="Workshop", name_ko="워크숍", eligible_countries=["KR", "JP"])
    contest = ProgramFactory(slug="contest", name_en="Contest", excluded_countries=["KR"])
    OccurrenceFactory(
        program=workshop,
        title_en="Spring workshop",
        title_ko="봄 워크숍",
        slug="spring",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=12),
        location_en="Seoul, Korea",
        location_ko="한국 서울",
    )
    OccurrenceFactory(program=contest, title_en="Contest final", start_date=today + datetime.timedelta(days=20))
    OccurrenceFactory(program=workshop, title_en="Past workshop", start_date=today - datetime.timedelta(days=30))
    OccurrenceFactory(program=workshop, title_en="Month only", date_precision="month")
    OccurrenceFactory(program=workshop, title_en="Cancelled one", is_cancelled=True)
    return today


def test_feed_of_all_upcoming_occurrences(client, occurrences):
    found, calendar = events(client.get(reverse("record:calendar"), {"lang": "en"}))
    assert sorted(found) == ["Contest final", "Spring workshop"]
    spring = found["Spring workshop"]
    assert spring.decoded("dtstart") == occurrences + datetime.timedelta(days=10)
    # All-day events end the day after the last day.
    assert spring.decoded("dtend") == occurrences + datetime.timedelta(days=13)
    assert str(spring["location"]) == "Seoul, Korea"
    assert str(spring["url"]).endswith(reverse("workshops:occurrence_detail", args=["spring"]))
    assert str(calendar["version"]) == "2.0"
    assert len({str(e["uid"]) for e in found.values()}) == 2


def test_feed_per_program_in_korean(client, occurrences):
    found, calendar = events(client.get(reverse("record:program_calendar", args=["workshop"]), {"lang": "ko"}))
    assert list(found) == ["봄 워크숍"]
    assert str(found["봄 워크숍"]["location"]) == "한국 서울"
    assert str(calendar["x-wr-calname"]) == "워크숍"


def test_feed_per_country_keeps_the_programs_open_to_it(client, occurrences):
    found, _calendar = events(client.get(reverse("record:calendar"), {"country": "kr", "lang": "en"}))
    assert list(found) == ["Spring workshop"]
    found, _calendar = events(client.get(reverse("record:calendar"), {"country": "VN", "lang": "en"}))
    assert list(found) == ["Contest final"]


def test_unknown_country_is_a_clear_400(client, occurrences):
    response = client.get(reverse("record:calendar"), {"country": "XX"})
    assert response.status_code == 400


def test_file_per_occurrence(client, occurrences):
    found, _calendar = events(client.get(reverse("record:occurrence_calendar", args=["spring"]), {"lang": "en"}))
    assert list(found) == ["Spring workshop"]


def test_file_of_an_occurrence_without_a_day_is_404(client):
    occurrence = OccurrenceFactory(date_precision="tbd", start_date=None, end_date=None, year=2030)
    assert client.get(reverse("record:occurrence_calendar", args=[occurrence.slug])).status_code == 404
