"""The notice rosters sends: a background export is ready (templates/emails/export_ready.*)."""

from django.urls import reverse

from notifications.registry import context_loader, notice_kinds

notice_kinds("export_ready", app="rosters")


@context_loader("export_job_id")
def _export_job(export_job_id):
    from .models import ExportJob

    job = ExportJob.objects.select_related("owner").get(pk=export_job_id)
    return {"job": job, "job_path": reverse("rosters:job_detail", kwargs={"pk": job.pk})}
