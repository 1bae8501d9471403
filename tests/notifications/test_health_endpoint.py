"""/health/ with a real broker, worker and beat: it turns green when they run and names the part
that stops (the worker, or beat's drain), as a monitor polling it would see."""

import pytest
from django.test import Client

from tests.support.workers import wait_until

pytestmark = pytest.mark.worker


def _health():
    response = Client().get("/health/?format=json")
    return response.status_code, {name.split("(")[0]: state for name, state in response.json().items()}


def test_health_follows_the_worker_and_beat(private_broker, smtp_server, start_worker, start_beat, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.REDIS_URL = private_broker.url

    status, checks = _health()
    assert status == 500
    assert checks["Ping"] == "Unavailable: Celery workers unavailable"
    assert "The drain has not finished a run" in checks["Outbox"]
    assert checks["Redis"] == checks["Database"] == "OK"

    worker = start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
    start_beat(broker_url=private_broker.url, every=2)
    status, checks = wait_until(lambda: (result := _health())[0] == 200 and result, timeout=60)
    assert set(checks.values()) == {"OK"}
    assert set(checks) == {"Database", "Cache", "Storage", "Redis", "Ping", "Outbox"}

    worker.kill()
    status, checks = _health()
    assert status == 500
    assert checks["Ping"] == "Unavailable: Celery workers unavailable"
