from celery import shared_task


@shared_task(
    name="participants.send_reminders", acks_late=True, ignore_result=True, soft_time_limit=840, time_limit=900
)
def send_reminders():
    from .reminders import reminders_queue

    return reminders_queue()
