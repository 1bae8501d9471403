"""Benchmark: N notifications through a real Celery worker to a local SMTP server.

Everything is private to the run: a throwaway PostgreSQL database (migrated, then dropped),
its own redis-server on a free port, its own aiosmtpd server and worker processes. The rows
are written as the outbox writes them and published as `notifications_queue_many` publishes
them (a cohort message, survey invitations): `notifications_dispatch_many`, one task per
NOTIFICATION_BATCH_SIZE rows. `--path single` publishes one task per row through
`notification_dispatch`, the path of a single notice. The SMTP server keeps each accepted
email's X-Notification-Key (tests/support/smtp.py KeyCountingSMTPServer), by which emails are
counted; a rate counts from the first publish to the last row marked sent.

    .venv/bin/python bench/notifications.py [--count 10000] [--concurrency 4] [--kill-at N] [--path batch|single]

Three rounds against the same SMTP server, in one run so that they share the machine's load:
1. the ceiling: as many plain processes as the worker has, each sending the same emails
   prebuilt over one kept connection with smtplib (no database, no Celery, no claim or fence);
2. the outbox through the worker, with the CPU per email of the worker's processes and of the
   SMTP server (PostgreSQL's is not counted: Celery closes the worker's database connection
   after each task, so its backends come and go);
3. the kill run: the same, with the worker SIGKILLed once --kill-at emails (a third of N by
   default; 0 skips the round) have arrived and a new worker started; a real beat, with the
   project's settings and the drain shortened to every --drain-every seconds, is all that
   recovers what the dead worker held. Nothing calls the drain by hand.
The machine is shared: `ratio` (the worker's rate over the ceiling's) is the figure that compares
runs at different loads; the load average is printed with each round. The last line reads:
rate=R/s ceiling=C/s ratio=X kill_run: delivered=N duplicates=D lost=L rate=K/s load=L1-L2
"""

import argparse
import collections
import multiprocessing
import os
import smtplib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
os.environ.setdefault("TEST_DB_TAG", "bench_notify")
# Fast drain/stale timings only matter for the kill run; they are passed to the worker too.
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
from django.db.models import Count  # noqa: E402

