import pytest

from tests.cohorts.factories import hosted_occurrence, staff_user
from tests.factories import OrganizationFactory


@pytest.fixture
def org_a(db):
    return OrganizationFactory(name_en="GAOK")


@pytest.fixture
def org_b(db):
    return OrganizationFactory(name_en="Ministry of Foreign Affairs")


@pytest.fixture
def staff_a(org_a):
    return staff_user(org_a)


@pytest.fixture
def client_a(client, staff_a):
    client.force_login(staff_a)
    return client


@pytest.fixture
def occurrence_a(org_a):
    return hosted_occurrence(org_a, capacity=10, admission="review")


@pytest.fixture
def occurrence_b(org_b):
    return hosted_occurrence(org_b, capacity=10, admission="review")
