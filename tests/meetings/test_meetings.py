"""Bilateral meetings: no double-booking of a room, a delegation or a head of delegation (by the
service and by the database's exclusion constraint), who may see and decide what (404 for the
rest), the .ics, and the notices as the SMTP server receives them."""

import datetime
import zoneinfo

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from delegations.models import FocalPoint, Nomination
from meetings.errors import MeetingError
from meetings.models import Meeting, MeetingBooking, MeetingSettings, Room
from meetings.services import meeting_cancel, meeting_request, meeting_schedule
from programs.models import Organization
from tests.factories import CountryQuotaFactory, OccurrenceFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
LANGUAGES = {"CN": "zh-hans", "JP": "ja", "KR": "ko", "VN": "en"}


def at(hour, minute=0):
    return datetime.datetime(2030, 9, 15, hour, minute, tzinfo=SEOUL)


@pytest.fixture
def event():
    occurrence = OccurrenceFactory(capacity=100)
    MeetingSettings.objects.create(occurrence=occurrence, time_zone="Asia/Seoul")
    parties, heads, users = {}, {}, {}
    for country in ("CN", "JP", "KR", "VN"):
        allocation = CountryQuotaFactory(occurrence=occurrence, country=country, seats=10)
        parties[country] = allocation
        heads[country] = Nomination.objects.create(
            allocation=allocation, family_name="Head", given_name=country, email=f"head.{country.lower()}@example.org"
        )
        email = f"focal.{country.lower()}@example.org"
        FocalPoint.objects.create(email=email, country=country, occurrence=occurrence, language=LANGUAGES[country])
        users[country] = UserFactory(email=email, email_verified_at=timezone.now())
    rooms = [Room.objects.create(occurrence=occurrence, name_en=f"Room {n}", name=f"Room {n}") for n in (1, 2)]
    return {"occurrence": occurrence, "parties": parties, "heads": heads, "users": users, "rooms": rooms}


def _request(event, requester, counterpart, topic="Cooperation"):
    return meeting_request(
        requester=event["parties"][requester],
        counterpart=event["parties"][counterpart],
        topic=topic,
        head_id=event["heads"][requester].pk,
        by=event["users"][requester],
    )


def _schedule(event, meeting, start, end, room=0, head=None):
    counterpart = head or event["heads"][meeting.counterpart.country.code]
    return meeting_schedule(
        meeting=meeting,
        starts_at=start,
        ends_at=end,
        room=event["rooms"][room],
        counterpart_head_id=counterpart.pk,
        by=None,
    )


def test_a_room_is_not_booked_twice_but_back_to_back_is_fine(event):
    first = _schedule(event, _request(event, "CN", "JP"), at(10), at(11))
    clash = _request(event, "KR", "VN")
    with pytest.raises(MeetingError) as refused:
        _schedule(event, clash, at(10, 30), at(11, 30))
    assert refused.value.messages == [
        "The room Room 1 is already booked then (China – Japan, September 15, 2030, 10:00 – 11:00 KST)."
    ]
    clash.refresh_from_db()
    assert clash.status == Meeting.Status.REQUESTED
    assert list(MeetingBooking.objects.filter(meeting=clash)) == []
    _schedule(event, clash, at(11), at(12))
    assert Meeting.objects.get(pk=clash.pk).status == Meeting.Status.ACCEPTED
    assert first.status == Meeting.Status.ACCEPTED


def test_a_delegation_is_not_in_two_meetings_at_once(event):
    _schedule(event, _request(event, "CN", "JP"), at(10), at(11), room=0)
    with pytest.raises(MeetingError) as refused:
        _schedule(event, _request(event, "VN", "JP"), at(10, 45), at(11, 15), room=1)
    assert any(m.startswith("The delegation Japan already has a meeting then") for m in refused.value.messages)
    assert any(
        m.startswith("The head of delegation HEAD JP is already in another meeting") for m in refused.value.messages
    )


def test_a_head_of_two_delegations_is_not_in_two_meetings_at_once(event):
    # The same minister heads Korea's delegation and a ministry's own delegation.
    ministry = CountryQuotaFactory(
        occurrence=event["occurrence"], country="", organization=OrganizationFactory(kind=Organization.Kind.MINISTRY)
    )
    minister_again = Nomination.objects.create(
        allocation=ministry, family_name="Head", given_name="KR", email="HEAD.KR@example.org"
    )
    _schedule(event, _request(event, "CN", "KR"), at(10), at(11), room=0)
    other = meeting_request(
        requester=ministry, counterpart=event["parties"]["VN"], topic="E-government", head_id=minister_again.pk, by=None
    )
    with pytest.raises(MeetingError) as refused:
        _schedule(event, other, at(10, 30), at(11, 30), room=1)
    assert refused.value.messages == [
        "The head of delegation HEAD KR is already in another meeting then "
        "(China – South Korea, September 15, 2030, 10:00 – 11:00 KST)."
    ]


