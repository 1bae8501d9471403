"""Each rule about participants has one home: seat holders, the anonymised marker, country eligibility."""

import pytest
from django.db.models import Count

from participants.models import (
    ANONYMISED_DOMAIN,
    HOLDS_SEAT,
    Participant,
    Registration,
    anonymised_email,
    holding_seat_q,
)
from participants.services import seats_held
from programs.models import Program
from reports.retention import participant_anonymise
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, RegistrationFactory
from workshops.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = Registration.Status


def test_seat_holders_are_accepted_attended_no_show_and_completed():
    assert {S.ACCEPTED, S.ATTENDED, S.NO_SHOW, S.COMPLETED} == HOLDS_SEAT


def test_holding_seat_selects_the_seat_statuses_in_every_form():
    occurrence = OccurrenceFactory()
    other = OccurrenceFactory()
    for status in S:
        RegistrationFactory(occurrence=occurrence, status=status, participant=ParticipantFactory(country="JP"))
    RegistrationFactory(occurrence=other, status=S.ACCEPTED)

    holding = Registration.objects.filter(occurrence=occurrence).holding_seat()
    assert sorted(holding.values_list("status", flat=True)) == sorted(HOLDS_SEAT)
    assert seats_held(occurrence_id=occurrence.pk) == len(HOLDS_SEAT)
    assert seats_held(occurrence_id=occurrence.pk, country="JP") == len(HOLDS_SEAT)
    assert seats_held(occurrence_id=occurrence.pk, country="KR") == 0
    counted = dict(
        Occurrence.objects.filter(pk__in=[occurrence.pk, other.pk])
        .annotate(n=Count("registrations", filter=holding_seat_q("registrations")))
        .values_list("pk", "n")
    )
    assert counted == {occurrence.pk: len(HOLDS_SEAT), other.pk: 1}


def test_not_anonymised_leaves_out_exactly_the_participants_the_purge_anonymised():
    kept = ParticipantFactory(email="someone@example.invalid")  # an odd address is not the purge's mark
    purged = ParticipantFactory()
    placeholder = participant_anonymise(participant=purged)
    assert placeholder == anonymised_email("participant", purged.pk) == f"participant-{purged.pk}@{ANONYMISED_DOMAIN}"
    assert list(Participant.objects.not_anonymised()) == [kept]


@pytest.mark.parametrize(
    ("program_fields", "admitted", "refusals"),
    [
        ({}, {"KR", "JP", "CN", "VN"}, {}),
        ({"eligible_countries": ["KR", "JP"]}, {"KR", "JP"}, {"CN": "not_eligible", "VN": "not_eligible"}),
        ({"excluded_countries": ["KR"]}, {"JP", "CN", "VN"}, {"KR": "excluded"}),
        (
            {"eligible_countries": ["KR", "JP", "CN"], "excluded_countries": ["CN"]},
            {"KR", "JP"},
            {"CN": "excluded", "VN": "not_eligible"},
        ),
    ],
)
def test_country_eligibility_reads_the_same_in_memory_and_as_a_filter(program_fields, admitted, refusals):
    program = ProgramFactory(**program_fields)
    for code in ("KR", "JP", "CN", "VN"):
        ParticipantFactory(country=code)
    assert {code for code in ("KR", "JP", "CN", "VN") if program.admits_country(code)} == admitted
    assert {
        code: program.country_refusal(code) for code in ("KR", "JP", "CN", "VN") if program.country_refusal(code)
    } == refusals
    assert {str(p.country) for p in Participant.objects.admitted_to(program)} == admitted
    assert Program.COUNTRY_NOT_ELIGIBLE == "not_eligible" and Program.COUNTRY_EXCLUDED == "excluded"
