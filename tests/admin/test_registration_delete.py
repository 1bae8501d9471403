"""A superuser deleting a registration frees its seat like a withdrawal does."""

import pytest
from django.urls import reverse

from participants.models import Registration
from participants.services import registration_transition
from tests.cohorts.factories import registration_in
from tests.factories import UserFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def full_occurrence(occurrence_a):
    occurrence_a.capacity = 1
    occurrence_a.save(update_fields=["capacity"])
    admin = UserFactory(is_staff=True, is_superuser=True)
    seated = registration_in(occurrence_a, S.SUBMITTED)
    registration_transition(registration=seated, to_status=S.ACCEPTED, by=admin)
    waiting = registration_in(occurrence_a, S.SUBMITTED)
    registration_transition(registration=waiting, to_status=S.WAITLISTED, by=admin)
    return admin, seated, waiting


def test_deleting_a_seated_registration_frees_the_seat_for_the_waitlist(client, occurrence_a, full_occurrence):
    admin, seated, waiting = full_occurrence
    client.force_login(admin)

    response = client.post(reverse("admin:participants_registration_delete", args=[seated.pk]), {"post": "yes"})

    assert response.status_code == 302
    waiting.refresh_from_db()
    occurrence_a.refresh_from_db()
    assert Registration.objects.filter(pk=seated.pk).exists() is False
    assert (waiting.status, occurrence_a.seats_taken) == (S.ACCEPTED, 1)


def test_bulk_delete_frees_every_seat(client, occurrence_a, full_occurrence):
    admin, seated, waiting = full_occurrence
    client.force_login(admin)

    response = client.post(
        reverse("admin:participants_registration_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [seated.pk, waiting.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    occurrence_a.refresh_from_db()
    assert (Registration.objects.count(), occurrence_a.seats_taken) == (0, 0)
