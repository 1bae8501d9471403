"""Bilateral meetings in Chromium with the demo's accounts: China's focal point requests a meeting
with Japan, staff accept it with a slot and a room from the admin's link, Japan's focal point sees
it on its schedule and downloads the .ics; a slot that would put Korea's minister in two meetings
at once is refused with a clear message."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import call_command

from delegations.models import Nomination
from meetings.models import Meeting, Room
from meetings.services import meeting_request, meeting_schedule
from tests.e2e.logins import log_in, log_in_admin
from workshops.models import CountryQuota

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SLUG = "sample-cjk-delegations"
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    heads = {}
    for country, family, given in (("CN", "Wang", "Fang"), ("JP", "Suzuki", "Akira"), ("KR", "Park", "Minister")):
        allocation = CountryQuota.objects.get(occurrence__slug=SLUG, country=country)
        heads[country] = Nomination.objects.create(
            allocation=allocation, family_name=family, given_name=given, email=f"{family.lower()}@gov.example.org"
        )
    return heads


def test_request_accept_schedule_ics_and_a_double_booked_minister(page, live_server, demo, tmp_path):
    url = live_server.url
    occurrence_day = CountryQuota.objects.get(occurrence__slug=SLUG, country="CN").occurrence.start_date
    day = occurrence_day.isoformat()

    # China's focal point asks Japan for a meeting.
    log_in(page, url, "focal.china@example.org")
    page.locator("#nav-meetings").click()
    page.locator(".request-link").click()
    page.select_option("#id_counterpart", label="Japan")
    page.fill("#id_topic", "Sister-city exchanges of officials")
    page.fill("#id_wished_times", "First day, morning")
    page.select_option("#id_head", label="WANG Fang")
    page.locator("#request-form button[type=submit]").click()
    assert page.locator("#meeting-status").inner_text() == "Requested"
    meeting = Meeting.objects.get(topic="Sister-city exchanges of officials")
    assert (meeting.requester.country.code, meeting.counterpart.country.code) == ("CN", "JP")
    page.context.clear_cookies()

    # Staff open it from the admin and accept it with a slot and a room.
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/admin/meetings/meeting/{meeting.pk}/change/")
    page.locator(".meeting-page-link").click()
    page.fill("#id_starts_at", f"{day}T10:00")
    page.fill("#id_ends_at", f"{day}T10:45")
    page.select_option("#id_room", label="Gyeongju bilateral room 1 (sample) (12)")
    page.select_option("#id_counterpart_head", label="SUZUKI Akira")
    page.locator("#schedule-form button[type=submit]").click()
    assert page.locator("#meeting-status").inner_text() == "Accepted"
    assert "10:00 – 10:45 KST" in page.locator("#meeting-when").inner_text()
    page.context.clear_cookies()

    # Japan sees it on its schedule and takes the .ics.
    log_in(page, url, "focal.japan@example.org")
    page.locator("#nav-meetings").click()
    row = page.locator(".meeting-row", has_text="Sister-city exchanges of officials")
    assert row.locator(".meeting-status").inner_text() == "Accepted"
    assert "10:00 – 10:45 KST" in row.locator(".meeting-when").inner_text()
    assert row.locator(".meeting-room").inner_text() == "Gyeongju bilateral room 1 (sample)"
    row.locator(".meeting-link").click()
    with page.expect_download() as download:
        page.locator("#meeting-ics").click()
    ics = tmp_path / "meeting.ics"
    download.value.save_as(ics)
    text = ics.read_text()
    assert "SUMMARY:China – Japan: Sister-city exchanges of officials" in text
    start = datetime.datetime.combine(occurrence_day, datetime.time(10), tzinfo=SEOUL).astimezone(datetime.UTC)
    assert f"DTSTART:{start:%Y%m%dT%H%M%SZ}" in text
    page.context.clear_cookies()

    # Korea's minister already meets China at 14:00; a meeting with Japan at 14:30 is refused.
    korea = CountryQuota.objects.get(occurrence__slug=SLUG, country="KR")
    rooms = list(Room.objects.filter(occurrence=korea.occurrence).order_by("name_en"))
    china = CountryQuota.objects.get(occurrence__slug=SLUG, country="CN")
    japan = CountryQuota.objects.get(occurrence__slug=SLUG, country="JP")
    with_china = meeting_request(
        requester=korea, counterpart=china, topic="Smart cities", head_id=demo["KR"].pk, by=None
    )
    two = datetime.datetime.combine(occurrence_day, datetime.time(14), tzinfo=SEOUL)
    meeting_schedule(
        meeting=with_china,
        starts_at=two,
        ends_at=two + datetime.timedelta(hours=1),
        room=rooms[0],
        counterpart_head_id=demo["CN"].pk,
        by=None,
    )
    with_japan = meeting_request(
        requester=korea, counterpart=japan, topic="Disaster safety", head_id=demo["KR"].pk, by=None
    )
    log_in_admin(page, url, "staff@example.org")
    page.goto(f"{url}/meetings/{with_japan.pk}/")
    page.fill("#id_starts_at", f"{day}T14:30")
    page.fill("#id_ends_at", f"{day}T15:30")
    page.select_option("#id_room", label="Gyeongju bilateral room 2 (sample) (8)")
    page.select_option("#id_counterpart_head", label="SUZUKI Akira")
    page.locator("#schedule-form button[type=submit]").click()
    error = page.locator("#meeting-error").inner_text()
    assert "The head of delegation PARK Minister is already in another meeting then (South Korea – China" in error, (
        error
    )
    assert "14:00 – 15:00 KST" in error
    assert page.locator("#meeting-status").inner_text() == "Requested"
    assert Meeting.objects.get(pk=with_japan.pk).status == Meeting.Status.REQUESTED


def test_the_schedule_in_japanese_on_a_phone(page, live_server, demo):
    """Japan's focal point reads the accepted meeting on a phone in Japanese: status in Japanese, the
    slot in the occurrence's time zone, the room, nothing wider than the screen."""
    from django.utils import translation

    china = CountryQuota.objects.get(occurrence__slug=SLUG, country="CN")
    japan = CountryQuota.objects.get(occurrence__slug=SLUG, country="JP")
    room = Room.objects.filter(occurrence=china.occurrence).order_by("name_en").first()
    meeting = meeting_request(
        requester=china, counterpart=japan, topic="姉妹都市の職員交流", head_id=demo["CN"].pk, by=None
    )
    ten = datetime.datetime.combine(china.occurrence.start_date, datetime.time(10), tzinfo=SEOUL)
    meeting_schedule(
        meeting=meeting,
        starts_at=ten,
        ends_at=ten + datetime.timedelta(minutes=45),
        room=room,
        counterpart_head_id=demo["JP"].pk,
        by=None,
    )
    with translation.override("ja"):
        accepted = str(Meeting.Status.ACCEPTED.label)
    assert accepted != "Accepted"
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "ja", "url": live_server.url}])
    log_in(page, live_server.url, "focal.japan@example.org")
    page.goto(f"{live_server.url}/meetings/")
    row = page.locator(".meeting-row", has_text="姉妹都市の職員交流")
    assert row.locator(".meeting-status").inner_text() == accepted
    assert "10:00 ～ 10:45 KST" in row.locator(".meeting-when").inner_text()  # the Japanese range
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row.locator(".meeting-link").click()
    assert page.locator("#meeting-status").inner_text() == accepted
    assert page.locator("#meeting-ics").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
