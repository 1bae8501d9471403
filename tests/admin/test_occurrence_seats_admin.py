"""Capacity and country quotas edited in the admin can never fall below the seats already held:
the form says so, instead of the database refusing the write with a server error."""

import pytest
from django.urls import reverse

from participants.models import Registration
from participants.services import registration_transition
from tests.admin.helpers import change_form_data
from tests.cohorts.factories import registration_in
from workshops.models import CountryQuota

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _accept(occurrence, staff, country, count):
    for _i in range(count):
        registration_transition(
            registration=registration_in(occurrence, S.SUBMITTED, country=country), to_status=S.ACCEPTED, by=staff
        )


def test_capacity_below_the_seats_taken_is_refused_with_a_message(client_a, staff_a, occurrence_a):
    _accept(occurrence_a, staff_a, "JP", 3)
    url = reverse("admin:workshops_occurrence_change", args=[occurrence_a.pk])
    data = change_form_data(client_a.get(url))
    data["capacity"] = "2"

    response = client_a.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["capacity"] == [
        "3 seats are taken already; the capacity cannot be lower."
    ]
    occurrence_a.refresh_from_db()
    assert occurrence_a.capacity == 10


def test_new_quota_counts_the_seats_its_country_already_holds(client_a, staff_a, occurrence_a):
    _accept(occurrence_a, staff_a, "JP", 3)
    url = reverse("admin:workshops_occurrence_change", args=[occurrence_a.pk])
    data = change_form_data(client_a.get(url))
    data.update(
        {
            "quotas-TOTAL_FORMS": "1",
            "quotas-0-country": "JP",
            "quotas-0-seats": "2",
            "quotas-0-id": "",
            "quotas-0-occurrence": str(occurrence_a.pk),
        }
    )

    response = client_a.post(url, data)

    assert response.status_code == 200
    formset = next(i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == "quotas")
    assert formset.errors[0]["seats"] == ["3 seats are taken by Japan already; the quota cannot be lower."]
    assert CountryQuota.objects.count() == 0

    data["quotas-0-seats"] = "4"
    response = client_a.post(url, data)

    assert response.status_code == 302
    assert list(CountryQuota.objects.values_list("country", "seats", "seats_taken")) == [("JP", 4, 3)]


def test_raising_the_capacity_promotes_the_first_waitlisted(client_a, staff_a, occurrence_a):
    occurrence_a.capacity = 1
    occurrence_a.save(update_fields=["capacity"])
    _accept(occurrence_a, staff_a, "JP", 1)
    waiting = registration_in(occurrence_a, S.SUBMITTED, country="VN")
    registration_transition(registration=waiting, to_status=S.WAITLISTED, by=staff_a)
    url = reverse("admin:workshops_occurrence_change", args=[occurrence_a.pk])
    data = change_form_data(client_a.get(url))
    data["capacity"] = "2"

    response = client_a.post(url, data)

    assert response.status_code == 302
    waiting.refresh_from_db()
    occurrence_a.refresh_from_db()
    assert waiting.status == S.ACCEPTED
    assert occurrence_a.seats_taken == 2
    assert list(waiting.status_changes.values_list("to_status", "changed_by", "note").order_by("-id")[:1]) == [
        (S.ACCEPTED, staff_a.pk, "Promoted from the waitlist")
    ]
