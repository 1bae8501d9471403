from celery import shared_task


@shared_task(name="bureau.flag_late_requests", acks_late=True, ignore_result=True, soft_time_limit=240, time_limit=300)
def flag_late_requests():
    from .service_levels import service_requests_flag_late

    return service_requests_flag_late()
