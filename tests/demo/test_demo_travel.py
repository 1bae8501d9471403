"""The demo's travel samples: hotels of the sample CJK workshop, two officials sharing a room,
the demo official still to send their travel details, and GAOK's staff able to see it all."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from participants.models import Registration, TravelDetails
from participants.selectors import registrations_missing_travel, registrations_visible_to

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_demo_has_hotels_a_shared_room_and_an_official_still_to_send_details(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
        call_command("load_demo", stdout=io.StringIO())  # idempotent
    travel = TravelDetails.objects.select_related("registration__participant", "room__hotel").order_by(
        "registration__participant__email"
    )
    assert [(t.registration.participant.email, t.room.hotel.name, t.room.number) for t in travel] == [
        ("sato.yuki@example.org", "Lotte Hotel Seoul (sample)", "1201"),
        ("wang.fang@example.org", "Lotte Hotel Seoul (sample)", "1201"),
    ]
    workshop = travel[0].registration.occurrence
    assert workshop.travel_details_due == workshop.start_date - datetime.timedelta(days=14)
    staff = get_user_model().objects.get(email="staff@example.org")
    missing = registrations_missing_travel(registrations_visible_to(staff).filter(occurrence=workshop))
    assert [r.participant.email for r in missing] == ["official@example.org"]
    assert Registration.objects.filter(followup_completed_at__isnull=False).count() == 2
