"""Staff edit a participant's details, but cannot hand the profile (and its registrations and
certificates) to another login account."""

import pytest
from django.urls import reverse

from tests.admin.helpers import change_form_data
from tests.factories import ParticipantFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_staff_cannot_link_a_participant_to_another_account(client_a, org_a):
    owner = UserFactory(email="owner@example.org")
    participant = ParticipantFactory(user=owner, email=owner.email, organization=org_a, position="Director")
    stranger = UserFactory(email="stranger@example.org")
    url = reverse("admin:participants_participant_change", args=[participant.pk])
    data = change_form_data(client_a.get(url))
    data.update({"user": str(stranger.pk), "position": "Deputy director"})

    response = client_a.post(url, data)

    assert response.status_code == 302
    participant.refresh_from_db()
    assert (participant.user, participant.position) == (owner, "Deputy director")
