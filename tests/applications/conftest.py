from datetime import timedelta

import pytest
from django.utils import timezone

from applications.models import OrganizationCall
from bureau.models import Requester
from programs.models import Program
from tests.factories import OccurrenceFactory, OrganizationFactory, ProgramFactory, UserFactory


def verified_official(organization, **fields):
    """An account the Online Bureau verified for `organization` (bureau.Requester)."""
    user = UserFactory(email_verified_at=timezone.now(), **fields)
    Requester.objects.create(user=user, organization=organization, verified_at=timezone.now(), verified_via="staff")
    return user


@pytest.fixture
def gaok():
    return OrganizationFactory(kind="association", country="KR", name_en="GAOK")


@pytest.fixture
def call(gaok):
    program = ProgramFactory(kind=Program.Kind.LECTURE, name_en="Glocalization Lecturing")
    program.hosts.add(gaok)
    occurrence = OccurrenceFactory(
        program=program,
        title_en="Glocalization Lecturing 2027",
        registration_opens_at=None,
        registration_closes_at=None,
    )
    now = timezone.now()
    return OrganizationCall.objects.create(
        occurrence=occurrence, places=12, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30)
    )


@pytest.fixture
def province():
    return OrganizationFactory(kind="province", country="KR", name_en="Gyeonggi Province")


@pytest.fixture
def official(province):
    return verified_official(province, first_name="Seoyeon", last_name="Lee")


def fields(**overrides):
    return {
        "contact_name": "Lee Seoyeon",
        "contact_email": "lee@example.org",
        "contact_phone": "+82 31-000-0000",
        "needs": "International protocol for our festival staff",
        "preferred_dates": "Second half of May",
        "attendees": 40,
        **overrides,
    }
