"""China's focal point, the requested side, schedules a bilateral meeting on a phone (390 px) in
Simplified Chinese, in Chromium: a slot that would book a room twice is refused with the Chinese
message (nothing is booked, the page does not overflow), the next slot is accepted with its room,
and both focal points receive the email as the SMTP server gets it, each in their own language."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import translation

from delegations.models import Nomination
from meetings.models import Meeting, MeetingBooking, Room
from meetings.services import meeting_request, meeting_schedule
from tests.e2e.logins import log_in
from workshops.models import CountryQuota

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SLUG = "sample-cjk-delegations"
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
TOPIC = "地方政府公务员交流"


def _no_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_requested_side_accepts_in_chinese_on_a_phone_and_both_sides_are_told_in_their_language(
    page, live_server, settings, smtp_server
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    call_command("load_demo", stdout=io.StringIO())
    parties = {c: CountryQuota.objects.get(occurrence__slug=SLUG, country=c) for c in ("CN", "JP", "KR")}
    heads = {
        country: Nomination.objects.create(
            allocation=parties[country], family_name=family, given_name=given, email=f"{family.lower()}@gov.example.org"
        )
        for country, family, given in (("CN", "Wang", "Fang"), ("JP", "Suzuki", "Akira"), ("KR", "Park", "Minister"))
    }
    occurrence = parties["CN"].occurrence
    room = Room.objects.filter(occurrence=occurrence).order_by("name_en").first()
    day = occurrence.start_date
    # Korea already meets Japan from 10:00 to 11:00 in the first room.
    ten = datetime.datetime.combine(day, datetime.time(10), tzinfo=SEOUL)
    korea_japan = meeting_request(
        requester=parties["KR"], counterpart=parties["JP"], topic="Smart cities", head_id=heads["KR"].pk, by=None
    )
    meeting_schedule(
        meeting=korea_japan,
        starts_at=ten,
        ends_at=ten + datetime.timedelta(hours=1),
        room=room,
        counterpart_head_id=heads["JP"].pk,
        by=None,
    )
    # Japan asks China for a meeting; China's focal point decides.
    meeting = meeting_request(
        requester=parties["JP"], counterpart=parties["CN"], topic=TOPIC, head_id=heads["JP"].pk, by=None
    )
    already = len(smtp_server.messages)

    with translation.override("zh-hans"):
        booked = translation.gettext("The room %(room)s is already booked then (%(between)s, %(when)s).")
        booked_start = booked.split("%(between)s")[0] % {"room": room.name}
        between = f"{parties['KR'].party_name} – {parties['JP'].party_name}"
        scheduled = translation.gettext("The meeting is scheduled; both delegations are notified.")
        accepted = str(Meeting.Status.ACCEPTED.label)
        requested = str(Meeting.Status.REQUESTED.label)
    assert booked_start.startswith("会议室") and accepted != "Accepted"

    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "zh-hans", "url": live_server.url}])
    log_in(page, live_server.url, "focal.china@example.org")
    page.locator(".btn-menu").click()
    page.locator("#nav-meetings").click()
    row = page.locator(".meeting-row", has_text=TOPIC)
    assert row.locator(".meeting-status").inner_text() == requested
    _no_overflow(page)
    row.locator(".meeting-link").click()
    _no_overflow(page)

    # 10:30 would put the first room (and Japan) in two meetings at once.
    page.fill("#id_starts_at", f"{day.isoformat()}T10:30")
    page.fill("#id_ends_at", f"{day.isoformat()}T11:15")
    page.select_option("#id_room", value=str(room.pk))
    page.select_option("#id_counterpart_head", value=str(heads["CN"].pk))
    page.fill("#id_counterpart_attendees", "李伟（外事处）")
    page.locator("#schedule-form button[type=submit]").click()
    error = page.locator("#meeting-error").inner_text()
    assert booked_start in error and between in error and "10:00" in error, error
    assert "already" not in error
    assert page.locator("#meeting-status").inner_text() == requested
    # What was typed is still there to correct.
    assert page.input_value("#id_starts_at") == f"{day.isoformat()}T10:30"
    assert page.input_value("#id_room") == str(room.pk)
    assert page.input_value("#id_counterpart_attendees") == "李伟（外事处）"
    _no_overflow(page)
    assert not MeetingBooking.objects.filter(meeting=meeting).exists()
    assert len(smtp_server.messages) == already

    # Right after Korea and Japan's meeting, the same room is free.
    page.fill("#id_starts_at", f"{day.isoformat()}T11:00")
    page.fill("#id_ends_at", f"{day.isoformat()}T11:45")
    page.locator("#schedule-form button[type=submit]").click()
    assert page.locator("#meeting-status").inner_text() == accepted
    assert scheduled in page.locator(".messages, [role=alert], .alert").first.inner_text()
    assert "11:00" in page.locator("#meeting-when").inner_text()
    assert page.locator("#meeting-room").inner_text() == room.name_zh_hans
    _no_overflow(page)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.room_id, meeting.counterpart_head_id) == (
        Meeting.Status.ACCEPTED,
        room.pk,
        heads["CN"].pk,
    )

    # Each focal point is told in their own language: China in Simplified Chinese, Japan in Japanese.
    for email, language, room_name in (
        ("focal.china@example.org", "zh-hans", room.name_zh_hans),
        ("focal.japan@example.org", "ja", room.name_ja),
    ):
        with translation.override(language):
            parties_text = f"{parties['JP'].party_name} – {parties['CN'].party_name}"
            subject = translation.gettext("Meeting accepted: %(parties)s") % {"parties": parties_text}
            status = str(Meeting.Status.ACCEPTED.label)
        received = [m for m in smtp_server.messages[already:] if email in str(m["To"])]
        assert [m["Subject"] for m in received] == [subject]
        body = received[0].get_body(preferencelist=("plain",)).get_content()
        assert room_name in body and status in body and "11:00" in body, body
        assert "Accepted" not in body
