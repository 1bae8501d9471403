"""100 focal point requests at once against an allocation of 15 seats, on real PostgreSQL: the
allocation row lock (taken after the occurrence row, as every seat decision takes it) lets
exactly 15 through and refuses the rest with the allocation's message.

The requests run on 25 threads, each with its own database connection (the shared PostgreSQL
server of this machine allows about 100 clients for every test run together)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from delegations.errors import DelegationError
from delegations.models import Nomination
from delegations.services import nominations_create
from tests.factories import CountryQuotaFactory, OccurrenceFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

REQUESTS = 100
THREADS = 25
SEATS = 15


def test_one_hundred_parallel_nominations_leave_exactly_fifteen():
    assert connection.vendor == "postgresql"
    allocation = CountryQuotaFactory(occurrence=OccurrenceFactory(capacity=88), country="TW", seats=SEATS)
    focal = UserFactory(email="focal@dcsd.gov.example.tw", email_verified_at=timezone.now())
    start = threading.Event()
    results = [None] * REQUESTS

    def nominate(i):
        start.wait()
        try:
            nominations_create(
                allocation=allocation,
                nominees=[{"family_name": "Chen", "given_name": f"Yi{i}", "email": f"civil{i}@dcsd.gov.example.tw"}],
                by=focal,
            )
            results[i] = "nominated"
        except DelegationError as exc:
            results[i] = exc.message
        except Exception as exc:  # noqa: BLE001 - any other failure is the test's finding
            results[i] = f"error: {exc!r}"
        finally:
            connections.close_all()  # one connection per request, at most THREADS at a time

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(nominate, i) for i in range(REQUESTS)]
        start.set()
        for future in futures:
            future.result(timeout=120)

    allocation.refresh_from_db()
    refusals = [r for r in results if r != "nominated"]
    assert results.count("nominated") == SEATS
    assert set(refusals) == {"The allocation has 15 seats and 0 are left; 1 nominations cannot be added."}
    assert Nomination.objects.filter(allocation=allocation, status="active").count() == SEATS
    assert allocation.seats_nominated == SEATS
