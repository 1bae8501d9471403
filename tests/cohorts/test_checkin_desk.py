"""The check-in desk at the venue: anyone found by their full name in any spelling, the days of
the occurrence only, a head-count per day, undo of a mistaken check-in, and the QR code."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.models import AttendanceDay
from cohorts.selectors import checkin_search
from cohorts.services import CohortError, attendance_mark, attendance_undo, registration_checkin_url
from participants.models import Participant, Registration
from programs.roles import CHECKIN_DESK
from tests.cohorts.factories import hosted_occurrence, registration_in, staff_user
from tests.factories import OrganizationFactory

S = Registration.Status
pytestmark = [pytest.mark.django_db, pytest.mark.integration]
FIRST = datetime.date(2030, 4, 1)  # the occurrence runs long after today
DAYS = [FIRST + datetime.timedelta(days=n) for n in range(3)]
PEOPLE = {
    "li": {
        "family_name": "Li",
        "given_name": "Na",
        "family_name_native": "李",
        "given_name_native": "娜",
        "country": "CN",
    },
    "yamada": {
        "family_name": "Yamada",
        "given_name": "Taro",
        "family_name_native": "山田",
        "given_name_native": "太郎",
        "country": "JP",
    },
    "tran": {
        "family_name": "Tran",
        "given_name": "Thi Lan",
        "family_name_native": "Trần",
        "given_name_native": "Thị Lan",
        "country": "VN",
    },
    "nguyen": {
        "family_name": "Nguyen",
        "given_name": "Van An",
        "family_name_native": "Nguyễn",
        "given_name_native": "Văn An",
        "country": "VN",
    },
}


@pytest.fixture
def venue():
    host = OrganizationFactory()
    occurrence = hosted_occurrence(host, start_date=DAYS[0], end_date=DAYS[-1])
    people = {key: registration_in(occurrence, S.ACCEPTED, **names) for key, names in PEOPLE.items()}
    return host, occurrence, people


def _found(occurrence, query):
    return [r.participant.family_name for r in checkin_search(occurrence=occurrence, query=query)]


@pytest.mark.parametrize(
    ("query", "family_name"),
    [
        ("Li Na", "Li"),
        ("Na Li", "Li"),
        ("李娜", "Li"),
        ("李 娜", "Li"),
        ("山田太郎", "Yamada"),
        ("Yamada Taro", "Yamada"),
        ("taro yamada", "Yamada"),
        ("YamadaTaro", "Yamada"),
        ("tran thi lan", "Tran"),
        ("Trần Thị Lan", "Tran"),
        ("thi lan tran", "Tran"),
        ("nguyen van an", "Nguyen"),
    ],
)
def test_full_names_are_found_in_either_order_script_spacing_and_diacritics(venue, query, family_name):
    _host, occurrence, _people = venue
    assert _found(occurrence, query) == [family_name]


def test_one_name_part_and_the_email_still_find_people(venue):
    _host, occurrence, people = venue
    assert _found(occurrence, "Na") == ["Li", "Nguyen"]  # "Na" is in "Li Na" and in "Nguyen Van An"
    assert _found(occurrence, people["yamada"].participant.email) == ["Yamada"]
    assert _found(occurrence, "   ") == []


def test_vietnamese_names_keep_their_spaces_and_cjk_names_have_none(venue):
    _host, _occurrence, people = venue
    assert people["nguyen"].participant.native_name == "Nguyễn Văn An"
    assert people["tran"].participant.native_name == "Trần Thị Lan"
    assert people["li"].participant.native_name == "李娜"
    assert people["yamada"].participant.native_name == "山田太郎"


def test_the_search_key_follows_a_renamed_participant_and_the_migration_fills_old_rows(venue):
    import importlib

    from django.apps import apps

    _host, occurrence, people = venue
    participant = people["li"].participant
    participant.given_name, participant.given_name_native = "Ming", "明"
    participant.save(update_fields=["given_name", "given_name_native"])
    assert _found(occurrence, "Li Ming") == ["Li"] and _found(occurrence, "Li Na") == []

    Participant.objects.update(search_key="")
    assert _found(occurrence, "李明") == []
    importlib.import_module("participants.migrations.0004_participant_search_key").fill(apps, None)
    assert _found(occurrence, "李明") == ["Li"]


def test_the_day_defaults_to_the_first_day_and_only_days_of_the_occurrence_are_offered(client, venue):
    host, occurrence, _people = venue
    client.force_login(staff_user(host, group=CHECKIN_DESK))
    page = reverse("cohorts:checkin", args=[occurrence.pk])

    response = client.get(page, {"q": "Li Na"})
    assert response.context["day"] == FIRST
    assert response.context["days"] == DAYS
    html = response.content.decode()
    assert html.count('<option value="2030-') == 3
    assert 'name="day" value="2030-04-01"' in html

    # A day outside the occurrence (or not a date) falls back to the first day too.
    assert client.get(page, {"q": "Li Na", "day": "2030-05-01"}).context["day"] == FIRST
    assert client.get(page, {"q": "Li Na", "day": "soon"}).context["day"] == FIRST


def test_the_check_in_buttons_carry_the_day_chosen_not_a_stale_one(client, venue):
    host, occurrence, people = venue
    client.force_login(staff_user(host, group=CHECKIN_DESK))
    page = reverse("cohorts:checkin", args=[occurrence.pk])

    html = client.get(page, {"q": "Li Na", "day": "2030-04-02"}).content.decode()
    assert 'name="day" value="2030-04-02"' in html and 'name="day" value="2030-04-01"' not in html
    assert '<option value="2030-04-02" selected>' in html

    response = client.post(reverse("cohorts:checkin_mark", args=[people["li"].pk]), {"day": "2030-04-02", "q": "Li Na"})
    assert response.url == f"{page}?q=Li+Na&day=2030-04-02"
    assert list(AttendanceDay.objects.values_list("day", flat=True)) == [DAYS[1]]


def test_head_count_per_day_follows_check_ins_and_undo(client, venue):
    host, occurrence, people = venue
    client.force_login(staff_user(host, group=CHECKIN_DESK))
    count = reverse("cohorts:checkin_count", args=[occurrence.pk])

    assert client.get(count, {"day": "2030-04-01"}).json() == {"day": "2030-04-01", "checked_in": 0, "expected": 4}
    client.post(reverse("cohorts:checkin_mark", args=[people["li"].pk]), {"day": "2030-04-01"})
    client.post(reverse("cohorts:checkin_mark", args=[people["yamada"].pk]), {"day": "2030-04-01"})
    client.post(reverse("cohorts:checkin_mark", args=[people["li"].pk]), {"day": "2030-04-02"})
    assert client.get(count, {"day": "2030-04-01"}).json()["checked_in"] == 2
    assert client.get(count, {"day": "2030-04-02"}).json()["checked_in"] == 1
    page = client.get(reverse("cohorts:checkin", args=[occurrence.pk]), {"day": "2030-04-01"})
    assert "2 of 4 checked in" in page.content.decode()

    client.post(reverse("cohorts:checkin_undo", args=[people["yamada"].pk]), {"day": "2030-04-01"})
    assert client.get(count, {"day": "2030-04-01"}).json()["checked_in"] == 1
    assert client.get(count, {"day": "1 April"}).status_code == 400


def test_undo_removes_the_day_records_who_and_when_and_restores_the_status(client, venue):
    host, occurrence, people = venue
    desk = staff_user(host, group=CHECKIN_DESK)
    client.force_login(desk)
    registration = people["yamada"]
    client.post(reverse("cohorts:checkin_mark", args=[registration.pk]), {"day": "2030-04-01", "q": "Yamada"})
    registration.refresh_from_db()
    assert registration.status == S.ATTENDED

    response = client.post(
        reverse("cohorts:checkin_undo", args=[registration.pk]), {"day": "2030-04-01", "q": "Yamada"}
    )

    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == (
        f"The check-in of {registration.participant} for 2030-04-01 is undone."
    )
    assert AttendanceDay.objects.count() == 0
    undone = AttendanceDay.history.filter(history_type="-").get()
    assert (undone.registration_id, undone.day, undone.history_user) == (registration.pk, FIRST, desk)
    registration.refresh_from_db()
    assert registration.status == S.ACCEPTED
    assert list(registration.status_changes.values_list("from_status", "to_status", "note", "changed_by")) == [
        ("accepted", "attended", "Checked in", desk.pk),
        ("attended", "accepted", "Check-in undone", desk.pk),
    ]


def test_undo_of_one_day_keeps_the_others_and_the_status(venue):
    host, _occurrence, people = venue
    registration = people["li"]
    attendance_mark(registration=registration, day=DAYS[0])
    attendance_mark(registration=registration, day=DAYS[1])

    attendance_undo(registration=registration, day=DAYS[1])

    registration.refresh_from_db()
    assert registration.status == S.ATTENDED
    assert list(AttendanceDay.objects.values_list("day", flat=True)) == [DAYS[0]]
    with pytest.raises(CohortError) as refused:
        attendance_undo(registration=registration, day=DAYS[2])
    assert refused.value.message == f"{registration.participant} is not checked in for 2030-04-03."


def test_the_qr_code_typed_by_a_scanner_finds_its_person_only(client, venue):
    host, occurrence, people = venue
    client.force_login(staff_user(host, group=CHECKIN_DESK))
    page = reverse("cohorts:checkin", args=[occurrence.pk])

    response = client.get(page, {"q": registration_checkin_url(people["tran"])})
    assert [row["registration"] for row in response.context["rows"]] == [people["tran"]]

    forged = registration_checkin_url(people["tran"])[:-2] + "x/"
    response = client.get(page, {"q": forged})
    assert response.context["rows"] == []
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This QR code is not one of ours or has been altered."
    ]


def test_the_check_in_desk_checks_in_and_undoes_but_reads_no_registrations(client, venue):
    host, occurrence, people = venue
    client.force_login(staff_user(host, group=CHECKIN_DESK))

    assert client.get(reverse("cohorts:checkin", args=[occurrence.pk]), {"q": "Li"}).status_code == 200
    assert client.get(reverse("admin:workshops_occurrence_change", args=[occurrence.pk])).status_code == 200
    denied = client.get(reverse("admin:participants_registration_change", args=[people["li"].pk]))
    assert denied.status_code == 403
    assert client.get(reverse("admin:workshops_occurrence_badges", args=[occurrence.pk])).status_code == 403


def test_deleting_an_attendance_day_in_the_admin_is_the_same_recorded_undo(client, venue):
    host, _occurrence, people = venue
    staff = staff_user(host)
    client.force_login(staff)
    registration = people["tran"]
    attendance = attendance_mark(registration=registration, day=FIRST, by=staff)

    response = client.post(
        reverse("admin:cohorts_attendanceday_delete", args=[attendance.pk]), {"post": "yes"}, follow=True
    )

    assert response.status_code == 200
    assert AttendanceDay.objects.count() == 0
    assert AttendanceDay.history.filter(history_type="-").get().history_user == staff
    registration.refresh_from_db()
    assert registration.status == S.ACCEPTED
