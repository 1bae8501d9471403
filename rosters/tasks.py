from celery import shared_task

from . import imports, services


@shared_task(name="rosters.run_export_job", acks_late=True, soft_time_limit=840, time_limit=900)
def run_export_job(*, job_id):
    job = services.export_job_run(job_id=job_id)
    return job.row_count if job else None


@shared_task(name="rosters.expire_exports", soft_time_limit=540, time_limit=600)
def expire_exports():
    return services.export_jobs_expire() + imports.import_jobs_expire()


# A 10,000-row list takes minutes to check: far past a web request, inside these limits (which
# stay below the broker's visibility timeout, an hour, so a long run is not delivered twice).
@shared_task(name="rosters.run_import_job", acks_late=True, soft_time_limit=1740, time_limit=1800)
def run_import_job(*, job_id):
    job = imports.import_job_run(job_id=job_id)
    return job.refused if job else None
