"""Travel and accommodation in Chromium, with the demo's own accounts: the GAOK staff member opens
the arrivals and rooming lists of the sample CJK workshop and exports them, and the files read back
with labels and values; the demo official sends their travel details on a 390 px phone."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command

from participants.models import Registration, TravelDetails
from tests.e2e.logins import log_in, log_in_admin
from workshops.models import Occurrence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "exchange-portal-demo"
HEADERS = {
    "en": ("Arrivals", "Rooming list", "Arrival date", "Pickup", "Yes", "China", "Hotel", "Room"),
    "ko": ("도착자 명단", "객실 배정표", "도착일", "마중", "예", "중국", "호텔", "객실"),
}


def _download(page, button):
    with page.expect_download() as info:
        page.locator(f"#logistics-export button[value={button}]").click()
    return info.value


@pytest.mark.parametrize("language", ["en", "ko"])
def test_demo_staff_opens_and_exports_the_arrivals_and_rooming_lists(page, live_server, tmp_path, language):
    call_command("load_demo", stdout=io.StringIO())
    arrivals_title, rooming_title, arrival_date, pickup, yes, china, hotel, room = HEADERS[language]
    occurrence = Occurrence.objects.get(slug="sample-cjk-workshop")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in_admin(page, live_server.url, "staff@example.org")

    page.goto(f"{live_server.url}/admin/workshops/occurrence/{occurrence.pk}/change/")
    page.get_by_role("link", name=arrivals_title, exact=True).first.click()
    page.wait_for_selector(".logistics-table")
    table = page.locator(".logistics-table").first.inner_text()
    assert "CA 125" in table and "王" in table and "JL 091" in table
    day = (occurrence.start_date - timedelta(days=1)).isoformat()

    download = _download(page, "xlsx")
    assert download.suggested_filename.startswith("arrivals-") and download.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    rows = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    assert (rows[0][0], rows[0][9]) == (arrival_date, pickup)
    assert len(rows) == 3
    by_number = {row[2]: row for row in rows[1:]}
    wang = by_number["CA 125"]
    assert (wang[0].date().isoformat(), wang[1], wang[3]) == (day, "14:05", "Incheon Airport T1")
    assert (wang[4], wang[5], wang[6], wang[7], wang[8], wang[9]) == ("Wang", "Fang", "王", "芳", china, yes)
    assert by_number["JL 091"][4:8] == ["Sato", "Yuki", "佐藤", "由紀"]

    page.get_by_role("link", name=rooming_title, exact=True).first.click()
    page.wait_for_selector(".logistics-table")
    assert "Lotte Hotel Seoul (sample)" in page.locator("main, #content").first.inner_text()
    download = _download(page, "csv")
    assert download.suggested_filename.startswith("rooming-") and download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:2] == [hotel, room]
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:]] == [
        ("Lotte Hotel Seoul (sample)", "1201", "2", "Sato"),
        ("Lotte Hotel Seoul (sample)", "1201", "2", "Wang"),
    ]

    # On a phone the lists scroll inside their own box; the page itself stays 390 px wide.
    page.set_viewport_size({"width": 390, "height": 844})
    for kind in ("arrivals", "rooming", "dietary"):
        page.goto(f"{live_server.url}/rosters/occurrences/{occurrence.pk}/{kind}/")
        page.wait_for_selector("#logistics-export")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, kind


def test_demo_official_sends_travel_details_on_a_phone(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    registration = Registration.objects.select_related("occurrence").get(
        participant__email="official@example.org", occurrence__slug="sample-cjk-workshop"
    )
    start = registration.occurrence.start_date
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server.url, "official@example.org")

    page.goto(f"{live_server.url}/registrations/{registration.pk}/")
    page.locator("#followup-box a").click()
    page.wait_for_selector("#travel-form")
    page.fill("#id_arrival_date", (start - timedelta(days=1)).isoformat())
    page.fill("#id_arrival_time", "14:05")
    page.fill("#id_arrival_number", "KE 852")
    page.fill("#id_arrival_place", "Incheon Airport T1")
    page.check("#id_pickup_needed")
    page.fill("#id_departure_date", (start - timedelta(days=2)).isoformat())  # a mistake: before arrival
    page.select_option("#id_accommodation", "host")
    page.fill("#id_emergency_name", "김지호")
    page.fill("#id_emergency_relation", "배우자")
    page.fill("#id_emergency_phone", "+82-10-1234-5678")
    page.select_option("#id_diet", "vegetarian")
    page.locator("#travel-form button[type=submit]").click()

    page.wait_for_selector("#travel-errors")
    assert page.locator("#id_departure_date_error").is_visible()
    assert page.input_value("#id_arrival_number") == "KE 852"  # nothing typed is lost
    assert page.input_value("#id_emergency_name") == "김지호"
    assert not TravelDetails.objects.filter(registration=registration).exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.fill("#id_departure_date", (start + timedelta(days=3)).isoformat())
    page.locator("#travel-form button[type=submit]").click()
    page.wait_for_selector("#registration-status")
    assert page.locator("#followup-box.alert-success").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    travel = TravelDetails.objects.get(registration=registration)
    assert (travel.arrival_number, travel.pickup_needed, travel.emergency_phone, travel.diet) == (
        "KE 852",
        True,
        "+82-10-1234-5678",
        "vegetarian",
    )
    assert travel.departure_date == start + timedelta(days=3)
