from celery import shared_task
from celery.signals import worker_process_shutdown

from .services import (
    TransientSendError,
    notification_send,
    notifications_dispatch_many,
    notifications_drain_outbox,
    notifications_send_batch,
)
from .smtp import close_pooled_connection


@worker_process_shutdown.connect
def _close_smtp(**kwargs):
    # Say QUIT to the mail server rather than leave it to time the kept connection out.
    close_pooled_connection()


# The row counts attempts and decides when to give up (NOTIFICATION_MAX_ATTEMPTS), since
# redeliveries and drain re-publishes are attempts too; hence max_retries=None here.
# Countdowns stay under the broker's visibility timeout (NOTIFICATION_RETRY_MAX_SECONDS).
@shared_task(
    name="notifications.send",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    max_retries=None,
    soft_time_limit=60,
    time_limit=90,
)
def send_notification(self, *, notification_id):
    try:
        notification_send(notification_id=notification_id)
    except TransientSendError as exc:
        raise self.retry(exc=exc, countdown=exc.countdown) from exc


# Many rows in one task (notifications_queue_many: a cohort message, survey invitations): one claim
# for all, then each row fenced and marked on its own. Not retried as a whole: a row refused for now
# gets its own retry task; rows a killed worker held wait for the drain (NOTIFICATION_SENDING_STALE_SECONDS).
@shared_task(
    name="notifications.send_many",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    soft_time_limit=240,
    time_limit=300,
)
def send_notifications(*, notification_ids):
    return notifications_send_batch(notification_ids=notification_ids)


@shared_task(name="notifications.drain_outbox", acks_late=True, ignore_result=True, soft_time_limit=240, time_limit=300)
def drain_outbox():
    return notifications_drain_outbox()


@shared_task(
    name="notifications.dispatch_many", acks_late=True, ignore_result=True, soft_time_limit=120, time_limit=150
)
def dispatch_many(*, notification_ids):
    return notifications_dispatch_many(notification_ids=notification_ids)
