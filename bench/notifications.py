"""Benchmark: N notifications through a real Celery worker to a local SMTP server.

Everything is private to the run: a throwaway PostgreSQL database (migrated, then dropped),
its own redis-server on a free port, its own aiosmtpd server and worker process. The rows
are written as the outbox writes them and published as `notifications_queue_many` publishes
them (a cohort message, survey invitations): `notifications_dispatch_many`, one task per
NOTIFICATION_BATCH_SIZE rows. `--path single` publishes one task per row through
`notification_dispatch`, the path of a single notice. Counting is done at the SMTP server by
X-Notification-Key; the rate counts from the first publish to the last row marked sent.

    .venv/bin/python bench/notifications.py [--count 10000] [--concurrency 4] [--kill-at 3000] [--path batch|single]

--kill-at N SIGKILLs the worker once N emails have arrived and starts a new one; a real
beat, with the project's settings and the drain shortened to every --drain-every seconds,
is all that recovers what the dead worker held. Nothing calls the drain by hand.
The last line reads: sent=N delivered=N duplicates=D lost=L rate=R/s
"""

import argparse
import collections
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
os.environ.setdefault("TEST_DB_TAG", "bench_notify")
# Fast drain/stale timings only matter for --kill-at; they are passed to the worker too.
FAST = {
    "NOTIFICATION_SENDING_STALE_SECONDS": "5",
    "NOTIFICATION_DRAIN_AFTER_SECONDS": "5",
    "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
}
os.environ.update(FAST)

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
# aiosmtpd logs every SMTP command at INFO: that alone would halve the measured rate.
logging.getLogger("mail.log").setLevel(logging.WARNING)

import kombu.pools  # noqa: E402
from django.db import connection  # noqa: E402

from exchange_portal.celery import app as celery_app  # noqa: E402
from notifications.models import Notification  # noqa: E402
from notifications.services import notification_dispatch, notifications_dispatch_many  # noqa: E402
from tests.notifications.servers import RedisServer  # noqa: E402
from tests.support.smtp import CapturingSMTPServer  # noqa: E402
from tests.support.workers import BeatProcess, WorkerProcess, schedule_every  # noqa: E402


def _use_broker(url):
    kombu.pools.reset()
    celery_app.conf.broker_url = url
    celery_app.conf.task_always_eager = False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def _counts(smtp):
    with smtp.lock:
        return collections.Counter(str(m["X-Notification-Key"]) for m in smtp.messages)


def _write_rows(count):
    body = "Dear participant,\n\nThis is benchmark notice {i}.\n"
    rows = [
        Notification(
            key=f"bench:{i}",
            template="bench",
            recipient=f"bench{i}@example.org",
            language="en",
            subject=f"Benchmark notice {i}",
            body_text=body.format(i=i),
            body_html=f'<!doctype html><html lang="en"><body><p>Benchmark notice {i}</p></body></html>',
        )
        for i in range(count)
    ]
    Notification.objects.bulk_create(rows, batch_size=1000)
    return list(Notification.objects.order_by("pk").values_list("pk", flat=True))


def run(count, concurrency, kill_at, timeout, drain_every, path):
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    redis_server, smtp, workers = RedisServer().start(), CapturingSMTPServer().start(), []
    try:
        _use_broker(redis_server.url)

        def start_worker():
            worker = WorkerProcess(
                broker_url=redis_server.url, email_url=smtp.url, concurrency=concurrency, extra_env=FAST
            ).start(timeout=60)
            workers.append(worker)
            return worker

        worker = start_worker()
        if kill_at:
            schedule_every(drain_every, tasks=["notifications.drain_outbox"])
            workers.append(BeatProcess(broker_url=redis_server.url, extra_env=FAST).start(timeout=60))
        ids = _write_rows(count)
        started = time.monotonic()
        if path == "single":
            published = sum(notification_dispatch(notification_id=pk) for pk in ids)
        else:
            published = notifications_dispatch_many(notification_ids=ids)
        print(f"published {published} rows ({path}) in {time.monotonic() - started:.1f}s", file=sys.stderr)
        killed = False
        deadline = started + timeout
        while time.monotonic() < deadline:
            received = len(smtp.messages)
            if kill_at and not killed and received >= kill_at:
                worker.kill()
                killed = True
                print(f"killed the worker after {received} emails", file=sys.stderr)
                worker = start_worker()
            # Cheap check first: parsing every header each poll would slow the SMTP server's thread.
            if (
                received >= count
                and len(_counts(smtp)) >= count
                and not Notification.objects.exclude(status="sent").exists()
            ):
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        time.sleep(1)  # let any straggler (a duplicate) arrive before counting
        counts = _counts(smtp)
        delivered = sum(1 for key in counts if key.startswith("bench:"))
        duplicates = sum(n - 1 for n in counts.values())
        statuses = dict(Notification.objects.values_list("status").annotate(n=django.db.models.Count("pk")))
        print(f"row statuses: {statuses}", file=sys.stderr)
        with open("/proc/loadavg") as f:
            print(f"load average {' '.join(f.read().split()[:3])}")
        print(
            f"sent={published} delivered={delivered} duplicates={duplicates} lost={count - delivered} "
            f"rate={delivered / elapsed:.0f}/s path={path}"
        )
    finally:
        for worker in workers:
            worker.stop()
        smtp.stop()
        redis_server.stop()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--kill-at", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--path", choices=["batch", "single"], default="batch")
    parser.add_argument("--drain-every", type=int, default=5, help="seconds between beat's drain runs")
    args = parser.parse_args()
    run(args.count, args.concurrency, args.kill_at, args.timeout, args.drain_every, args.path)
