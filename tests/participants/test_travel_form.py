"""The official's travel details form: each refusal names its field and its reason."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.forms import TravelDetailsForm
from tests.factories import OccurrenceFactory, ParticipantFactory, RegistrationFactory, UserFactory

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


PAGE = {
    "en": ("Emergency contact", "Arrival time (local)", "Halal"),
    "ko": ("비상 연락처", "도착 시각(현지)", "할랄"),
    "ja": ("緊急連絡先", "到着時刻（現地）", "ハラール"),
    "zh-hans": ("紧急联系人", "到达时间（当地）", "清真"),
    "zh-hant": ("緊急聯絡人", "抵達時間（當地）", "清真"),
}


@pytest.mark.parametrize("language", list(PAGE))
def test_travel_form_page_in_each_language(client, language):
    user = UserFactory(email_verified_at=timezone.now())
    registration = RegistrationFactory(
        participant=ParticipantFactory(user=user, email=user.email),
        occurrence=OccurrenceFactory(start_date=datetime.date(2031, 5, 20), end_date=datetime.date(2031, 5, 21)),
        status="accepted",
    )
    client.force_login(user)
    client.cookies["django_language"] = language
    page = client.get(reverse("participants:followup", args=[registration.pk])).content.decode()
    assert f'<html lang="{language}"' in page.lower()  # zh-Hans as BCP 47 writes it
    assert all(text in page for text in PAGE[language])
