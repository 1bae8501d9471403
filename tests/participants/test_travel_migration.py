"""The data migration from the JSON follow-up to TravelDetails (participants 0005), both ways."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from participants.models import Registration, TravelDetails
from tests.factories import RegistrationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BEFORE = [("participants", "0005_travel_details")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_legacy_json_moves_into_fields_and_nothing_is_lost():
    complete, odd, reversed_dates, empty = (RegistrationFactory(status="accepted") for _ in range(4))
    old_apps = _migrate(BEFORE)
    OldRegistration = old_apps.get_model("participants", "Registration")
    legacy = {
        complete.pk: {
            "arrival_date": "2031-05-19",
            "arrival_flight": "KE 852",
            "departure_date": "2031-05-22",
            "departure_flight": "",
            "accommodation": "host",
            "accommodation_notes": "Non-smoking room",
        },
        odd.pk: {"arrival_date": "19/05/2031", "shuttle": "yes", "accommodation": "hostel"},
        reversed_dates.pk: {"arrival_date": "2031-05-22", "departure_date": "2031-05-19", "accommodation": "own"},
    }
    for pk, followup in legacy.items():
        OldRegistration.objects.filter(pk=pk).update(followup=followup)
    try:
        _migrate(_latest())
        travel = TravelDetails.objects.get(registration=complete)
        assert (travel.arrival_date, travel.arrival_number, travel.departure_date, travel.departure_number) == (
            datetime.date(2031, 5, 19),
            "KE 852",
            datetime.date(2031, 5, 22),
            "",
        )
        assert (travel.accommodation, travel.notes) == ("host", "Non-smoking room")
        travel = TravelDetails.objects.get(registration=odd)
        assert (travel.arrival_date, travel.accommodation) == (None, "")
        # jsonb keeps no key order; every line is there.
        assert sorted(travel.notes.splitlines()) == [
            "accommodation: hostel",
            "arrival_date: 19/05/2031",
            "shuttle: yes",
        ]
        travel = TravelDetails.objects.get(registration=reversed_dates)
        assert (travel.arrival_date, travel.departure_date, travel.accommodation) == (None, None, "own")
        assert travel.notes == "arrival_date: 2031-05-22\ndeparture_date: 2031-05-19"
        assert not TravelDetails.objects.filter(registration=empty).exists()
    finally:
        _migrate(_latest())


def test_backwards_rebuilds_the_json_follow_up():
    registration = RegistrationFactory(status="accepted")
    TravelDetails.objects.create(
        registration=registration,
        arrival_date=datetime.date(2031, 5, 19),
        arrival_number="OZ 331",
        departure_date=datetime.date(2031, 5, 22),
        accommodation="own",
        pickup_needed=True,
        diet="halal",
        notes="Late check-in",
    )
    try:
        old_apps = _migrate(BEFORE)
        followup = old_apps.get_model("participants", "Registration").objects.get(pk=registration.pk).followup
        assert followup == {
            "arrival_date": "2031-05-19",
            "departure_date": "2031-05-22",
            "arrival_flight": "OZ 331",
            "accommodation": "own",
            "accommodation_notes": "Late check-in\npickup_needed: True\ndiet: halal",
        }
        assert old_apps.get_model("participants", "TravelDetails").objects.count() == 0
        # Forwards again: the same travel details, what the old form had no field for kept as notes.
        _migrate(_latest())
        travel = TravelDetails.objects.get(registration=registration)
        assert (travel.arrival_number, travel.accommodation) == ("OZ 331", "own")
        assert travel.notes == "Late check-in\npickup_needed: True\ndiet: halal"
    finally:
        _migrate(_latest())
    assert Registration.objects.filter(pk=registration.pk).exists()
