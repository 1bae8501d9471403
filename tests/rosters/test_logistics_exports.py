"""Arrivals, rooming and dietary lists: on screen and as XLSX/CSV through the roster exporters,
with labels (not codes) in the staff member's language, and travel columns in the chooser."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from participants.errors import RegistrationError
from participants.models import Hotel, Registration, Room, TravelDetails
from participants.selectors import registrations_missing_travel
from participants.services import travel_room_assign
from rosters.exporters import get_exporter
from rosters.models import ExportJob

from .conftest import make_registration

pytestmark = pytest.mark.integration

SEOUL = datetime.timezone(datetime.timedelta(hours=9))
ACCEPTED = Registration.Status.ACCEPTED


def _official(occurrence, family, given, family_native, given_native, country, *, status=ACCEPTED, **travel):
    registration = make_registration(
        occurrence,
        submitted_at=datetime.datetime(2026, 5, 1, 9, 0, tzinfo=SEOUL),
        status=status,
        family_name=family,
        given_name=given,
        family_name_native=family_native,
        given_name_native=given_native,
        country=country,
        email=f"{given.lower()}.{family.lower()}@example.org",
        phone="+82-10-1234-5678",
        answers={"dietary_needs": "no shellfish", "language": "ko"},
    )
    if travel:
        TravelDetails.objects.create(registration=registration, **travel)
        Registration.objects.filter(pk=registration.pk).update(followup_completed_at=registration.submitted_at)
    return registration


@pytest.fixture
def logistics(occurrence):
    hotel = Hotel.objects.create(occurrence=occurrence, name="Lotte Hotel Seoul")
    other_hotel = Hotel.objects.create(occurrence=occurrence, name="Shilla Stay")
    twin = Room.objects.create(hotel=hotel, number="1201", beds=2)
    single = Room.objects.create(hotel=other_hotel, number="501", beds=1)
    day1, day2 = datetime.date(2026, 9, 13), datetime.date(2026, 9, 14)
    li = _official(
        occurrence, "Li", "Na", "李", "娜", "CN",
        arrival_date=day1, arrival_time=datetime.time(14, 5), arrival_number="CA 125",
        arrival_place="Incheon T1", pickup_needed=True, departure_date=datetime.date(2026, 9, 17),
        accommodation="host", room=twin, diet="halal", emergency_phone="+86-10-6512-3456",
    )  # fmt: skip
    yamada = _official(
        occurrence, "Yamada", "Taro", "山田", "太郎", "JP",
        arrival_date=day1, arrival_time=datetime.time(9, 30), arrival_number="JL 091",
        arrival_place="Gimpo", pickup_needed=False, departure_date=datetime.date(2026, 9, 17),
        accommodation="host", room=twin, diet="other", diet_notes="Shellfish allergy",
    )  # fmt: skip
    park = _official(
        occurrence, "Park", "Jiwoo", "박", "지우", "KR",
        arrival_date=day2, arrival_time=datetime.time(8, 0), arrival_number="KTX 101",
        arrival_place="Seoul Station", pickup_needed=True, departure_date=datetime.date(2026, 9, 16),
        accommodation="host", room=single, accessibility_needs="Wheelchair access",
    )  # fmt: skip
    # Not holding a seat: on no list. Accepted without travel details: missing.
    _official(occurrence, "Tran", "Lan", "", "", "VN", status=Registration.Status.WAITLISTED,
              arrival_date=day1, pickup_needed=True, diet="vegan")  # fmt: skip
    missing = _official(occurrence, "Wang", "Fang", "王", "芳", "CN")
    return {"li": li, "yamada": yamada, "park": park, "missing": missing, "twin": twin, "single": single}


def _url(occurrence, kind):
    return reverse("rosters:logistics_list", args=[occurrence.pk, kind])


def _xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


def _csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_arrivals_list_groups_by_day_and_exports_the_same_rows_as_xlsx(client, staff, occurrence, logistics):
    client.force_login(staff)
    page = client.get(_url(occurrence, "arrivals"))
    assert page.status_code == 200
    groups = page.context["groups"]
    assert [(g["key"], len(g["rows"]), g["pickups"]) for g in groups] == [
        (datetime.date(2026, 9, 13), 2, 1),
        (datetime.date(2026, 9, 14), 1, 1),
    ]
    html = page.content.decode()
    assert "<h2>September 13, 2026 · 2 arrivals, 1 pickup</h2>" in html
    assert "1 accepted official has not sent travel details" in html and "WANG Fang (王芳)" in html

    response = client.post(_url(occurrence, "arrivals"), {"format": "xlsx"})
    assert response["Content-Disposition"].startswith('attachment; filename="arrivals-')
    sheet, rows = _xlsx_rows(response)
    assert rows[0] == [
        "Arrival date", "Arrival time", "Arrival flight or train", "Arrival airport or station",
        "Family name (romanized)", "Given name (romanized)", "Family name (native script)",
        "Given name (native script)", "Country", "Pickup", "Hotel", "Departure date", "Departure time",
        "Departure flight or train",
    ]  # fmt: skip
    assert rows[1:] == [
        [datetime.datetime(2026, 9, 13), "09:30", "JL 091", "Gimpo", "Yamada", "Taro", "山田", "太郎", "Japan",
         "No", "Lotte Hotel Seoul", datetime.datetime(2026, 9, 17), None, None],
        [datetime.datetime(2026, 9, 13), "14:05", "CA 125", "Incheon T1", "Li", "Na", "李", "娜", "China",
         "Yes", "Lotte Hotel Seoul", datetime.datetime(2026, 9, 17), None, None],
        [datetime.datetime(2026, 9, 14), "08:00", "KTX 101", "Seoul Station", "Park", "Jiwoo", "박", "지우",
         "South Korea", "Yes", "Shilla Stay", datetime.datetime(2026, 9, 16), None, None],
    ]  # fmt: skip
    assert sheet["A2"].number_format == "yyyy\\-mm\\-dd"
    job = ExportJob.objects.get()
    assert (job.exporter, job.row_count, job.owner) == ("arrivals", 3, staff)


def test_rooming_list_per_hotel_shows_the_shared_room_in_csv(client, staff, occurrence, logistics):
    client.force_login(staff)
    page = client.get(_url(occurrence, "rooming"))
    assert [(g["key"], len(g["rows"])) for g in page.context["groups"]] == [
        ("Lotte Hotel Seoul", 2),
        ("Shilla Stay", 1),
    ]
    hotel = logistics["twin"].hotel
    rows = _csv_rows(client.post(_url(occurrence, "rooming") + f"?hotel={hotel.pk}", {"format": "csv"}))
    assert rows == [
        ["Hotel", "Room", "Beds", "Family name (romanized)", "Given name (romanized)", "Family name (native script)",
         "Given name (native script)", "Country", "Arrival date", "Departure date", "Accessibility needs"],
        ["Lotte Hotel Seoul", "1201", "2", "Li", "Na", "李", "娜", "China", "2026-09-13", "2026-09-17", ""],
        ["Lotte Hotel Seoul", "1201", "2", "Yamada", "Taro", "山田", "太郎", "Japan", "2026-09-13", "2026-09-17", ""],
    ]  # fmt: skip


def test_dietary_list_names_the_diet_instead_of_its_code(client, staff, occurrence, logistics):
    client.force_login(staff)
    rows = _csv_rows(client.post(_url(occurrence, "dietary"), {"format": "csv"}))
    assert [row[:2] + row[4:] for row in rows] == [
        ["Family name (romanized)", "Given name (romanized)", "Country", "Diet", "Dietary needs and allergies",
         "Accessibility needs"],
        ["Li", "Na", "China", "Halal", "", ""],
        ["Park", "Jiwoo", "South Korea", "", "", "Wheelchair access"],
        ["Yamada", "Taro", "Japan", "Other (see notes)", "Shellfish allergy", ""],
    ]  # fmt: skip


def test_roster_answers_are_headed_and_valued_by_label_and_phone_is_clean(client, staff, occurrence, logistics):
    client.force_login(staff)
    columns = ["family_name", "phone", "answer:dietary_needs", "answer:language", "pickup_needed", "diet", "room"]
    response = client.post(
        reverse("rosters:export_occurrence", args=[occurrence.pk]), {"format": "xlsx", "columns": columns}
    )
    _sheet, rows = _xlsx_rows(response)
    assert rows[0] == [
        "Family name (romanized)",
        "Phone",
        "Dietary needs",
        "Working language",
        "Pickup",
        "Room",
        "Diet",
    ]
    assert ["Li", "+82-10-1234-5678", "no shellfish", "Korean", "Yes", "1201", "Halal"] in rows


# The arrivals header, a pickup, and a diet, as staff read them in each language.
LABELS = {
    "en": (["Arrival date", "Arrival time", "Arrival flight or train"], "Yes", "Pickup", "Halal", "China"),
    "ko": (["도착일", "도착 시각", "도착 항공편/열차"], "예", "마중", "할랄", "중국"),
    "ja": (["到着日", "到着時刻", "到着便／列車"], "はい", "出迎え", "ハラール", "中国"),
    "zh-hans": (["到达日期", "到达时间", "到达航班/车次"], "是", "接机", "清真", "中国"),
    "zh-hant": (["抵達日期", "抵達時間", "抵達航班/車次"], "是", "接機", "清真", "中國"),
}


@pytest.mark.parametrize("language", list(LABELS))
def test_logistics_labels_in_each_language(staff, occurrence, logistics, language):
    start, yes, pickup, halal, china = LABELS[language]
    arrivals = get_exporter("arrivals")(user=staff, filters={"occurrence": occurrence.pk}, language=language)
    header = arrivals.header()
    assert header[:3] == start and header[9] == pickup
    li = next(row for row in arrivals.rows() if row[4] == "Li")
    assert (li[8], li[9]) == (china, yes)
    dietary = get_exporter("dietary")(user=staff, filters={"occurrence": occurrence.pk}, language=language)
    assert [row[5] for row in dietary.rows() if row[0] == "Li"] == [halal]


def test_logistics_lists_are_scoped_to_the_staff_members_occurrences(client, other_staff, occurrence, logistics):
    client.force_login(other_staff)
    for kind in ("arrivals", "rooming", "dietary"):
        assert client.get(_url(occurrence, kind)).status_code == 404
        assert client.post(_url(occurrence, kind), {"format": "csv"}).status_code == 404
    assert client.get(reverse("rosters:logistics_list", args=[occurrence.pk, "passports"])).status_code == 404
    assert ExportJob.objects.count() == 0


def test_travel_columns_are_offered_in_the_column_chooser(client, staff, occurrence, logistics):
    client.force_login(staff)
    choices = dict(
        client.get(reverse("rosters:export_occurrence", args=[occurrence.pk])).context["form"].fields["columns"].choices
    )
    with translation.override("en"):
        assert {key: str(label) for key, label in choices.items() if key in {"arrival_number", "hotel", "diet"}} == {
            "arrival_number": "Arrival flight or train",
            "hotel": "Hotel",
            "diet": "Diet",
        }
        assert str(choices["emergency_phone"]) == "Emergency contact's phone (personal)"


def test_a_shared_room_takes_no_more_officials_than_beds(occurrence, logistics, host):
    third = _official(occurrence, "Choi", "Min", "최", "민", "KR", arrival_date=datetime.date(2026, 9, 13))
    with pytest.raises(RegistrationError, match="Room 1201 is full: all 2 beds are taken."):
        travel_room_assign(travel=third.travel, room=logistics["twin"])
    travel_room_assign(travel=logistics["yamada"].travel, room=None)
    assert travel_room_assign(travel=third.travel, room=logistics["twin"]).room == logistics["twin"]
    other = Hotel.objects.create(occurrence=make_registration(
        occurrence.__class__.objects.create(title_en="Other", slug="other", program=occurrence.program),
        submitted_at=datetime.datetime(2026, 5, 1, tzinfo=SEOUL),
    ).occurrence, name="Elsewhere")  # fmt: skip
    with pytest.raises(RegistrationError, match="another occurrence"):
        travel_room_assign(travel=third.travel, room=Room.objects.create(hotel=other, number="1"))


def test_registrations_missing_travel_is_the_accepted_ones_without_details(occurrence, logistics):
    assert list(registrations_missing_travel(Registration.objects.filter(occurrence=occurrence))) == [
        logistics["missing"]
    ]
