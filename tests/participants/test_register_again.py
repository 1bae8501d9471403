"""An official who withdrew registers again (issue 11.10), and an ineligible official learns why
before filling the form; the occurrence page says who may register."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from participants.errors import AlreadyRegistered, RegistrationError
from participants.models import Registration
from participants.services import registration_transition, registration_withdraw
from tests.factories import OccurrenceFactory, ParticipantFactory, ProgramFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
S = Registration.Status


def test_withdrawn_official_registers_again_on_the_same_row_with_history(submit):
    participant, occurrence = ParticipantFactory(), OccurrenceFactory(capacity=5)
    first = submit(participant, occurrence)
    registration_withdraw(registration=first)
    again = submit(participant, occurrence)
    assert again.pk == first.pk and again.status == S.ACCEPTED
    assert list(again.status_changes.values_list("from_status", "to_status")) == [
        ("", "submitted"),
        ("submitted", "accepted"),
        ("accepted", "withdrawn"),
        ("withdrawn", "submitted"),
        ("submitted", "accepted"),
    ]
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1
    assert mail.outbox[-1].subject == f"Your registration for {occurrence.title} is accepted"
    assert Registration.objects.count() == 1


def test_registering_again_joins_the_back_of_the_waitlist(submit):
    occurrence = OccurrenceFactory(capacity=1)
    submit(ParticipantFactory(), occurrence)
    leaver = ParticipantFactory()
    earlier = submit(leaver, occurrence)
    assert earlier.status == S.WAITLISTED
    registration_withdraw(registration=earlier)
    waiting = submit(ParticipantFactory(), occurrence)
    again = submit(leaver, occurrence)
    assert again.status == S.WAITLISTED and again.submitted_at > waiting.submitted_at


def test_only_a_withdrawn_registration_may_start_over(submit):
    participant, occurrence = ParticipantFactory(), OccurrenceFactory(admission="review")
    registration = submit(participant, occurrence)
    registration_transition(registration=registration, to_status=S.REJECTED)
    with pytest.raises(AlreadyRegistered):
        submit(participant, occurrence)


def test_no_registering_again_once_registration_closed(submit):
    participant, occurrence = ParticipantFactory(), OccurrenceFactory()
    registration_withdraw(registration=submit(participant, occurrence))
    occurrence.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    occurrence.save()
    with pytest.raises(RegistrationError, match="has closed"):
        submit(participant, occurrence)
    assert Registration.objects.get().status == S.WITHDRAWN


def _signed_in(client, **participant):
    user = UserFactory(email_verified_at=timezone.now())
    participant = ParticipantFactory(user=user, email=user.email, **participant)
    client.force_login(user)
    return participant


def test_register_page_offers_the_form_again_after_withdrawing(client, submit):
    participant, occurrence = _signed_in(client), OccurrenceFactory()
    registration = submit(participant, occurrence)
    registration_withdraw(registration=registration)
    detail = client.get(reverse("participants:registration_detail", args=[registration.pk])).content.decode()
    assert 'id="register-again"' in detail
    page = client.get(reverse("participants:register", args=[occurrence.slug])).content.decode()
    assert 'id="registration-form"' in page and "You can register again" in page


@pytest.mark.parametrize(
    ("program", "participant", "reason"),
    [
        ({"eligible_countries": ["KR"]}, {"country": "JP"}, "This program is open to officials from South Korea only."),
        ({"excluded_countries": ["KR"]}, {"country": "KR"}, "This program is not open to officials from South Korea."),
        ({"top_admin_level": 5}, {"country": "KR", "admin_level": 3}, "administrative level 5 and below"),
        ({"top_admin_level": 5}, {"country": "KR", "admin_level": None}, "Please add your administrative level"),
    ],
)
def test_ineligible_official_is_told_why_with_no_form(client, program, participant, reason):
    _signed_in(client, **participant)
    occurrence = OccurrenceFactory(program=ProgramFactory(**program))
    response = client.get(reverse("participants:register", args=[occurrence.slug]))
    page = response.content.decode()
    assert reason in page and 'id="registration-refused"' in page
    assert 'id="registration-form"' not in page
    assert client.post(reverse("participants:register", args=[occurrence.slug]), {}).status_code == 400
    assert not Registration.objects.exists()


def test_occurrence_page_says_who_may_register(client):
    program = ProgramFactory(eligible_countries=["KR", "JP"], top_admin_level=5, languages=["en", "ko"])
    occurrence = OccurrenceFactory(program=program)
    page = client.get(occurrence.get_absolute_url()).content.decode()
    assert "This program is open to officials from South Korea, Japan only." in page
    assert "Open to officials of administrative level 5 and below" in page
    assert "You choose one of the working languages: English, Korean." in page
    open_to_all = client.get(OccurrenceFactory().get_absolute_url()).content.decode()
    assert "Public officials from every country may register." in open_to_all
