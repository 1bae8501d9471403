import datetime

import pytest
from django.urls import reverse

from cohorts.models import AttendanceDay
from cohorts.services import (
    CohortError,
    attendance_mark,
    registration_checkin_token,
    registration_checkin_url,
    registration_from_checkin_token,
)
from participants.models import Registration
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]
DAY_ONE = datetime.date(2026, 12, 10)


@pytest.fixture
def venue():
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host, start_date=DAY_ONE, end_date=DAY_ONE + datetime.timedelta(days=2))
    registration = registration_in(
        occurrence,
        S.ACCEPTED,
        family_name="Nguyen",
        given_name="Anh",
        family_name_native="",
        given_name_native="",
        country="VN",
    )
    return host, occurrence, registration


def test_checkin_token_round_trips_and_refuses_tampering(venue, settings):
    settings.SITE_URL = "https://portal.example.org/"
    _host, _occurrence, registration = venue
    token = registration_checkin_token(registration)

    assert registration_from_checkin_token(token) == registration
    assert registration_checkin_url(registration) == f"https://portal.example.org/staff/checkin/t/{token}/"
    with pytest.raises(CohortError) as refused:
        registration_from_checkin_token(token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert refused.value.message == "This QR code is not one of ours or has been altered."


def test_first_checkin_marks_attended_and_each_day_is_recorded_once(venue):
    host, _occurrence, registration = venue
    staff = staff_user(host)

    attendance_mark(registration=registration, day=DAY_ONE, by=staff)
    attendance_mark(registration=registration, day=DAY_ONE, by=staff)
    attendance_mark(registration=registration, day=DAY_ONE + datetime.timedelta(days=1), by=staff)

    registration.refresh_from_db()
    assert registration.status == S.ATTENDED
    assert list(AttendanceDay.objects.values_list("day", flat=True)) == [DAY_ONE, DAY_ONE + datetime.timedelta(days=1)]
    assert list(registration.status_changes.values_list("to_status", "note")) == [("attended", "Checked in")]


def test_checkin_outside_the_occurrence_days_or_for_a_rejected_participant_is_refused(venue):
    _host, occurrence, registration = venue
    with pytest.raises(CohortError) as refused:
        attendance_mark(registration=registration, day=DAY_ONE - datetime.timedelta(days=1))
    assert refused.value.message == f"2026-12-09 is not a day of {occurrence.title}."
    rejected = registration_in(occurrence, S.REJECTED, family_name="Out")
    with pytest.raises(CohortError) as refused:
        attendance_mark(registration=rejected, day=DAY_ONE)
    assert refused.value.message == f"{rejected.participant} is rejected, not expected at the venue."
    assert AttendanceDay.objects.count() == 0


def test_checkin_page_finds_by_name_and_marks_the_day(client, venue):
    host, occurrence, registration = venue
    client.force_login(staff_user(host))
    page = reverse("cohorts:checkin", args=[occurrence.pk])

    found = client.get(page, {"q": "nguy", "day": DAY_ONE.isoformat()})
    assert [row["registration"] for row in found.context["rows"]] == [registration]

    marked = client.post(
        reverse("cohorts:checkin_mark", args=[registration.pk]), {"day": DAY_ONE.isoformat(), "q": "nguy"}
    )
    assert marked.status_code == 302
    assert marked.url == f"{page}?q=nguy&day=2026-12-10"
    assert client.get(page, {"q": "nguy", "day": DAY_ONE.isoformat()}).context["rows"][0]["today"] is True


def test_qr_code_opens_the_participants_checkin_page(client, venue):
    host, _occurrence, registration = venue
    client.force_login(staff_user(host))

    png = client.get(reverse("cohorts:checkin_qr", args=[registration.pk]))
    page = client.get(reverse("cohorts:checkin_token", args=[registration_checkin_token(registration)]))

    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.status_code == 200 and page.context["registration"] == registration
    assert client.get(reverse("cohorts:checkin_token", args=["12:forged"])).status_code == 400


def test_checkin_pages_of_another_organization_are_refused(client, venue):
    _host, occurrence, registration = venue
    client.force_login(staff_user(OrganizationFactory()))

    assert client.get(reverse("cohorts:checkin", args=[occurrence.pk])).status_code == 404
    assert (
        client.post(reverse("cohorts:checkin_mark", args=[registration.pk]), {"day": "2026-12-10"}).status_code == 404
    )
    assert client.get(reverse("cohorts:checkin_qr", args=[registration.pk])).status_code == 404
    assert (
        client.get(reverse("cohorts:checkin_token", args=[registration_checkin_token(registration)])).status_code == 404
    )
    assert AttendanceDay.objects.count() == 0


def test_reviewers_may_look_people_up_but_not_check_them_in(client, venue):
    host, occurrence, registration = venue
    client.force_login(staff_user(host, group="Program reviewers"))

    assert client.get(reverse("cohorts:checkin", args=[occurrence.pk]), {"q": "nguyen"}).status_code == 200
    assert (
        client.post(reverse("cohorts:checkin_mark", args=[registration.pk]), {"day": "2026-12-10"}).status_code == 403
    )
    assert AttendanceDay.objects.count() == 0
