import re

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.models import Participant
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

PROFILE = {
    "family_name_native": "王",
    "given_name_native": "芳",
    "family_name": "Wang",
    "given_name": "Fang",
    "country": "CN",
    "organization": "",
    "department": "Foreign Affairs Office",
    "position": "Officer",
    "admin_level": "",
    "languages": ["zh", "ko"],
    "phone": "+86 10 1234 5678",
    "preferred_language": "zh-hans",
}


def test_profile_created_and_language_copied_to_account(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("participants:profile"), PROFILE)
    assert response["Location"] == reverse("participants:profile")
    participant = Participant.objects.get(user=user)
    assert (participant.email, participant.family_name_native, participant.languages, participant.admin_level) == (
        user.email,
        "王",
        ["zh", "ko"],
        None,
    )
    user.refresh_from_db()
    assert user.preferred_language == "zh-hans"


def test_profile_edits_only_own_participant(client):
    user = UserFactory(email_verified_at=timezone.now())
    own = ParticipantFactory(user=user, email=user.email)
    other = ParticipantFactory(user=UserFactory(), family_name="Lee")
    client.force_login(user)
    client.post(reverse("participants:profile"), PROFILE)
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.family_name, other.family_name) == ("Wang", "Lee")
    assert Participant.objects.count() == 2


def test_profile_takes_over_imported_profile_once_verified(client):
    user = UserFactory(email="delegate@example.org", email_verified_at=timezone.now())
    imported = ParticipantFactory(email="Delegate@example.org", user=None)
    client.force_login(user)
    client.post(reverse("participants:profile"), PROFILE)
    imported.refresh_from_db()
    assert (imported.user, imported.family_name) == (user, "Wang")
    assert Participant.objects.count() == 1


def test_profile_of_imported_address_refused_before_verification(client):
    user = UserFactory(email="delegate@example.org")
    ParticipantFactory(email="delegate@example.org", user=None, family_name="Lee")
    client.force_login(user)
    response = client.post(reverse("participants:profile"), PROFILE)
    assert "A profile with your email address already exists. Verify your email address to take it over." in (
        response.content.decode()
    )
    assert Participant.objects.get().family_name == "Lee"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("family_name", "王", "Please write this name in Latin letters, as in your passport."),
        ("given_name", "Fang2", "Please write this name in Latin letters, as in your passport."),
        ("phone", "call me", "Please enter a phone number with its country code, e.g. +82 2 1234 5678."),
        ("country", "XX", "Select a valid choice. XX is not one of the available choices."),
        ("admin_level", "12", "Select a valid choice. 12 is not one of the available choices."),
        ("family_name", "", "This field is required."),
    ],
)
def test_profile_bad_input_shown_next_to_field_and_kept(client, field, value, error):
    client.force_login(UserFactory())
    response = client.post(reverse("participants:profile"), {**PROFILE, field: value})
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [error]}
    page = response.content.decode()
    # The message is tied to its field for screen readers.
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', page)
    assert f'<div id="id_{field}_error" class="invalid-feedback">' in page
    assert 'value="Foreign Affairs Office"' in page
    assert Participant.objects.count() == 0


def test_profile_vietnamese_romanized_name_accepted(client):
    user = UserFactory()
    client.force_login(user)
    client.post(
        reverse("participants:profile"), {**PROFILE, "family_name": "Nguyễn", "given_name": "Văn An", "country": "VN"}
    )
    assert Participant.objects.get(user=user).given_name == "Văn An"
