from celery import shared_task

from . import services


@shared_task(name="rosters.run_export_job", acks_late=True)
def run_export_job(*, job_id):
    job = services.export_job_run(job_id=job_id)
    return job.row_count if job else None


@shared_task(name="rosters.expire_exports")
def expire_exports():
    return services.export_jobs_expire()
