"""The notices cohorts sends: a certificate or visa letter is ready, a document was revoked."""

from notifications.registry import context_loader, notice_kinds

notice_kinds("certificate_ready", "invitation_letter_ready", "document_revoked", app="cohorts")


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


@context_loader("letter_id")
def _letter(letter_id):
    from .models import InvitationLetter

    letter = InvitationLetter.objects.select_related(
        "registration__participant", "registration__occurrence__program"
    ).get(pk=letter_id)
    registration = letter.registration
    return {
        "letter": letter,
        "registration": registration,
        "participant": registration.participant,
        "occurrence": registration.occurrence,
    }


@context_loader("verification_id")
def _verification(verification_id):
    from .models import Verification

    verification = Verification.objects.get(pk=verification_id)
    document = (
        verification.certificate
        if verification.kind == Verification.Kind.CERTIFICATE
        else verification.invitation_letter
    )
    registration = document.registration
    return {
        "verification": verification,
        "document_number": getattr(document, "number", None) or document.reference,
        "registration": registration,
        "participant": registration.participant,
        "occurrence": registration.occurrence,
    }
