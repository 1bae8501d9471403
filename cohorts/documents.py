"""Verifiable documents: visa invitation letters (issue, render) and the revocation that
certificates and letters share. Every document has a Verification row whose unguessable token
is printed as a link and QR code; the public /verify/<token>/ page reads it (selectors)."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.services import notification_queue
from participants.models import PassportDetails, Registration
from participants.self_service import registration_is_foreign

from .models import InvitationLetter, InvitationLetterTemplate, Verification
from .services import CohortError

S = Registration.Status
logger = logging.getLogger(__name__)


def verification_url(verification):
    return f"{settings.SITE_URL.rstrip('/')}{reverse('verify', args=[verification.token])}"


def document_revoke(*, verification: Verification, by, reason: str):
    """Revoke a certificate or letter: the public page says so from now on, and its holder is told."""
    reason = (reason or "").strip()
    if not reason:
        raise CohortError(_("Give the reason for the revocation; it is recorded and sent to the holder."))
    with transaction.atomic():
        verification = Verification.objects.select_for_update().get(pk=verification.pk)
        if verification.revoked_at:
            raise CohortError(
                _("This document was already revoked on %(date)s.") % {"date": date_format(verification.revoked_at)}
            )
        verification.revoked_at, verification.revoked_by, verification.revoked_reason = timezone.now(), by, reason
        verification.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
        logger.info("%s %s revoked by %s: %s", verification.kind, verification.pk, by, reason)
        participant = _document(verification).registration.participant
        notification_queue(
            key=f"verification:{verification.pk}:revoked",
            template="document_revoked",
            recipient=participant.email,
            language=participant.preferred_language,
            context={"verification_id": verification.pk},
        )
    return verification


def _document(verification):
    if verification.kind == Verification.Kind.CERTIFICATE:
        return verification.certificate
    return verification.invitation_letter


def invitation_letter_refusal(registration):
    """Why no letter can be issued to this registration now, or None."""
    program = registration.occurrence.program
    name = registration.participant
    template = InvitationLetterTemplate.objects.filter(program=program).first()
    if template is None:
        return _("%(program)s has no invitation letter template; set one up first.") % {"program": program.name}
    if registration.status not in (S.ACCEPTED, S.ATTENDED):
        return _("%(name)s is not accepted; letters go to accepted officials only.") % {"name": name}
    if not registration_is_foreign(registration):
        return _("%(name)s comes from the host country and needs no visa letter.") % {"name": name}
    if not program.asks_passport:
        return _("%(program)s does not ask for passport details; turn that on so officials can enter them.") % {
            "program": program.name
        }
    if not PassportDetails.objects.filter(participant_id=registration.participant_id).exists():
        return _("%(name)s has not entered passport details yet.") % {"name": name}
    current = InvitationLetter.objects.filter(registration=registration, verification__revoked_at__isnull=True).first()
    if current:
        return _("%(name)s already has a current letter, %(reference)s; revoke it first to issue a new one.") % {
            "name": name,
            "reference": current.reference,
        }
    return None


def invitation_letter_issue(*, registration: Registration, by):
    """Issue a numbered letter; its PDF is built after commit, and the official is told when it is ready."""
    from .tasks import invitation_letter_render_task

    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("participant", "occurrence__program")
            .get(pk=registration.pk)
        )
        refusal = invitation_letter_refusal(registration)
        if refusal:
            raise CohortError(refusal)
        template = registration.occurrence.program.letter_template
        today = timezone.localdate()
        prefix = f"{template.reference_prefix.upper()}-{today.year}"
        # The template row is the lock for numbering: two letters of one program never share a number.
        InvitationLetterTemplate.objects.select_for_update().get(pk=template.pk)
        numbers = InvitationLetter.objects.filter(reference__startswith=f"{prefix}-").values_list(
            "reference", flat=True
        )
        taken = max((int(n.rsplit("-", 1)[1]) for n in numbers if n.rsplit("-", 1)[1].isdigit()), default=0)
        letter = InvitationLetter.objects.create(
            registration=registration,
            reference=f"{prefix}-{taken + 1:03d}",
            issued_on=today,
            issued_by=by,
            verification=Verification.objects.create(kind=Verification.Kind.INVITATION_LETTER),
        )
        transaction.on_commit(lambda: invitation_letter_render_task.delay(letter_id=letter.pk))
        logger.info("Invitation letter %s issued to registration %s by %s", letter.reference, registration.pk, by)
    return letter


def invitation_letter_render(*, letter_id):
    """Build the letter's PDF once, store it, and tell the official it can be downloaded."""
    from .document_pdf import letter_pdf

    with transaction.atomic():
        letter = (
            InvitationLetter.objects.select_for_update(of=("self",))
            .select_related(
                "registration__participant__organization", "registration__occurrence__program", "verification"
            )
            .get(pk=letter_id)
        )
        if letter.file or letter.verification.revoked_at:
            return letter
        letter.file.save(f"{letter.reference}.pdf", ContentFile(letter_pdf(letter)), save=False)
        letter.save(update_fields=["file"])
        participant = letter.registration.participant
        notification_queue(
            key=f"invitation_letter:{letter.pk}:ready",
            template="invitation_letter_ready",
            recipient=participant.email,
            language=participant.preferred_language,
            context={"letter_id": letter.pk},
        )
    return letter
