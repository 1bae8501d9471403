"""Start a real Celery worker process against the real Redis broker and the test database."""

import importlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from exchange_portal.celery import app as celery_app

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    def __init__(self, *, broker_url=None, email_url=None, concurrency=2, extra_env=None, cwd=None):
        self.cwd = cwd or PROJECT_ROOT  # another folder: the process shares nothing on disk with the test
        self.broker_url = broker_url or settings.CELERY_BROKER_URL
        self.email_url = email_url
        self.concurrency = concurrency
        self.extra_env = extra_env or {}
        self.name = f"test-{uuid.uuid4().hex[:8]}@%h"
        self.process = None
        self.log_path = Path(f"/tmp/exchange_portal_worker_{uuid.uuid4().hex[:8]}.log")

    def env(self):
        env = dict(os.environ)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "exchange_portal.settings_test",
                "DATABASE_URL": database_url(),
                "CELERY_BROKER_URL": self.broker_url,
                "REDIS_URL": self.broker_url,
                "CELERY_TASK_ALWAYS_EAGER": "0",
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
                "TEST_DB_TAG": os.environ.get("TEST_DB_TAG", "main"),
                "PYTHONPATH": str(PROJECT_ROOT),
            }
        )
        if self.email_url:
            env["EMAIL_URL"] = self.email_url
        env.update(self.extra_env)
        return env

    what = "Celery worker"
    ready_text = " ready."

    def command(self):
        return [
            *("-m", "celery", "-A", "exchange_portal", "worker", "-l", "info", "-n", self.name),
            *("-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "-c", str(self.concurrency), "--pool", "prefork"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        ]

    def start(self, timeout=120):
        self.log = open(self.log_path, "w")  # noqa: SIM115 - kept open for the process's lifetime
        self.process = subprocess.Popen(
            [sys.executable, *self.command()],
            cwd=self.cwd,
            env=self.env(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.what} exited early:\n{self.log_path.read_text()}")
            if self.ready_text in self.log_path.read_text():
                return self
            time.sleep(0.2)
        # Not left running: a worker that became ready later would take the next test's tasks
        # with this test's settings (its files folder).
        self.stop()
        raise RuntimeError(f"{self.what} not ready in {timeout}s:\n{self.log_path.read_text()}")

    def kill(self):
        """Kill the whole worker (main process and pool children) at once, as a crash would."""
        if self.process and self.process.poll() is None:
            subprocess.run(["pkill", "-KILL", "-P", str(self.process.pid)], check=False)
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        if getattr(self, "log", None):
            self.log.close()

    def output(self):
        return self.log_path.read_text()


class BeatProcess(WorkerProcess):
    """A real `celery beat` with the project's settings (the database scheduler reads the
    django-celery-beat rows of the test database), publishing to the given broker."""

    what = "Celery beat"
    ready_text = "beat: Starting..."

    def command(self):
        return ["-m", "celery", "-A", "exchange_portal", "beat", "-l", "info", "--pidfile=", "--max-interval", "1"]


def restore_periodic_jobs():
    """Put back the periodic jobs the migrations create, after a transactional test emptied the
    tables (with the migrations' own code, so the rows are the ones a deploy has)."""
    from django.apps import apps

    if apps.get_model("django_celery_beat", "PeriodicTask").objects.exists():
        return  # still as the migrations left them
    for migration in (
        "reports.migrations.0002_beat_schedule",
        "rosters.migrations.0003_beat_schedule",
        "bureau.migrations.0004_beat_schedule",
        "aftercare.migrations.0003_survey_beat_schedule",
    ):
        importlib.import_module(migration).create(apps, None)
    importlib.import_module("reports.migrations.0005_reminders_task_moved").rename(apps, None)


def schedule_every(seconds, *, tasks=None):
    """Shorten the periodic jobs (all, or those named) to run every `seconds`, as an operator
    would in the admin's periodic tasks; returns the task names that are now scheduled."""
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    interval, _ = IntervalSchedule.objects.get_or_create(every=seconds, period=IntervalSchedule.SECONDS)
    rows = PeriodicTask.objects.filter(enabled=True).exclude(task__startswith="celery.")
    if tasks is not None:
        rows = rows.filter(task__in=tasks)
    names = []
    for row in rows:
        row.interval, row.crontab, row.last_run_at = interval, None, None
        row.save()  # through save(), so the scheduler notices the change
        names.append(row.task)
    if not names:
        raise AssertionError("No periodic task rows: the test emptied the tables the migrations filled")
    return sorted(names)


def wait_until(predicate, timeout=30, interval=0.2):
    """Poll `predicate` until it returns a truthy value; return it, or raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


def purge_queue():
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge(settings.CELERY_TASK_DEFAULT_QUEUE)
