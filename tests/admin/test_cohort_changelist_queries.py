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
    _queries(client_a, url)  # the first request keeps what later ones read from the cache (the country choices)
    one_row = _queries(client_a, url)
    _add_rows(occurrence_a, speech_round, staff_a, 3)

    assert _queries(client_a, url) == one_row


@pytest.mark.parametrize(
    "changelist", ["cohorts_placement", "cohorts_certificate", "cohorts_attendanceday", "cohorts_speechscore"]
)
def test_cohort_changelists_scope_by_the_occurrence_ids_read_once(client_a, staff_a, occurrence_a, changelist):
    """The staff member's occurrences are read once, as ids; the count and the page of rows do not
    join the programs and their hosts again (the old scope's subquery with DISTINCT)."""
    speech_round = SpeechRound.objects.create(occurrence=occurrence_a, kind=SpeechRound.Kind.PRELIMINARY)
    speech_round.judges.add(staff_a)
    _add_rows(occurrence_a, speech_round, staff_a, 2)

    with CaptureQueriesContext(connection) as captured:
        response = client_a.get(reverse(f"admin:{changelist}_changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 2
    rows_read = [q["sql"] for q in captured.captured_queries if "cohorts_" in q["sql"]]
    assert rows_read
    assert not [sql for sql in rows_read if "programs_program_hosts" in sql or "workshops_occurrence_hosts" in sql]
