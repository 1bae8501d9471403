"""The demo's bilateral meetings: Minister Chin Young with his four counterparts of seed 004 on
25 November 2019, each accepted in a room, loaded once however often the demo is loaded."""

import io

import pytest
from django.core.management import call_command

from meetings.models import Meeting, MeetingBooking

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_the_minister_meets_four_counterparts_once():
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    meetings = list(
        Meeting.objects.filter(occurrence__slug="asean-rok-roundtable-2019")
        .select_related("requester", "counterpart", "requester_head", "counterpart_head", "room")
        .order_by("starts_at")
    )
    assert [m.counterpart.country.code for m in meetings] == ["VN", "ID", "KH", "LA"]
    assert {m.requester.country.code for m in meetings} == {"KR"}
    assert {m.requester_head.display_name for m in meetings} == {"CHIN Young"}
    assert [m.counterpart_head.display_name for m in meetings] == [
        "SAMPLE Minister (Viet Nam)",
        "KUMOLO Tjahjo",
        "SAMPLE Minister (Cambodia)",
        "SOUNVILEUTH Khammanh",
    ]
    assert {m.status for m in meetings} == {Meeting.Status.ACCEPTED}
    assert all(m.is_sample and m.room.name_en.endswith("(sample)") for m in meetings)
    assert {m.starts_at.astimezone(m.starts_at.tzinfo).date().isoformat() for m in meetings} == {"2019-11-25"}
    assert MeetingBooking.objects.filter(meeting__in=meetings).count() == 4 * 5
