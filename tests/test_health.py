"""/health/ as a load balancer and a monitor read it, with tasks in-process (no broker)."""

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _checks(response):
    return {name.split("(")[0]: state for name, state in response.json().items()}


def test_without_a_broker_the_database_cache_and_storage_are_checked(client):
    response = client.get("/health/?format=json")

    assert response.status_code == 200
    assert _checks(response) == {"Database": "OK", "Cache": "OK", "Storage": "OK"}
    assert "no-cache" in response["Cache-Control"]


def test_the_html_page_lists_each_check(client):
    response = client.get("/health/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"Database" in response.content and b"Storage" in response.content


def test_redis_down_is_a_failure_named_redis(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    response = client.get("/health/?format=json")

    assert response.status_code == 500
    assert _checks(response)["Redis"].startswith("Unavailable")
    assert _checks(response)["Database"] == "OK"
