"""N+1 guards: the cohort changelists make as many queries for four rows as for one."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.models import AttendanceDay, SpeechEntry, SpeechRound, SpeechScore
from participants.models import Registration
from tests.cohorts.factories import CertificateFactory, PlacementFactory, registration_in

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _add_rows(occurrence, speech_round, judge, count):
    for _i in range(count):
        registration = registration_in(occurrence, S.ACCEPTED)
        PlacementFactory(registration=registration)
        CertificateFactory(registration=registration)
        AttendanceDay.objects.create(registration=registration, day=datetime.date(2026, 1, 1), checked_in_by=judge)
        entry = SpeechEntry.objects.create(round=speech_round, registration=registration)
        SpeechScore.objects.create(entry=entry, judge=judge, score=50)


@pytest.mark.parametrize(
    "changelist",
    [
        "participants_participant",
        "cohorts_placement",
        "cohorts_certificate",
        "cohorts_attendanceday",
        "cohorts_speechscore",
    ],
)
def test_cohort_changelist_queries_do_not_grow_with_rows(client_a, staff_a, occurrence_a, changelist):
    speech_round = SpeechRound.objects.create(occurrence=occurrence_a, kind=SpeechRound.Kind.PRELIMINARY)
    speech_round.judges.add(staff_a)
    url = reverse(f"admin:{changelist}_changelist")

    _add_rows(occurrence_a, speech_round, staff_a, 1)
    one_row = _queries(client_a, url)
    _add_rows(occurrence_a, speech_round, staff_a, 3)

    assert _queries(client_a, url) == one_row
