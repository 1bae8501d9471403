"""Who may read a certificate or an invitation letter: the download views and the private file
URL (jobs/storage.py, which the admin's file links use) ask the same rule."""

from jobs.storage import register_reader
from participants.selectors import registrations_visible_to

from .models import Certificate, InvitationLetter


def may_download(user, document, permission):
    """Staff who manage the occurrence, or the official the document belongs to (while it is valid)."""
    registration = document.registration
    is_owner = registration.participant.user_id is not None and registration.participant.user_id == user.pk
    is_staff = (
        user.is_staff
        and user.has_perm(permission)
        and registrations_visible_to(user).filter(pk=registration.pk).exists()
    )
    return bool(document.file) and (is_staff or is_owner and not document.verification.is_revoked)


def _reader(model, permission):
    def may_read(user, name):
        documents = model.objects.select_related("registration__participant", "verification").filter(file=name)
        return any(may_download(user, document, permission) for document in documents)

    return may_read


register_reader("certificates/", _reader(Certificate, "cohorts.view_certificate"))
register_reader("letters/", _reader(InvitationLetter, "cohorts.view_invitationletter"))
