"""The notice cohorts sends: the certificate of completion is ready."""

from notifications.registry import context_loader, notice_kinds

notice_kinds("certificate_ready", app="cohorts")


@context_loader("certificate_id")
def _certificate(certificate_id):
    from .models import Certificate

    certificate = Certificate.objects.select_related(
        "registration__participant", "registration__occurrence__program"
    ).get(pk=certificate_id)
    registration = certificate.registration
    return {
        "certificate": certificate,
        "registration": registration,
        "participant": registration.participant,
        "occurrence": registration.occurrence,
        "program": registration.occurrence.program,
    }
