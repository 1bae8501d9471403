"""Every periodic job goes through a real beat and a real worker started with the project's
settings: each fires, each finishes, and the drain delivers what a crash or an outage left."""

import collections
import re
import subprocess
import sys

import pytest
from django.utils import timezone

from notifications.models import DrainRun, Notification
from notifications.services import RESENT_NOTE, notification_render
from tests.factories import RegistrationFactory
from tests.support.workers import PROJECT_ROOT, WorkerProcess, wait_until

pytestmark = pytest.mark.worker


def _outbox_row(key, recipient, registration, **fields):
    """A rendered row as the outbox writes it, with no task published for it."""
    subject, body_text, body_html = notification_render(
        template="registration_received", language="en", context={"registration_id": registration.pk}
    )
    row = Notification.objects.create(
        key=key,
        template="registration_received",
        recipient=recipient,
        language="en",
        context={"registration_id": registration.pk},
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        **fields,
    )
    # Old enough for the drain: the broker was down when it was written, or its sender died.
    Notification.objects.filter(pk=row.pk).update(updated_at=timezone.now() - timezone.timedelta(minutes=30))
    return row


def _succeeded(worker_log):
    return collections.Counter(re.findall(r"Task ([\w.]+)\[[0-9a-f-]+\] succeeded in", worker_log))


def test_every_periodic_job_fires_once_and_finishes_and_the_drain_delivers_what_was_left(
    private_broker, smtp_server, start_worker, start_beat
):
    registration = RegistrationFactory()
    _outbox_row("left:queued", "queued@example.org", registration)
    _outbox_row("left:unconfirmed", "unconfirmed@example.org", registration, status="unconfirmed", attempts=1)

    worker = start_worker(broker_url=private_broker.url, email_url=smtp_server.url)
    beat = start_beat(broker_url=private_broker.url, every=2, tasks=None)

    # The whole schedule as the migrations create it, not a list kept in the test.
    assert beat.scheduled == [
        "aftercare.send_surveys",
        "bureau.flag_late_requests",
        "notifications.drain_outbox",
        "participants.send_reminders",
        "reports.expire_reports",
        "reports.purge_personal_data",
        "reports.send_staff_digest",
        "rosters.expire_exports",
    ]
    wait_until(lambda: set(beat.scheduled) <= set(_succeeded(worker.output())), timeout=60, interval=0.5)
    wait_until(lambda: Notification.objects.filter(key__startswith="left:", status="sent").count() == 2, timeout=30)
    # Let the drain run a few more times: nothing may go out twice.
    last = DrainRun.objects.get().finished_at
    wait_until(lambda: DrainRun.objects.get().finished_at > last + timezone.timedelta(seconds=3), timeout=30)

    log = worker.output()
    assert "SchedulingError" not in beat.output()
    assert "soft_time_limit must be less than or equal to time_limit" not in beat.output() + log
    assert [re.findall(r"Task [\w.]+\[[0-9a-f-]+\] raised.*", log)] == [[]]
    assert len(smtp_server.received_by("queued@example.org")) == 1
    assert len(smtp_server.received_by("unconfirmed@example.org")) == 1
    assert smtp_server.received_by("queued@example.org")[0]["Subject"].startswith("We received your registration")
    assert Notification.objects.get(key="left:unconfirmed").last_error == RESENT_NOTE


def test_a_worker_with_contradictory_task_limits_refuses_to_start_and_names_the_task(transactional_db):
    # Every task declares its own limits, so global defaults that contradict each other
    # cannot break any of them ...
    contradictory_defaults = WorkerProcess(
        extra_env={"CELERY_TASK_SOFT_TIME_LIMIT": "3000", "CELERY_TASK_TIME_LIMIT": "2000"}
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--tag", "celery"],
        cwd=PROJECT_ROOT,
        env=contradictory_defaults.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # ... while a send task whose limit is under the mail server's timeout stops the worker at once.
    worker = WorkerProcess(extra_env={"EMAIL_TIMEOUT": "75"})
    with pytest.raises(RuntimeError) as refused:
        worker.start(timeout=60)
    assert "Refusing to start" in str(refused.value)
    assert "notifications.send: its soft time limit (60 s) is not above EMAIL_TIMEOUT (75 s)" in str(refused.value)
