import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from participants.models import Registration
from programs.roles import PROGRAM_STAFF
from tests.factories import OccurrenceFactory, OrganizationFactory, ParticipantFactory, RegistrationFactory, UserFactory


@pytest.fixture
def host(db):
    return OrganizationFactory(name_en="Gyeonggi Province", slug="gyeonggi", acronym="GG")


@pytest.fixture
def occurrence(host):
    occ = OccurrenceFactory(
        title_en="CJK Workshop 2026",
        slug="cjk-2026",
        start_date=datetime.date(2026, 9, 14),
        end_date=datetime.date(2026, 9, 16),
    )
    occ.hosts.add(host)
    return occ


def _program_staff(user):
    # Exporting is program staff's right (programs/roles.py), not every staff member's.
    user.groups.add(Group.objects.get(name=PROGRAM_STAFF))
    return user


@pytest.fixture
def staff(host):
    return _program_staff(
        UserFactory(email="staff@gg.example.org", is_staff=True, organization=host, preferred_language="en")
    )


@pytest.fixture
def other_staff(db):
    other = OrganizationFactory(name_en="Taipei City", slug="taipei", country="TW")
    return _program_staff(UserFactory(email="staff@taipei.example.org", is_staff=True, organization=other))


def make_registration(occurrence, *, submitted_at, answers=None, status=Registration.Status.SUBMITTED, **participant):
    registration = RegistrationFactory(
        participant=ParticipantFactory(**participant), occurrence=occurrence, answers=answers or {}, status=status
    )
    Registration.objects.filter(pk=registration.pk).update(submitted_at=submitted_at)
    registration.refresh_from_db()
    return registration


@pytest.fixture
def roster(occurrence, host):
    seoul = datetime.timezone(datetime.timedelta(hours=9))
    return [
        make_registration(
            occurrence,
            submitted_at=datetime.datetime(2026, 5, 1, 9, 30, tzinfo=seoul),
            answers={"diet": "vegetarian"},
            family_name="Kim",
            given_name="Minsu",
            family_name_native="김",
            given_name_native="민수",
            country="KR",
            organization=host,
            department="International Cooperation",
            position="Deputy Director",
            admin_level=5,
            email="minsu.kim@gg.example.org",
        ),
        make_registration(
            occurrence,
            submitted_at=datetime.datetime(2026, 5, 2, 14, 5, tzinfo=seoul),
            status=Registration.Status.ACCEPTED,
            family_name="Li",
            given_name="Wei",
            family_name_native="李",
            given_name_native="伟",
            country="CN",
            department="Foreign Affairs Office",
            position='=HYPERLINK("http://evil.example")',
            admin_level=None,
            email="wei.li@example.cn",
        ),
        make_registration(
            occurrence,
            submitted_at=datetime.datetime(2026, 5, 3, 8, 0, tzinfo=seoul),
            answers={"diet": "halal", "arrival": "9/13"},
            family_name="Sato",
            given_name="Hanako",
            family_name_native="佐藤",
            given_name_native="花子",
            country="JP",
            department="+Planning",
            position="@SUM(A1)",
            admin_level=4,
            email="hanako.sato@example.jp",
        ),
    ]


def localtime(dt):
    return timezone.localtime(dt).replace(tzinfo=None)
