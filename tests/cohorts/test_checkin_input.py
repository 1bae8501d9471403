import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from cohorts.models import AttendanceDay
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def running_today(client):
    host = OrganizationFactory()
    today = timezone.localdate()
    occurrence = hosted_occurrence(
        host, start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )
    registration = registration_in(occurrence, S.ACCEPTED, family_name="Nguyen", email="anh+vn@example.org")
    client.force_login(staff_user(host))
    return occurrence, registration


def test_checkin_with_a_malformed_day_records_nothing_and_says_why(client, running_today):
    occurrence, registration = running_today

    response = client.post(
        reverse("cohorts:checkin_mark", args=[registration.pk]), {"day": "2026-13-45", "q": "Nguyen"}
    )

    assert response.status_code == 302
    assert response.url == reverse("cohorts:checkin", args=[occurrence.pk]) + "?q=Nguyen"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "“2026-13-45” is not a date; nobody was checked in."
    ]
    assert AttendanceDay.objects.count() == 0
    registration.refresh_from_db()
    assert registration.status == S.ACCEPTED


def test_checkin_returns_to_the_same_search_even_with_reserved_characters(client, running_today):
    occurrence, registration = running_today
    today = timezone.localdate()

    response = client.post(
        reverse("cohorts:checkin_mark", args=[registration.pk]), {"day": today.isoformat(), "q": "anh+vn@example.org"}
    )

    assert response.url == (
        reverse("cohorts:checkin", args=[occurrence.pk]) + f"?q=anh%2Bvn%40example.org&day={today.isoformat()}"
    )
    assert client.get(response.url).context["query"] == "anh+vn@example.org"
    assert list(AttendanceDay.objects.values_list("day", flat=True)) == [today]


def test_staff_without_a_cohort_group_cannot_look_participants_up(client):
    from cohorts.services import registration_checkin_token
    from tests.factories import UserFactory

    host = OrganizationFactory()
    occurrence = hosted_occurrence(host)
    registration = registration_in(occurrence, S.ACCEPTED, family_name="Nguyen")
    client.force_login(UserFactory(is_staff=True, organization=host))

    assert client.get(reverse("cohorts:checkin", args=[occurrence.pk]), {"q": "nguyen"}).status_code == 403
    assert client.get(reverse("cohorts:checkin_qr", args=[registration.pk])).status_code == 403
    assert (
        client.get(reverse("cohorts:checkin_token", args=[registration_checkin_token(registration)])).status_code == 403
    )
