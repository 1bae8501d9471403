"""The outbox at a glance: what waits, since when, and whether the drain runs.

Shown above the notifications changelist and printed by `manage.py check_outbox`, which
exits non-zero when there is a problem, for monitoring.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import DrainRun, Notification
from .services import notifications_pending

DRAIN_TASK = "notifications.drain_outbox"
UNSENT = [
    Notification.Status.QUEUED,
    Notification.Status.RETRYING,
    Notification.Status.SENDING,
    Notification.Status.UNCONFIRMED,
]
# A drain scheduled by crontab (or not at all) is judged against an hour.
FALLBACK_INTERVAL = timedelta(hours=1)


@dataclass
class OutboxHealth:
    checked_at: datetime
    drain_interval: timedelta | None  # None: no enabled schedule runs the drain
    last_drain_at: datetime | None
    last_drain_published: int
    unsent: int
    oldest_unsent_at: datetime | None
    waiting_longer_than_interval: int
    overdue: int  # rows the drain should have picked up at least two runs ago
    failed: int
    problems: list = field(default_factory=list)

    @property
    def healthy(self):
        return not self.problems

    def lines(self):
        def when(moment):
            if moment is None:
                return _("never")
            seconds = int((self.checked_at - moment).total_seconds())
            return _("%(time)s (%(seconds)d s ago)") % {
                "time": timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S %Z"),
                "seconds": seconds,
            }

        interval = (
            _("every %(seconds)d s") % {"seconds": self.drain_interval.total_seconds()}
            if self.drain_interval
            else _("not scheduled")
        )
        return [
            (_("Drain schedule"), interval),
            (_("Last successful drain run"), when(self.last_drain_at)),
            (_("Tasks published by that run"), str(self.last_drain_published)),
            (_("Unsent notifications"), str(self.unsent)),
            (_("Oldest unsent notification"), when(self.oldest_unsent_at)),
            (_("Waiting longer than the drain interval"), str(self.waiting_longer_than_interval)),
            (_("Missed by two drain runs"), str(self.overdue)),
            (_("Failed for good"), str(self.failed)),
        ]


def drain_interval():
    """How often beat runs the drain, read from its django-celery-beat row; None if it does not."""
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.filter(task=DRAIN_TASK, enabled=True).select_related("interval").first()
    if task is None:
        return None
    if task.interval is not None:
        return task.interval.schedule.run_every
    return FALLBACK_INTERVAL


def outbox_health(*, now=None):
    now = now or timezone.now()
    interval = drain_interval()
    judged = interval or FALLBACK_INTERVAL
    unsent = Notification.objects.filter(status__in=UNSENT)
    last = DrainRun.objects.filter(pk=1).first()
    health = OutboxHealth(
        checked_at=now,
        drain_interval=interval,
        last_drain_at=last.finished_at if last else None,
        last_drain_published=last.published if last else 0,
        unsent=unsent.count(),
        oldest_unsent_at=unsent.order_by("created_at").values_list("created_at", flat=True).first(),
        waiting_longer_than_interval=unsent.filter(created_at__lt=now - judged).count(),
        overdue=notifications_pending(now=now - 2 * judged).count(),
        failed=Notification.objects.filter(status=Notification.Status.FAILED).count(),
    )
    if interval is None:
        health.problems.append(
            _("No enabled periodic task runs %(task)s: mail that missed the broker is never sent.")
            % {"task": DRAIN_TASK}
        )
    if health.last_drain_at is None or health.last_drain_at < now - 3 * judged:
        health.problems.append(
            _("The drain has not finished a run in the last %(seconds)d s: is beat or the worker down?")
            % {"seconds": (3 * judged).total_seconds()}
        )
    if health.overdue:
        health.problems.append(
            ngettext(
                "%(count)d notification should have been published again two drain runs ago.",
                "%(count)d notifications should have been published again two drain runs ago.",
                health.overdue,
            )
            % {"count": health.overdue}
        )
    return health
