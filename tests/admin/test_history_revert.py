"""History pages show past versions; they never write one back over the current row, which
would restore a status or a seat count past participants.services."""

import pytest
from django.urls import reverse

from participants.models import Registration
from participants.services import registration_transition
from tests.cohorts.factories import registration_in

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _post_version(client, url):
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    for prefix in ("status_changes", "attendance_days", "certificate"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return client.post(url, data)


def test_reverting_a_withdrawn_registration_to_its_accepted_version_is_refused(client_a, staff_a, occurrence_a):
    registration = registration_in(occurrence_a, S.SUBMITTED)
    registration_transition(registration=registration, to_status=S.ACCEPTED, by=staff_a)
    accepted_version = registration.history.filter(status=S.ACCEPTED).latest()
    registration_transition(registration=registration, to_status=S.WITHDRAWN, by=staff_a)
    url = reverse("admin:participants_registration_simple_history", args=[registration.pk, accepted_version.history_id])

    assert client_a.get(url).context["revert_disabled"] is True
    response = _post_version(client_a, url)

    assert response.status_code == 403
    registration.refresh_from_db()
    occurrence_a.refresh_from_db()
    assert registration.status == S.WITHDRAWN
    assert occurrence_a.seats_taken == 0
