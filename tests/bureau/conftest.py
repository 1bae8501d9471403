import pytest
from django.utils import timezone

from bureau.models import AssignmentRule, Requester
from tests.factories import OrganizationFactory, UserFactory
from tests.notifications.conftest import (  # noqa: F401 - the real beat and worker, for the service-level test
    fast_notifications,
    private_broker,
    private_redis,
    start_beat,
    start_worker,
)


def verified_requester(organization, **fields):
    user = UserFactory(email_verified_at=timezone.now(), **fields)
    Requester.objects.create(user=user, organization=organization, verified_at=timezone.now(), verified_via="staff")
    return user


@pytest.fixture
def province():
    return OrganizationFactory(kind="province", country="KR", name_en="Gyeonggi Province")


@pytest.fixture
def requester(province):
    return verified_requester(province)


@pytest.fixture
def department():
    return OrganizationFactory(kind="other", name_en="International Cooperation Team")


@pytest.fixture
def desk(department):
    """Two staff members of the department and a rule that sends every request there, by turns."""
    staff = [UserFactory(is_staff=True, organization=department, first_name=name) for name in ("Minji", "Jun")]
    AssignmentRule.objects.create(order=10, department=department, strategy=AssignmentRule.Strategy.ROUND_ROBIN)
    return staff


def submit(requester, organization, **fields):
    from bureau.services import service_request_submit

    values = {
        "organization": organization,
        "contact_email": requester.email,
        "service": "general",
        "subject": "Question",
        "body": "Hello",
        "requested_by": requester,
        **fields,
    }
    return service_request_submit(**values)