def test_moving_a_meeting_frees_its_old_slot_and_cancelling_frees_the_room(event):
    meeting = _schedule(event, _request(event, "CN", "JP"), at(10), at(11))
    _schedule(event, meeting, at(14), at(15))
    other = _schedule(event, _request(event, "KR", "VN"), at(10), at(11))
    with pytest.raises(MeetingError):
        _schedule(event, _request(event, "CN", "VN"), at(14, 30), at(15, 30), room=1)
    meeting_cancel(meeting=Meeting.objects.get(pk=meeting.pk), by=None)
    assert MeetingBooking.objects.filter(meeting=meeting).count() == 0
    assert MeetingBooking.objects.filter(meeting=other).count() == 5  # two delegations, a room, two heads


def test_the_database_refuses_overlapping_bookings_of_one_key(event):
    meeting = _schedule(event, _request(event, "CN", "JP"), at(10), at(11))
    other = _request(event, "KR", "VN")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingBooking.objects.create(
            meeting=other, kind="room", key=f"room:{event['rooms'][0].pk}", starts_at=at(10, 59), ends_at=at(12)
        )
    MeetingBooking.objects.create(
        meeting=other, kind="room", key=f"room:{event['rooms'][0].pk}", starts_at=at(11), ends_at=at(12)
    )
    assert meeting.bookings.count() == 5


def test_a_focal_point_of_a_third_delegation_sees_nothing(event, client):
    meeting = _schedule(event, _request(event, "CN", "JP"), at(10), at(11))
    client.force_login(event["users"]["VN"])
    for url in (f"/meetings/{meeting.pk}/", f"/meetings/{meeting.pk}/meeting.ics"):
        assert client.get(url).status_code == 404
    for url in (
        f"/meetings/{meeting.pk}/schedule/",
        f"/meetings/{meeting.pk}/cancel/",
        f"/meetings/{meeting.pk}/decline/",
    ):
        assert client.post(url, {}).status_code == 404
    assert client.get(f"/meetings/request/{event['parties']['CN'].pk}/").status_code == 404
    page = client.get("/meetings/")
    assert page.status_code == 200 and page.context["meetings"] == []
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.ACCEPTED


def test_the_requester_cannot_accept_its_own_request(event, client):
    meeting = _request(event, "CN", "JP")
    client.force_login(event["users"]["CN"])
    response = client.post(
        f"/meetings/{meeting.pk}/schedule/",
        {"starts_at": "2030-09-15T10:00", "ends_at": "2030-09-15T11:00", "room": event["rooms"][0].pk},
    )
    assert response.status_code == 404
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.REQUESTED


def test_the_host_focal_point_accepts_in_the_occurrence_time_zone_and_both_sides_get_the_ics(event, client):
    MeetingSettings.objects.filter(occurrence=event["occurrence"]).update(time_zone="Asia/Tokyo")
    client.force_login(event["users"]["CN"])
    response = client.post(
        f"/meetings/request/{event['parties']['CN'].pk}/",
        {"counterpart": event["parties"]["JP"].pk, "topic": "Sister cities", "head": event["heads"]["CN"].pk},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/meetings/{meeting.pk}/"
    client.force_login(event["users"]["JP"])
    form = {
        "starts_at": "2030-09-15T10:00",
        "ends_at": "2030-09-15T10:45",
        "room": event["rooms"][1].pk,
        "counterpart_head": event["heads"]["JP"].pk,
    }
    assert client.post(f"/meetings/{meeting.pk}/schedule/", form).status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2030, 9, 15, 1, 0, tzinfo=datetime.UTC)
    for country in ("CN", "JP"):
        client.force_login(event["users"][country])
        ics = client.get(f"/meetings/{meeting.pk}/meeting.ics")
        assert ics.status_code == 200 and ics["Content-Type"] == "text/calendar; charset=utf-8"
        text = ics.content.decode()
        assert "DTSTART:20300915T010000Z" in text and "DTEND:20300915T014500Z" in text
        assert "LOCATION:Room 2" in text
    # A slot that would double-book Japan's head through another meeting is refused, with the message.
    other = _request(event, "VN", "JP")
    client.force_login(event["users"]["JP"])
    response = client.post(f"/meetings/{other.pk}/schedule/", {**form, "room": event["rooms"][0].pk})
    assert response.status_code == 409
    assert "The head of delegation HEAD JP is already in another meeting then" in response.content.decode()
    assert "10:00 – 10:45 JST" in response.content.decode()


