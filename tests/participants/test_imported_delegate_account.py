"""A delegate imported by staff who later signs up with the same address sees their registrations
once the address is verified (issue 11.6); an unverified sign-up links nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import user_email_verify, user_signup, user_verification_token
from participants.models import Participant
from participants.services import registration_import
from tests.factories import OccurrenceFactory, ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

EMAIL = "delegate@example.go.jp"
PROFILE = {"family_name": "Sato", "given_name": "Yuki", "country": "JP"}


@pytest.fixture
def imported():
    staff = UserFactory(is_staff=True)
    registration, _ = registration_import(
        occurrence=OccurrenceFactory(title_en="Tokyo Forum"), email=EMAIL, profile=PROFILE, by=staff
    )
    return registration


def test_verifying_the_address_links_the_imported_profile_with_history(client, imported):
    user = user_signup(email="Delegate@Example.go.jp", password="plum-harbour-lantern-42", language="ja")
    client.force_login(user)
    detail = reverse("participants:registration_detail", args=[imported.pk])
    assert client.get(detail).status_code == 404  # not yet: anyone may sign up with any address
    assert "Tokyo Forum" not in client.get(reverse("participants:my_registrations")).content.decode()

    user_email_verify(token=user_verification_token(user=user))

    participant = Participant.objects.get(pk=imported.participant_id)
    assert participant.user == user
    latest = participant.history.first()
    assert latest.user_id == user.pk and latest.history_user_id == user.pk
    assert latest.history_change_reason == "Linked to the account whose email address was verified"
    assert client.get(detail).status_code == 200
    assert "Tokyo Forum" in client.get(reverse("participants:my_registrations")).content.decode()


def test_an_unverified_sign_up_links_nothing(imported):
    user_signup(email=EMAIL, password="plum-harbour-lantern-42", language="en")
    assert Participant.objects.get(pk=imported.participant_id).user is None


def test_the_link_is_made_once_and_never_takes_another_accounts_profile(imported):
    owner = UserFactory(email="someone@example.org", email_verified_at=timezone.now())
    own = ParticipantFactory(user=owner, email="someone@example.org")
    user = UserFactory(email=EMAIL)
    user.email_verified_at = None
    user.save()
    user_email_verify(token=user_verification_token(user=user))
    first_history = Participant.objects.get(pk=imported.participant_id).history.count()
    user_email_verify(token=user_verification_token(user=user))  # the link again: nothing more
    assert Participant.objects.get(pk=imported.participant_id).history.count() == first_history
    assert Participant.objects.get(pk=own.pk).user == owner


def test_a_list_imported_after_verification_goes_to_the_verified_account(imported):
    user = UserFactory(email="early@example.org", email_verified_at=timezone.now(), preferred_language="ko")
    registration, created = registration_import(
        occurrence=imported.occurrence, email="early@example.org", profile=PROFILE, by=None
    )
    assert created and registration.participant.user == user
    assert registration.participant.preferred_language == "ko"
