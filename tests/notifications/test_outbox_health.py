"""The outbox's health, as an operator reads it in the admin and a monitor reads `check_outbox`."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from notifications.models import DrainRun, Notification
from notifications.services import notifications_drain_outbox
from tests.factories import UserFactory

pytestmark = pytest.mark.integration


def _row(key, minutes_ago, **fields):
    row = Notification.objects.create(
        key=key,
        template="registration_received",
        recipient=f"{key}@example.org",
        language="en",
        subject="s",
        body_text="b",
        **fields,
    )
    Notification.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timezone.timedelta(minutes=minutes_ago),
        updated_at=timezone.now() - timezone.timedelta(minutes=minutes_ago),
    )
    return row


def _check_outbox():
    out = io.StringIO()
    try:
        call_command("check_outbox", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_a_drain_that_never_ran_and_a_stuck_row_are_reported_and_fail_the_check(db):
    _row("stuck", minutes_ago=30)
    _row("fresh", minutes_ago=0)

    out, error = _check_outbox()

    assert "Drain schedule" in out and "every 60 s" in out
    assert "Last successful drain run" in out and "never" in out
    assert "Unsent notifications" in out
    lines = dict(line.split("  ", 1) for line in out.splitlines() if "  " in line)
    assert lines["Unsent notifications"].strip() == "2"
    assert lines["Waiting longer than the drain interval"].strip() == "1"
    assert lines["Missed by two drain runs"].strip() == "1"
    assert (
        "(1800 s ago)" in lines["Oldest unsent notification"] or "(1799 s ago)" in lines["Oldest unsent notification"]
    )
    assert error is not None
    assert "The drain has not finished a run in the last 180 s" in error
    assert "1 notification should have been published again two drain runs ago." in error


def test_after_a_drain_run_the_outbox_is_healthy(db, django_capture_on_commit_callbacks):
    _row("sent", minutes_ago=30, status="sent")
    notifications_drain_outbox()

    out, error = _check_outbox()

    assert error is None
    assert out.rstrip().endswith("OK")
    assert DrainRun.objects.get().published == 0


def test_a_disabled_drain_schedule_is_a_problem(db):
    notifications_drain_outbox()
    PeriodicTask.objects.filter(task="notifications.drain_outbox").update(enabled=False)

    out, error = _check_outbox()

    assert "not scheduled" in out
    assert "No enabled periodic task runs notifications.drain_outbox" in error


def test_the_notifications_admin_shows_the_outbox_health_above_the_list(client, db):
    _row("stuck", minutes_ago=30)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))  # the operator, as the demo's admin

    page = client.get("/admin/notifications/notification/").content.decode()

    assert "Outbox: needs attention" in page
    assert "Last successful drain run" in page
    assert "The drain has not finished a run in the last 180 s" in page

    notifications_drain_outbox()  # beat's next run publishes the stuck row
    page = client.get("/admin/notifications/notification/").content.decode()
    assert "Outbox: healthy" in page
