"""GET /health/: is this web process able to serve, and is the rest of the deployment alive?

Built on django-health-check. A load balancer reads the status code (200 or 500); monitoring
reads `?format=json` (or `Accept: application/json`), one line per check. The checks:

- the database (a trivial query) and the default cache (a write and a read);
- the file storage (a file written and deleted);
- with a broker (REDIS_URL): Redis itself, at least one Celery worker answering a ping and
  consuming the project's queue, and the outbox: beat has run the drain within three of its
  intervals and no notification has been missed by two drain runs (notifications/health.py,
  the same figures as the admin panel and `manage.py check_outbox`). Without a broker, tasks run
  in-process and there is no worker or beat to ask about.

No check reports anything personal; error texts name the failing part only.
"""

import dataclasses

from django.conf import settings
from django.db import connections
from health_check import checks as library_checks
from health_check.base import HealthCheck
from health_check.checks import Cache, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

# The view runs synchronous checks in executor threads, which a request's end never reaches:
# each check that queries closes its thread's connection itself, or it would stay open.


@dataclasses.dataclass
class Database(library_checks.Database):
    def run(self):
        try:
            return super().run()
        finally:
            connections.close_all()


@dataclasses.dataclass
class Outbox(HealthCheck):
    """Beat runs the drain and nothing waits longer than two drain runs."""

    def run(self):
        from notifications.health import outbox_health

        try:
            health = outbox_health()
        finally:
            connections.close_all()
        if not health.healthy:
            raise ServiceUnavailable("; ".join(str(problem) for problem in health.problems))


def _redis_client():
    from redis.asyncio import Redis

    return Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)


def health_checks():
    checks = [Database, Cache, Storage, (Storage, {"alias": "private"})]
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        from health_check.contrib.celery import Ping
        from health_check.contrib.redis import Redis

        if settings.REDIS_URL:
            checks.append((Redis, {"client_factory": _redis_client}))
        checks += [Ping, Outbox]
    return checks


class HealthView(HealthCheckView):
    def get_checks(self):
        self.checks = health_checks()
        return super().get_checks()
