"""Bilateral meetings in the demo. On the ASEAN-ROK 2019 occurrence (seed 004): "One day before
the roundtable, on November 25, Minister Chin Young of the Interior and Safety will have bilateral
meetings with his counterparts from Vietnam, Indonesia, Cambodia, and Laos in order to have an
in-depth discussion on matters of mutual interest." The seed names the Indonesian (Tjahjo Kumolo)
and Lao (Khammanh Sounvileuth) ministers; the Vietnamese and Cambodian heads, the seats, the rooms
and the times of day are samples, marked as such. The sample CJK workshop with delegations gets
two sample rooms for the focal points' own requests."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import F

from delegations.models import Nomination
from meetings.models import Meeting, MeetingSettings, Room
from meetings.services import meeting_request, meeting_schedule
from workshops.models import CountryQuota, Occurrence

from .delegations import SLUG as CJK_SLUG

ASEAN_SLUG = "asean-rok-roundtable-2019"
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
TOPIC = "In-depth discussion on matters of mutual interest (seed 004)"
# country: (family name, given name, email); "Sample" where seed 004 names nobody.
HEADS = {
    "KR": ("Chin", "Young", "minister.chin@mois.example.org"),
    "VN": ("Sample", "Minister (Viet Nam)", "minister.vn@example.org"),
    "ID": ("Kumolo", "Tjahjo", "minister.kumolo@example.org"),
    "KH": ("Sample", "Minister (Cambodia)", "minister.kh@example.org"),
    "LA": ("Sounvileuth", "Khammanh", "minister.sounvileuth@example.org"),
}
SAMPLE_SEATS = 5
# 25 November 2019, sample times of day (the seed gives the day only).
SLOTS = {"VN": (10, 0), "ID": (11, 0), "KH": (14, 0), "LA": (15, 0)}


def _rooms(occurrence, names):
    rooms = []
    for number, (en, ko, zh_hans, zh_hant, ja) in enumerate(names, start=1):
        room, _created = Room.objects.get_or_create(
            occurrence=occurrence,
            name_en=en,
            defaults={
                "name": en,
                "name_ko": ko,
                "name_zh_hans": zh_hans,
                "name_zh_hant": zh_hant,
                "name_ja": ja,
                "capacity": 12 if number == 1 else 8,
            },
        )
        rooms.append(room)
    return rooms


def _room_names(place):
    return [
        (
            f"{place} bilateral room {n} (sample)",
            f"{place} 양자회담실 {n} (견본)",
            f"{place} 双边会谈室 {n}（样例）",
            f"{place} 雙邊會談室 {n}（樣例）",
            f"{place} 二国間会談室 {n}（サンプル）",
        )
        for n in (1, 2)
    ]


def load_meetings():
    staff = get_user_model().objects.filter(email="staff@example.org").first()
    if staff is not None:
        staff.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="meetings",
                codename__in=["view_meeting", "change_meeting", "view_room", "add_room", "change_room"],
            )
        )
    cjk = Occurrence.objects.filter(slug=CJK_SLUG).first()
    if cjk is not None:
        MeetingSettings.objects.get_or_create(occurrence=cjk, defaults={"time_zone": "Asia/Seoul"})
        _rooms(cjk, _room_names("Gyeongju"))
    occurrence = Occurrence.objects.filter(slug=ASEAN_SLUG).first()
    if occurrence is None:
        return 0
    MeetingSettings.objects.get_or_create(occurrence=occurrence, defaults={"time_zone": "Asia/Seoul"})
    rooms = _rooms(occurrence, _room_names("BEXCO"))
    heads = {}
    for country, (family, given, email) in HEADS.items():
        allocation, _created = CountryQuota.objects.get_or_create(
            occurrence=occurrence, country=country, organization=None, defaults={"seats": SAMPLE_SEATS}
        )
        head = Nomination.objects.filter(allocation=allocation, email=email).first()
        if head is None:
            head = Nomination.objects.create(
                allocation=allocation, family_name=family, given_name=given, email=email, language="en"
            )
            CountryQuota.objects.filter(pk=allocation.pk).update(seats_nominated=F("seats_nominated") + 1)
        heads[country] = (allocation, head)
    korea, minister = heads["KR"]
    created = 0
    for country, (hour, minute) in SLOTS.items():
        allocation, head = heads[country]
        if Meeting.objects.filter(occurrence=occurrence, requester=korea, counterpart=allocation).exists():
            continue
        meeting = meeting_request(
            requester=korea,
            counterpart=allocation,
            topic=TOPIC,
            head_id=minister.pk,
            wished_times="25 November 2019 (seed 004)",
            by=None,
        )
        starts = datetime.datetime(2019, 11, 25, hour, minute, tzinfo=SEOUL)
        meeting_schedule(
            meeting=meeting,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(minutes=45),
            room=rooms[0],
            counterpart_head_id=head.pk,
            by=None,
        )
        Meeting.objects.filter(pk=meeting.pk).update(is_sample=True)
        created += 1
    return created
