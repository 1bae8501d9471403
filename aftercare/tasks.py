from celery import shared_task


@shared_task(name="aftercare.send_surveys", acks_late=True, ignore_result=True, soft_time_limit=540, time_limit=600)
def send_surveys():
    from .surveys import surveys_send_due

    return surveys_send_due()
