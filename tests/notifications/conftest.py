import kombu.pools
import pytest

from exchange_portal.celery import app as celery_app
from tests.notifications.servers import RedisServer, RefusingSMTPServer
from tests.support.workers import BeatProcess, WorkerProcess, restore_periodic_jobs, schedule_every

# Beat runs the outbox drain this often in the fault tests (every minute in production).
DRAIN_EVERY = 2

# Short delays so fault tests finish in seconds; the same values go to the worker's environment.
FAST = {
    "NOTIFICATION_RETRY_BASE_SECONDS": "0.2",
    "NOTIFICATION_RETRY_MAX_SECONDS": "2",
    "NOTIFICATION_SENDING_STALE_SECONDS": "3",
    "NOTIFICATION_DRAIN_AFTER_SECONDS": "1",
}


@pytest.fixture
def fast_notifications(settings):
    for name, value in FAST.items():
        setattr(settings, name, float(value))
    return FAST


def _use_broker(url):
    # Pools are cached per broker connection in kombu's global groups: drop them all, so the
    # next publish opens a connection to `url`.
    kombu.pools.reset()
    celery_app.conf.broker_url = url
    celery_app.conf.broker_write_url = None
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def private_redis():
    """A redis-server of this test's own on a free port."""
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def private_broker(private_redis, transactional_db):
    """Publish from this process to the private redis (not the shared one), really asynchronously."""
    saved = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    _use_broker(private_redis.url)
    yield private_redis
    celery_app.conf.task_always_eager = True
    _use_broker(saved)


@pytest.fixture
def refusing_smtp():
    server = RefusingSMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def start_worker(settings, fast_notifications):
    """Start real worker processes on a given broker and mail server; all are stopped at the end."""
    workers = []

    def start(*, broker_url, email_url, concurrency=2, **env):
        worker = WorkerProcess(
            broker_url=broker_url,
            email_url=email_url,
            concurrency=concurrency,
            extra_env={
                **fast_notifications,
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
                **env,
            },
        ).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def start_beat(settings, fast_notifications, transactional_db):
    """Start a real beat with the project's settings (database scheduler) on a given broker,
    after shortening the periodic jobs named in `tasks` (all of them with tasks=None).

    The periodic jobs are rows that migrations create; a transactional test empties every
    table after it runs, so they are put back first with the migrations' own code."""
    restore_periodic_jobs()
    beats = []

    def start(*, broker_url, every=DRAIN_EVERY, tasks=("notifications.drain_outbox",)):
        scheduled = schedule_every(every, tasks=tasks)
        beat = BeatProcess(broker_url=broker_url, extra_env=dict(fast_notifications)).start()
        beat.scheduled = scheduled
        beats.append(beat)
        return beat

    yield start
    for beat in beats:
        beat.stop()
