"""My registrations: only one's own, status and history, withdraw, calendar file, travel follow-up."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from participants.models import Registration
from participants.services import registration_submit
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _official(**kwargs):
    user = UserFactory(email_verified_at=timezone.now())
    return user, ParticipantFactory(user=user, email=user.email, **kwargs)


def _url(name, registration):
    return reverse(f"participants:{name}", kwargs={"pk": registration.pk})


@pytest.fixture
def accepted(django_capture_on_commit_callbacks):
    user, participant = _official()
    occurrence = OccurrenceFactory(
        title_en="CJK Workshop 9",
        slug="cjk-9",
        capacity=1,
        venue_en="Lotte Hotel",
        location_en="Seoul, Korea",
        start_date=datetime.date(2031, 5, 20),
        end_date=datetime.date(2031, 5, 21),
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_submit(participant=participant, occurrence=occurrence, consent=True)
    assert registration.status == "accepted"
    return user, registration


def test_my_registrations_lists_own_with_status_and_history(client, accepted):
    user, registration = accepted
    RegistrationFactory(occurrence=registration.occurrence)  # someone else's
    client.force_login(user)
    page = client.get(reverse("participants:my_registrations")).content.decode()
    assert page.count('class="structured-item registration-card"') == 1
    assert "CJK Workshop 9" in page
    assert '<span class="krds-badge status-badge status-accepted">Accepted</span>' in page
    assert ": Submitted</li>" in page and ": Accepted</li>" in page


def test_my_registrations_query_count_does_not_grow(client, django_assert_num_queries):
    user, participant = _official()
    client.force_login(user)
    RegistrationFactory(participant=participant)
    client.get(reverse("participants:my_registrations"))  # the first request reads the signed-in account
    # The count, the page of registrations and their history; the session and the account come
    # from the cache (cached_db, accounts.backends).
    with django_assert_num_queries(3) as one:
        client.get(reverse("participants:my_registrations"))
    for _ in range(4):
        RegistrationFactory(participant=participant)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("participants:my_registrations"))


def test_my_registrations_requires_login(client):
    response = client.get(reverse("participants:my_registrations"))
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["registration_detail", "withdraw", "calendar", "followup"])
def test_other_officials_registration_is_not_found(client, accepted, name):
    _user, registration = accepted
    intruder, _participant = _official()
    client.force_login(intruder)
    assert client.get(_url(name, registration)).status_code == 404
    assert client.post(_url(name, registration)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "accepted"
    assert not hasattr(registration, "travel")


def test_withdraw_asks_to_confirm_then_frees_the_seat(client, accepted, django_capture_on_commit_callbacks):
    user, registration = accepted
    _other_user, waiting = _official()
    with django_capture_on_commit_callbacks(execute=True):
        waitlisted = registration_submit(participant=waiting, occurrence=registration.occurrence, consent=True)
    assert waitlisted.status == "waitlisted"
    client.force_login(user)
    page = client.get(_url("withdraw", registration)).content.decode()
    assert "You are about to withdraw your registration for CJK Workshop 9." in page
    registration.refresh_from_db()
    assert registration.status == "accepted"  # a GET changes nothing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("withdraw", registration), follow=True)
    assert "Your registration for CJK Workshop 9 is withdrawn." in response.content.decode()
    registration.refresh_from_db()
    waitlisted.refresh_from_db()
    assert (registration.status, waitlisted.status) == ("withdrawn", "accepted")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([user.email, waiting.email])


def test_withdraw_twice_is_refused_with_message(client, accepted):
    user, registration = accepted
    client.force_login(user)
    client.post(_url("withdraw", registration))
    response = client.post(_url("withdraw", registration), follow=True)
    assert "This registration can no longer be withdrawn." in response.content.decode()


def test_calendar_file_for_accepted_registration(client, accepted):
    user, registration = accepted
    client.force_login(user)
    response = client.get(_url("calendar", registration))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cjk-9.ics"'
    lines = response.content.decode().split("\r\n")
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Exchange Portal//Registrations//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert f"UID:registration-{registration.pk}@127.0.0.1:8000" in lines
    assert "DTSTART;VALUE=DATE:20310520" in lines
    assert "DTEND;VALUE=DATE:20310522" in lines
    assert "SUMMARY:CJK Workshop 9" in lines
    assert "LOCATION:Lotte Hotel\\, Seoul\\, Korea" in lines
    assert lines[-2:] == ["END:VCALENDAR", ""]


def test_calendar_not_offered_for_waitlisted_registration(client):
    user, participant = _official()
    registration = RegistrationFactory(participant=participant, status="waitlisted")
    client.force_login(user)
    assert client.get(_url("calendar", registration)).status_code == 404
    assert "calendar.ics" not in client.get(_url("registration_detail", registration)).content.decode()


TRAVEL = {
    "arrival_date": "2031-05-19",
    "arrival_time": "14:05",
    "arrival_number": "KE 852",
    "arrival_place": "Incheon Airport T1",
    "pickup_needed": "on",
    "departure_date": "2031-05-22",
    "accommodation": "host",
    "emergency_name": "Kim Jiho",
    "emergency_relation": "spouse",
    "emergency_phone": "+82 10-1234-5678",
    "diet": "vegetarian",
    "notes": "Non-smoking room",
}


def test_followup_saves_travel_details(client, accepted):
    user, registration = accepted
    client.force_login(user)
    assert "Please send your travel details" in client.get(_url("registration_detail", registration)).content.decode()
    response = client.post(_url("followup", registration), TRAVEL)
    assert response["Location"] == _url("registration_detail", registration)
    registration.refresh_from_db()
    travel = registration.travel
    assert (travel.arrival_date, travel.arrival_time, travel.arrival_number, travel.pickup_needed) == (
        datetime.date(2031, 5, 19),
        datetime.time(14, 5),
        "KE 852",
        True,
    )
    assert (travel.accommodation, travel.emergency_phone, travel.diet, travel.notes) == (
        "host",
        "+82 10-1234-5678",
        "vegetarian",
        "Non-smoking room",
    )
    assert registration.followup_completed_at is not None
    assert "Your travel details are sent." in client.get(_url("registration_detail", registration)).content.decode()


def test_followup_departure_before_arrival_refused_and_input_kept(client, accepted):
    user, registration = accepted
    client.force_login(user)
    data = {**TRAVEL, "arrival_number": "OZ 331", "departure_date": "2031-05-18"}
    response = client.post(_url("followup", registration), data)
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "departure_date": [
            "The departure date cannot be before the arrival date.",
            "You would leave before the program starts (May 20, 2031).",
        ],
    }
    page = response.content.decode()
    assert 'value="OZ 331"' in page and 'value="Kim Jiho"' in page
    registration.refresh_from_db()
    assert registration.followup_completed_at is None
    assert not hasattr(registration, "travel")


def test_followup_not_asked_by_contest_or_before_acceptance(client):
    user, participant = _official()
    client.force_login(user)
    contest = RegistrationFactory(
        participant=participant, status="accepted", occurrence=OccurrenceFactory(program=ProgramFactory(kind="contest"))
    )
    waiting = RegistrationFactory(participant=participant, status="waitlisted")
    assert client.get(_url("followup", contest)).status_code == 404
    assert client.get(_url("followup", waiting)).status_code == 404
    assert Registration.objects.filter(followup_completed_at__isnull=False).count() == 0
