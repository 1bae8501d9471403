from celery import shared_task

from . import services


@shared_task(name="rosters.run_export_job", acks_late=True, soft_time_limit=840, time_limit=900)
def run_export_job(*, job_id):
    job = services.export_job_run(job_id=job_id)
    return job.row_count if job else None


@shared_task(name="rosters.expire_exports", soft_time_limit=540, time_limit=600)
def expire_exports():
    return services.export_jobs_expire()
