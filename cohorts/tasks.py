from celery import shared_task

from . import services


@shared_task(name="cohorts.certificate_render", soft_time_limit=240, time_limit=300)
def certificate_render_task(*, certificate_id):
    services.certificate_render(certificate_id=certificate_id)


@shared_task(name="cohorts.invitation_letter_render", soft_time_limit=240, time_limit=300)
def invitation_letter_render_task(*, letter_id):
    from . import documents

    documents.invitation_letter_render(letter_id=letter_id)
