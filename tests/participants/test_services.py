import datetime

import pytest
from django.core import mail
from django.utils import timezone

from participants.errors import AlreadyRegistered, RegistrationError
from participants.models import Registration
from participants.services import (
    registration_submit,
    registration_transition,
    registration_withdraw,
    registrations_transition_bulk,
)
from tests.factories import CountryQuotaFactory, OccurrenceFactory, ParticipantFactory, ProgramFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = Registration.Status


def test_submit_automatic_admission_accepts_and_emails(submit):
    occurrence = OccurrenceFactory(capacity=2)
    registration = submit(ParticipantFactory(), occurrence)
    assert registration.status == S.ACCEPTED
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1
    assert [m.subject for m in mail.outbox] == [f"Your registration for {occurrence.title} is accepted"]
    assert list(registration.status_changes.values_list("from_status", "to_status")) == [
        ("", "submitted"),
        ("submitted", "accepted"),
    ]


def test_submit_when_full_waitlists(submit):
    occurrence = OccurrenceFactory(capacity=1)
    submit(ParticipantFactory(), occurrence)
    second = submit(ParticipantFactory(), occurrence)
    assert second.status == S.WAITLISTED
    assert mail.outbox[-1].subject == f"You are on the waitlist for {occurrence.title}"


def test_submit_when_country_quota_full_waitlists_only_that_country(submit):
    occurrence = OccurrenceFactory(capacity=10)
    CountryQuotaFactory(occurrence=occurrence, country="JP", seats=1)
    assert submit(ParticipantFactory(country="JP"), occurrence).status == S.ACCEPTED
    assert submit(ParticipantFactory(country="JP"), occurrence).status == S.WAITLISTED
    assert submit(ParticipantFactory(country="CN"), occurrence).status == S.ACCEPTED


def test_review_admission_leaves_registration_submitted(submit):
    occurrence = OccurrenceFactory(admission="review", capacity=5)
    registration = submit(ParticipantFactory(), occurrence)
    assert registration.status == S.SUBMITTED
    assert mail.outbox[0].subject == f"We received your registration for {occurrence.title}"


def test_second_registration_is_refused_and_points_to_the_first(submit):
    participant, occurrence = ParticipantFactory(), OccurrenceFactory()
    first = submit(participant, occurrence)
    with pytest.raises(AlreadyRegistered) as refused:
        submit(participant, occurrence)
    assert refused.value.registration == first
    assert Registration.objects.count() == 1


def test_submit_without_consent_is_refused():
    with pytest.raises(RegistrationError, match="consent"):
        registration_submit(participant=ParticipantFactory(), occurrence=OccurrenceFactory(), consent=False)
    assert Registration.objects.count() == 0


def test_withdraw_promotes_first_waitlisted_of_the_same_country(submit, django_capture_on_commit_callbacks):
    occurrence = OccurrenceFactory(capacity=2)
    leaving = submit(ParticipantFactory(country="KR"), occurrence)
    submit(ParticipantFactory(country="CN"), occurrence)
    waiting_cn = submit(ParticipantFactory(country="CN"), occurrence)
    waiting_kr = submit(ParticipantFactory(country="KR"), occurrence)
    assert (waiting_cn.status, waiting_kr.status) == (S.WAITLISTED, S.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        registration_withdraw(registration=leaving)
    waiting_cn.refresh_from_db()
    waiting_kr.refresh_from_db()
    assert (waiting_kr.status, waiting_cn.status) == (S.ACCEPTED, S.WAITLISTED)
    assert mail.outbox[-1].subject == f"A place is now yours: {occurrence.title}"
    assert mail.outbox[-1].to == [waiting_kr.participant.email]


def test_accept_beyond_capacity_is_refused_and_changes_nothing(submit):
    occurrence = OccurrenceFactory(capacity=1, admission="review")
    first, second = submit(ParticipantFactory(), occurrence), submit(ParticipantFactory(), occurrence)
    registration_transition(registration=first, to_status=S.ACCEPTED)
    with pytest.raises(RegistrationError, match="All 1 seats"):
        registration_transition(registration=second, to_status=S.ACCEPTED)
    second.refresh_from_db()
    assert second.status == S.SUBMITTED
    assert second.status_changes.count() == 1


def test_complete_without_attending_is_refused(submit):
    registration = submit(ParticipantFactory(), OccurrenceFactory())
    with pytest.raises(RegistrationError, match="cannot become completed"):
        registration_transition(registration=registration, to_status=S.COMPLETED)
    registration_transition(registration=registration, to_status=S.ATTENDED)
    assert registration_transition(registration=registration, to_status=S.COMPLETED).status == S.COMPLETED


def test_bulk_transition_is_all_or_nothing(submit):
    occurrence = OccurrenceFactory(capacity=2, admission="review")
    registrations = [submit(ParticipantFactory(), occurrence) for _ in range(3)]
    with pytest.raises(RegistrationError):
        registrations_transition_bulk(registrations=registrations, to_status=S.ACCEPTED)
    assert set(Registration.objects.values_list("status", flat=True)) == {S.SUBMITTED}
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 0


@pytest.mark.parametrize(
    "program_fields, participant_fields, answers, message",
    [
        ({"top_admin_level": 5}, {"admin_level": 4}, {}, "level 5 and below"),
        ({"top_admin_level": 5}, {"admin_level": None}, {}, "administrative level"),
        ({"eligible_countries": ["KR"]}, {"country": "JP"}, {}, "open to officials from South Korea only"),
        ({"excluded_countries": ["KR"]}, {"country": "KR"}, {}, "not open to officials from South Korea"),
        ({"languages": ["en", "ko"]}, {}, {"language": "fr"}, "choose one of this program's languages"),
    ],
)
def test_ineligible_officials_are_refused_with_a_reason(program_fields, participant_fields, answers, message):
    occurrence = OccurrenceFactory(program=ProgramFactory(**program_fields))
    with pytest.raises(RegistrationError, match=message):
        registration_submit(
            participant=ParticipantFactory(**participant_fields), occurrence=occurrence, answers=answers, consent=True
        )
    assert Registration.objects.count() == 0


def test_registration_window_is_enforced():
    closed = OccurrenceFactory(
        registration_closes_at=timezone.now() - datetime.timedelta(minutes=1),
        registration_opens_at=timezone.now() - datetime.timedelta(days=2),
    )
    with pytest.raises(RegistrationError, match="has closed"):
        registration_submit(participant=ParticipantFactory(), occurrence=closed, consent=True)
