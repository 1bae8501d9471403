"""Attendance added in the admin follows the same rules as the check-in page (cohorts.services)."""

import datetime

import pytest
from django.urls import reverse

from cohorts.models import AttendanceDay
from participants.models import Registration
from tests.cohorts.factories import registration_in

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def dated_occurrence(occurrence_a):
    occurrence_a.start_date, occurrence_a.end_date = datetime.date(2026, 12, 10), datetime.date(2026, 12, 11)
    occurrence_a.save(update_fields=["start_date", "end_date"])
    return occurrence_a


def test_admin_attendance_for_a_withdrawn_registration_is_refused(client_a, dated_occurrence):
    withdrawn = registration_in(dated_occurrence, S.WITHDRAWN, family_name="Gone", given_name="Away")

    response = client_a.post(
        reverse("admin:cohorts_attendanceday_add"), {"registration": withdrawn.pk, "day": "2026-12-10"}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        f"{withdrawn.participant} is withdrawn, not expected at the venue."
    ]
    assert AttendanceDay.objects.count() == 0


def test_admin_attendance_outside_the_occurrence_days_is_refused(client_a, dated_occurrence):
    accepted = registration_in(dated_occurrence, S.ACCEPTED)

    response = client_a.post(
        reverse("admin:cohorts_attendanceday_add"), {"registration": accepted.pk, "day": "2026-12-25"}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        f"2026-12-25 is not a day of {dated_occurrence.title}."
    ]
    assert AttendanceDay.objects.count() == 0


def test_admin_attendance_marks_the_registration_attended(client_a, staff_a, dated_occurrence):
    accepted = registration_in(dated_occurrence, S.ACCEPTED)

    response = client_a.post(
        reverse("admin:cohorts_attendanceday_add"), {"registration": accepted.pk, "day": "2026-12-10"}
    )

    assert response.status_code == 302
    assert list(AttendanceDay.objects.values_list("registration", "day", "checked_in_by")) == [
        (accepted.pk, datetime.date(2026, 12, 10), staff_a.pk)
    ]
    accepted.refresh_from_db()
    assert accepted.status == S.ATTENDED
    assert list(accepted.status_changes.values_list("to_status", "changed_by")) == [(S.ATTENDED, staff_a.pk)]
