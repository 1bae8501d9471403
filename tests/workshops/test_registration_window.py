"""The registration window is one rule: the queryset filter and the per-occurrence state agree."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import OccurrenceFactory
from workshops.models import Occurrence, RegistrationState
from workshops.selectors import occurrences_open_for_registration

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

NOW = timezone.make_aware(datetime.datetime(2031, 3, 10, 12, 0))
HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"registration_opens_at": NOW - HOUR, "registration_closes_at": NOW + HOUR}, RegistrationState.OPEN),
        ({"registration_opens_at": NOW, "registration_closes_at": NOW + HOUR}, RegistrationState.OPEN),
        ({"registration_opens_at": NOW - HOUR, "registration_closes_at": None}, RegistrationState.OPEN),
        ({"registration_opens_at": NOW + HOUR, "registration_closes_at": None}, RegistrationState.NOT_YET_OPEN),
        ({"registration_opens_at": NOW - HOUR, "registration_closes_at": NOW}, RegistrationState.CLOSED),
        ({"registration_opens_at": NOW - 2 * HOUR, "registration_closes_at": NOW - HOUR}, RegistrationState.CLOSED),
        ({"registration_opens_at": None, "registration_closes_at": None}, RegistrationState.NOT_SCHEDULED),
        ({"registration_opens_at": None, "registration_closes_at": NOW + HOUR}, RegistrationState.NOT_SCHEDULED),
        (
            {"registration_opens_at": NOW - HOUR, "registration_closes_at": NOW + HOUR, "is_cancelled": True},
            RegistrationState.CANCELLED,
        ),
    ],
)
def test_open_for_registration_selects_exactly_the_occurrences_whose_state_is_open(fields, state):
    occurrence = OccurrenceFactory(**fields)
    assert occurrence.registration_state(NOW) is state
    assert occurrence.registration_is_open(NOW) is (state is RegistrationState.OPEN)
    selected = Occurrence.objects.open_for_registration(NOW).filter(pk=occurrence.pk).exists()
    assert selected is (state is RegistrationState.OPEN)


def test_open_for_registration_defaults_to_now_and_the_home_page_selector_uses_it():
    open_now = OccurrenceFactory()
    OccurrenceFactory(registration_closes_at=timezone.now() - HOUR, registration_opens_at=timezone.now() - 2 * HOUR)
    OccurrenceFactory(is_cancelled=True)
    assert list(Occurrence.objects.open_for_registration()) == [open_now]
    assert list(occurrences_open_for_registration()) == [open_now]
