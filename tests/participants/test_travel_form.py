"""The official's travel details form: each refusal names its field and its reason."""

import datetime

import pytest

from participants.forms import TravelDetailsForm
from tests.factories import OccurrenceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

VALID = {
    "arrival_date": "2031-05-19",
    "departure_date": "2031-05-22",
    "accommodation": "host",
    "emergency_name": "Kim Jiho",
    "emergency_phone": "+82 10-1234-5678",
}


def _errors(**data):
    occurrence = OccurrenceFactory(start_date=datetime.date(2031, 5, 20), end_date=datetime.date(2031, 5, 21))
    form = TravelDetailsForm({**VALID, **data}, occurrence=occurrence)
    return form.errors


def test_valid_travel_details():
    assert _errors() == {}


def test_dates_must_be_near_the_occurrence():
    assert _errors(arrival_date="2031-04-01") == {
        "arrival_date": ["Please choose a date between May 6, 2031 and June 4, 2031."]
    }
    assert _errors(departure_date="2031-07-01") == {
        "departure_date": ["Please choose a date between May 6, 2031 and June 4, 2031."]
    }


def test_same_day_departure_must_follow_the_arrival():
    assert _errors(
        arrival_date="2031-05-20", departure_date="2031-05-20", arrival_time="18:00", departure_time="09:00"
    ) == {"departure_time": ["On the same day, the departure must be after the arrival."]}


def test_pickup_needs_when_and_where():
    message = ["To be met on arrival, tell us when and where you arrive."]
    assert _errors(pickup_needed="on") == {"arrival_time": message, "arrival_place": message}
    assert _errors(pickup_needed="on", arrival_time="14:05", arrival_place="Incheon T1") == {}


def test_emergency_contact_and_diet():
    assert _errors(emergency_phone="call my office") == {
        "emergency_phone": ["Please enter a phone number with its country code, e.g. +82 2 1234 5678."]
    }
    assert _errors(emergency_name="") == {"emergency_name": ["This field is required."]}
    assert _errors(diet="other") == {"diet_notes": ["Please describe your diet."]}
    assert _errors(diet="halal") == {}
