from celery import shared_task


@shared_task(name="reports.build", acks_late=True, ignore_result=True, soft_time_limit=600, time_limit=660)
def build_report(*, report_id):
    from .services import report_build

    report_build(report_id=report_id)


@shared_task(name="reports.send_staff_digest", acks_late=True, ignore_result=True, soft_time_limit=840, time_limit=900)
def send_staff_digest():
    from .digest import digests_send_weekly

    return digests_send_weekly()


@shared_task(name="reports.expire_reports", acks_late=True, ignore_result=True, soft_time_limit=540, time_limit=600)
def expire_reports():
    from .services import reports_expire

    return reports_expire()


@shared_task(
    name="reports.purge_personal_data", acks_late=True, ignore_result=True, soft_time_limit=1740, time_limit=1800
)
def purge_personal_data():
    from .retention import participants_purge_expired

    return participants_purge_expired()