def test_bad_slots_are_refused_clearly(event, client):
    meeting = _request(event, "CN", "JP")
    client.force_login(event["users"]["JP"])
    response = client.post(
        f"/meetings/{meeting.pk}/schedule/",
        {"starts_at": "2030-09-15T11:00", "ends_at": "2030-09-15T10:00", "room": "x", "counterpart_head": "999"},
    )
    assert response.status_code == 400
    assert response.context["schedule_form"].errors["ends_at"] == ["The meeting must end after it starts."]
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.REQUESTED


def test_both_sides_are_told_in_their_language_as_the_smtp_server_receives_it(
    event, settings, smtp_server, django_capture_on_commit_callbacks
):
    from django.utils import translation

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _request(event, "CN", "JP")
    with django_capture_on_commit_callbacks(execute=True):
        _schedule(event, meeting, at(10), at(10, 45), room=1)
    with django_capture_on_commit_callbacks(execute=True):
        _schedule(event, Meeting.objects.get(pk=meeting.pk), at(14), at(14, 45), room=1)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=Meeting.objects.get(pk=meeting.pk), by=None)
    for country in ("CN", "JP"):
        received = smtp_server.received_by(f"focal.{country.lower()}@example.org")
        assert len(received) == 4
        with translation.override(LANGUAGES[country]):
            parties = f"{event['parties']['CN'].party_name} – {event['parties']['JP'].party_name}"
            expected = [
                translation.gettext("Meeting requested: %(parties)s") % {"parties": parties},
                translation.gettext("Meeting accepted: %(parties)s") % {"parties": parties},
                translation.gettext("Meeting moved: %(parties)s") % {"parties": parties},
                translation.gettext("Meeting cancelled: %(parties)s") % {"parties": parties},
            ]
        assert [m["Subject"] for m in received] == expected
        moved = received[2].get_body(preferencelist=("plain",)).get_content()
        assert "14:00" in moved and "14:45 KST" in moved and "Room 2" in moved
    assert smtp_server.received_by("focal.vn@example.org") == []
    assert smtp_server.received_by("focal.kr@example.org") == []


@pytest.mark.django_db(transaction=True)
def test_two_staff_scheduling_at_once_cannot_double_book_a_room(event):
    """Two decisions for the same room and time in two connections at once: one wins, the other
    is refused with the room's message (the occurrence row lock orders them)."""
    import threading

    from django.db import connection

    first, second = _request(event, "CN", "JP"), _request(event, "KR", "VN")
    barrier = threading.Barrier(2)
    results = {}

    def decide(name, meeting):
        try:
            barrier.wait()
            _schedule(event, meeting, at(10), at(11), room=0)
            results[name] = "accepted"
        except MeetingError as exc:
            results[name] = exc.messages
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(n, m)) for n, m in (("first", first), ("second", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert list(results.values()).count("accepted") == 1
    refused = [v for v in results.values() if v != "accepted"]
    assert len(refused) == 1 and refused[0][0].startswith("The room Room 1 is already booked then")
    assert MeetingBooking.objects.filter(key=f"room:{event['rooms'][0].pk}").count() == 1


def test_a_delegation_without_nominees_is_told_to_nominate_its_head_first(event, client):
    Nomination.objects.filter(allocation=event["parties"]["CN"]).delete()
    client.force_login(event["users"]["CN"])
    url = f"/meetings/request/{event['parties']['CN'].pk}/"
    page = client.get(url)
    assert page.status_code == 200 and page.context["no_nominees"] is True
    assert "Nominate your head of delegation first" in page.content.decode()
    response = client.post(url, {"counterpart": event["parties"]["JP"].pk, "topic": "Trade", "head": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["head"] == ["This field is required."]
    assert Meeting.objects.count() == 0


def test_the_schedule_page_queries_do_not_grow_with_meetings(event, client, django_assert_max_num_queries):
    _schedule(event, _request(event, "CN", "JP"), at(9), at(10))
    client.force_login(event["users"]["CN"])
    client.get(
        "/meetings/"
    )  # the first request reads the signed-in account; the next ones take it from the cache (accounts.backends)
    with django_assert_max_num_queries(100) as one:
        assert client.get("/meetings/").status_code == 200
    for hour, other in ((11, "KR"), (13, "VN")):
        _schedule(event, _request(event, "CN", other), at(hour), at(hour + 1))
    _request(event, "JP", "CN")
    with django_assert_max_num_queries(100) as many:
        page = client.get("/meetings/")
    assert len(page.context["meetings"]) == 4
    assert len(many.captured_queries) == len(one.captured_queries)
