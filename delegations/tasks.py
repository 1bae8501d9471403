from celery import shared_task


@shared_task(name="delegations.send_reminders", acks_late=True, ignore_result=True, soft_time_limit=240, time_limit=300)
def send_delegation_reminders(*, occurrence_id, user_id=None):
    from django.contrib.auth import get_user_model

    from .services import delegation_reminders_queue

    by = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return delegation_reminders_queue(occurrence_id=occurrence_id, by=by)
