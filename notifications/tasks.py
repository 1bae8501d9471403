from celery import shared_task

from .services import TransientSendError, notification_send, notifications_drain_outbox


@shared_task(
    name="notifications.send",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=7,
    soft_time_limit=60,
    time_limit=90,
)
def send_notification(self, *, notification_id):
    try:
        notification_send(notification_id=notification_id)
    except TransientSendError as exc:
        # 10 s, 20 s, 40 s ... capped at 30 minutes: well under the broker's visibility timeout.
        raise self.retry(exc=exc, countdown=min(10 * 2**self.request.retries, 1800))


@shared_task(name="notifications.drain_outbox", acks_late=True, time_limit=300)
def drain_outbox():
    return notifications_drain_outbox()
