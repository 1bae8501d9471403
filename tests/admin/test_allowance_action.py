import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.models import AllowancePayment
from participants.models import Registration
from programs.models import CostShare
from tests.cohorts.factories import PlacementFactory, hosted_occurrence, registration_in

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_allowance_action_is_all_or_nothing(client_a, org_a, occurrence_a):
    CostShare.objects.create(
        program=occurrence_a.program, payer_role="GAOK", covers="Allowance", monthly_allowance_krw=400_000
    )
    without_allowance = hosted_occurrence(org_a)
    dates = {"training_start": datetime.date(2026, 4, 1), "training_end": datetime.date(2026, 6, 30)}
    paid = PlacementFactory(registration=registration_in(occurrence_a, S.ACCEPTED), **dates)
    unpaid = PlacementFactory(registration=registration_in(without_allowance, S.ACCEPTED), **dates)

    response = client_a.post(
        reverse("admin:cohorts_placement_changelist"),
        {
            "action": "generate_allowances",
            "_selected_action": [paid.pk, unpaid.pk],
            "index": 0,
        },
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Nothing was changed. {without_allowance.program.name} has no monthly allowance in its cost shares."
    ]
    assert AllowancePayment.objects.count() == 0
