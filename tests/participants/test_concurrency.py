"""Parallel submissions against real PostgreSQL never overbook."""

import threading

import pytest
from django.db import connection

from participants.errors import RegistrationError
from participants.models import ParticipantCategory, Registration
from participants.services import registration_submit
from tests.factories import CountryQuotaFactory, OccurrenceFactory, ParticipantFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.integration]


def _submit_in_parallel(participants, occurrence):
    barrier = threading.Barrier(len(participants))
    errors = []

    def worker(participant):
        try:
            barrier.wait()
            registration_submit(participant=participant, occurrence=occurrence, consent=True)
        except RegistrationError as exc:  # pragma: no cover - shown in the assertion below
            errors.append(exc.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(p,)) for p in participants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_parallel_submissions_never_exceed_capacity():
    occurrence = OccurrenceFactory(capacity=5)
    participants = [ParticipantFactory() for _ in range(20)]
    assert _submit_in_parallel(participants, occurrence) == []
    statuses = list(Registration.objects.filter(occurrence=occurrence).values_list("status", flat=True))
    assert statuses.count("accepted") == 5
    assert statuses.count("waitlisted") == 15
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 5


def test_parallel_submissions_never_exceed_a_country_quota():
    occurrence = OccurrenceFactory(capacity=50)
    CountryQuotaFactory(occurrence=occurrence, country="JP", seats=3)
    participants = [ParticipantFactory(country="JP") for _ in range(12)]
    assert _submit_in_parallel(participants, occurrence) == []
    accepted = Registration.objects.filter(occurrence=occurrence, status="accepted").count()
    assert accepted == 3


def _submit_categories_in_parallel(entries, occurrence):
    """entries: [(participant, category)] submitted at the same moment; returns the refusals."""
    barrier = threading.Barrier(len(entries))
    errors = []

    def worker(participant, category):
        try:
            barrier.wait()
            registration_submit(participant=participant, occurrence=occurrence, consent=True, category=category)
        except RegistrationError as exc:
            errors.append(exc.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=entry) for entry in entries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_parallel_submissions_never_exceed_a_participant_category():
    occurrence = OccurrenceFactory(capacity=50, admission="review")
    press = ParticipantCategory.objects.create(occurrence=occurrence, name_en="Press", capacity=3, needs_review=False)
    student = ParticipantCategory.objects.create(
        occurrence=occurrence, name_en="Student", capacity=20, needs_review=False
    )
    entries = [(ParticipantFactory(), press) for _ in range(10)] + [(ParticipantFactory(), student) for _ in range(6)]
    errors = _submit_categories_in_parallel(entries, occurrence)
    # The three seats go to three of the ten journalists; the other seven join the press waitlist,
    # and every student is accepted.
    assert errors == []
    counts = {
        (name, status): Registration.objects.filter(
            occurrence=occurrence, category__name_en=name, status=status
        ).count()
        for name in ("Press", "Student")
        for status in ("accepted", "waitlisted")
    }
    assert counts == {
        ("Press", "accepted"): 3,
        ("Press", "waitlisted"): 7,
        ("Student", "accepted"): 6,
        ("Student", "waitlisted"): 0,
    }
    assert Registration.objects.filter(occurrence=occurrence).count() == 16
    press.refresh_from_db()
    occurrence.refresh_from_db()
    assert (press.seats_taken, occurrence.seats_taken) == (3, 9)