from exchange_portal.celery import app as celery_app  # noqa: E402
from notifications.mime import message_bytes  # noqa: E402
from notifications.models import Notification  # noqa: E402
from notifications.services import notification_dispatch, notifications_dispatch_many  # noqa: E402
from tests.notifications.servers import RedisServer  # noqa: E402
from tests.support.smtp import KeyCountingSMTPServer  # noqa: E402
from tests.support.workers import BeatProcess, WorkerProcess, schedule_every  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def _use_broker(url):
    kombu.pools.reset()
    celery_app.conf.broker_url = url
    celery_app.conf.task_always_eager = False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def _load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def _cpu(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def _process_tree(pid):
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as f:
                todo.extend(int(child) for child in f.read().split())
        except FileNotFoundError:
            pass
    return pids


def _email(i, prefix="bench"):
    return {
        "key": f"{prefix}:{i}",
        "subject": f"Benchmark notice {i}",
        "body_text": f"Dear participant,\n\nThis is benchmark notice {i}.\n",
        "body_html": f'<!doctype html><html lang="en"><body><p>Benchmark notice {i}</p></body></html>',
        "recipient": f"bench{i}@example.org",
    }


def _write_rows(count, prefix):
    rows = [Notification(template="bench", language="en", **_email(i, prefix)) for i in range(count)]
    Notification.objects.bulk_create(rows, batch_size=1000)
    return list(Notification.objects.filter(key__startswith=f"{prefix}:").order_by("pk").values_list("pk", flat=True))


def _plain_sender(port, emails):
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for sender, recipient, data in emails:
            smtp.sendmail(sender, [recipient], data)


def ceiling(smtp, count, concurrency):
    """Emails per second that `concurrency` plain processes get through this SMTP server."""
    emails = []
    for i in range(count):
        email = _email(i, "ceiling")
        headers = {"X-Notification-Key": email.pop("key"), "Content-Language": "en"}
        emails.append(message_bytes(reply_to="", headers=headers, **email))
    connection.close()  # nothing of the database goes into the forked processes
    context = multiprocessing.get_context("fork")
    senders = [
        context.Process(target=_plain_sender, args=(smtp.port, emails[n::concurrency])) for n in range(concurrency)
    ]
    started = time.monotonic()
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    elapsed = time.monotonic() - started
    with smtp.lock:
        received = sum(1 for key in smtp.keys if key.startswith("ceiling:"))
        smtp.keys.clear()
    if received != count:
        raise RuntimeError(f"the ceiling round delivered {received} of {count}")
    return count / elapsed


def outbox_round(*, smtp, redis_server, count, concurrency, kill_at, timeout, drain_every, path, prefix):
    """Send `count` rows through a worker (killed once at `kill_at`); returns the round's figures."""
    processes = []

    def start_worker():
        worker = WorkerProcess(
            broker_url=redis_server.url, email_url=smtp.url, concurrency=concurrency, extra_env=FAST
        ).start(timeout=60)
        processes.append(worker)
        return worker

    load_before = _load()
    try:
        worker = start_worker()
        if kill_at:
            schedule_every(drain_every, tasks=["notifications.drain_outbox"])
            processes.append(BeatProcess(broker_url=redis_server.url, extra_env=FAST).start(timeout=60))
        ids = _write_rows(count, prefix)
        worker_cpu = sum(_cpu(pid) for pid in _process_tree(worker.process.pid))
        server_cpu = smtp.cpu_seconds()
        started = time.monotonic()
        if path == "single":
            published = sum(notification_dispatch(notification_id=pk) for pk in ids)
        else:
            published = notifications_dispatch_many(notification_ids=ids)
        print(f"published {published} rows ({path}) in {time.monotonic() - started:.1f}s", file=sys.stderr)
        killed = False
        deadline = started + timeout
        while time.monotonic() < deadline:
            received = len(smtp.keys)
            if kill_at and not killed and received >= kill_at:
                worker.kill()
                killed = True
                print(f"killed the worker after {received} emails", file=sys.stderr)
                worker = start_worker()
            if received >= count and not Notification.objects.exclude(status="sent").exists():
                break
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        cpu = {
            "worker": sum(_cpu(pid) for pid in _process_tree(worker.process.pid)) - worker_cpu,
            "smtp_server": smtp.cpu_seconds() - server_cpu,
        }
        time.sleep(1)  # let any straggler (a duplicate) arrive before counting
    finally:
        for process in processes:
            process.stop()
    with smtp.lock:
        counts = collections.Counter(smtp.keys)
        smtp.keys.clear()
    delivered = sum(1 for key in counts if key.startswith(f"{prefix}:"))
    statuses = dict(
        Notification.objects.filter(key__startswith=f"{prefix}:").values_list("status").annotate(n=Count("pk"))
    )
    print(f"row statuses: {statuses}", file=sys.stderr)
    twice = [key for key, n in counts.items() if n > 1]
    for key, attempts, note in Notification.objects.filter(key__in=twice).values_list("key", "attempts", "last_error"):
        print(f"delivered {counts[key]} times: {key} (attempts {attempts}; {note or 'no note'})", file=sys.stderr)
    return {
        "published": published,
        "delivered": delivered,
        "duplicates": sum(n - 1 for n in counts.values()),
        "lost": count - delivered,
        "rate": delivered / elapsed,
        "cpu_ms": {name: 1000 * seconds / max(delivered, 1) for name, seconds in cpu.items()},
        "load": (load_before, _load()),
    }


def run(args):
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    redis_server, smtp = RedisServer().start(), KeyCountingSMTPServer().start()
    try:
        _use_broker(redis_server.url)
        load_before = _load()
        top = ceiling(smtp, args.count, args.concurrency)
        print(f"ceiling: {args.concurrency} plain smtplib processes, no database: {top:.0f}/s (load {load_before:.1f})")
        common = {
            "smtp": smtp,
            "redis_server": redis_server,
            "count": args.count,
            "concurrency": args.concurrency,
            "timeout": args.timeout,
            "drain_every": args.drain_every,
            "path": args.path,
        }
        normal = outbox_round(kill_at=0, prefix="bench", **common)
        cpu = " ".join(f"{name}={ms:.2f}" for name, ms in normal["cpu_ms"].items())
        print(f"cpu ms per email: {cpu}")
        print(
            "load average {:.1f}-{:.1f}: sent={published} delivered={delivered} duplicates={duplicates} lost={lost} "
            "rate={rate:.0f}/s path={path}".format(*normal["load"], path=args.path, **normal)
        )
        kill_at = args.count // 3 if args.kill_at is None else args.kill_at
        killed = outbox_round(kill_at=kill_at, prefix="kill", **common) if kill_at else None
        if killed:
            print(
                "load average {:.1f}-{:.1f}: kill run (worker killed after {kill_at} emails): sent={published} "
                "delivered={delivered} duplicates={duplicates} lost={lost} rate={rate:.0f}/s".format(
                    *killed["load"], kill_at=kill_at, **killed
                )
            )
        loads = [load_before, *normal["load"], *(killed["load"] if killed else ())]
        last = f"rate={normal['rate']:.0f}/s ceiling={top:.0f}/s ratio={normal['rate'] / top:.2f}"
        if killed:
            last += (
                f" kill_run: delivered={killed['delivered']} duplicates={killed['duplicates']} lost={killed['lost']}"
                f" rate={killed['rate']:.0f}/s"
            )
        print(f"{last} load={min(loads):.1f}-{max(loads):.1f}")
    finally:
        smtp.stop()
        redis_server.stop()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--kill-at", type=int, default=None, help="emails before the kill (default N/3; 0: no kill run)"
    )
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--path", choices=["batch", "single"], default="batch")
    parser.add_argument("--drain-every", type=int, default=5, help="seconds between beat's drain runs")
    run(parser.parse_args())
