"""scripts/stamp.py reads a PostgreSQL database's migrations without Django (the test database here)."""

import pytest
from django.db import connection

from scripts import stamp

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _url(name):
    config = connection.settings_dict
    return f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{name}"


def test_the_fingerprint_of_a_migrated_postgres_database():
    url = _url(connection.settings_dict["NAME"])

    fingerprint = stamp.database_fingerprint("migrations", url)

    assert set(fingerprint) == {"created", "migrations"}
    assert stamp.database_fingerprint("identity", url) == {"created": fingerprint["created"]}


def test_a_missing_postgres_database_counts_as_new():
    assert stamp.database_fingerprint("migrations", _url("exchange_portal_no_such_database")) is None
