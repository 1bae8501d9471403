"""Speakers whom staff invite to attach their own materials: the invitation (an email with a private
link, no account needed), what the link lets them add or take back, and nothing more."""

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from formats.file_kinds import extension_of, upload_content_type
from notifications.services import notification_queue

from .models import MATERIAL_EXTENSIONS, Material, SpeakerInvitation
from .services import AftercareError

SPEAKER_FILE_MAX_BYTES = 30 * 1024 * 1024
SPEAKER_MATERIALS_MAX = 20


def speaker_invitation_send(*, invitation):
    """Email the invitation (again) through the outbox, in the speaker's language."""
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    notification_queue(
        key=f"speaker_invitation:{invitation.pk}:{stamp}",
        template="speaker_invitation",
        recipient=invitation.email,
        language=invitation.language,
        context={"speaker_invitation_id": invitation.pk},
        reply_to=invitation.occurrence.reply_to_email,
    )


def speaker_invitation_usable(token):
    """The invitation of a link, or None when there is none or it was withdrawn or has expired."""
    invitation = (
        SpeakerInvitation.objects.select_related("occurrence__program", "agenda_item").filter(token=token).first()
    )
    if invitation is None or not invitation.is_usable():
        return None
    return invitation


def speaker_material_add(*, invitation, kind, title, upload=None, url=""):
    """Add one material of the speaker's, to their agenda item; participants only until staff make it
    public. A file is checked by its first bytes; nothing is kept when anything is refused."""
    if not invitation.is_usable():
        raise AftercareError(_("This invitation link is no longer valid. Please ask the organizers for a new one."))
    if bool(upload) == bool(url):
        raise AftercareError(_("Give either a file or a link, not both."))
    if kind == Material.Kind.LINK and not url:
        raise AftercareError(_("A link needs its address."))
    if upload is not None:
        extension = extension_of(upload.name)
        if upload.size == 0:
            raise AftercareError(_("“%(name)s” is empty.") % {"name": upload.name})
        if upload.size > SPEAKER_FILE_MAX_BYTES:
            raise AftercareError(
                _("“%(name)s” is %(size)s; the largest accepted is %(max)s.")
                % {
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(SPEAKER_FILE_MAX_BYTES),
                }
            )
        if extension not in MATERIAL_EXTENSIONS or upload_content_type(upload) is None:
            raise AftercareError(
                _("“%(name)s” is not a kind of file accepted here (%(kinds)s), or its content does not match its name.")
                % {"name": upload.name, "kinds": ", ".join(e.upper() for e in MATERIAL_EXTENSIONS)}
            )
    with transaction.atomic():
        invitation = SpeakerInvitation.objects.select_for_update().get(pk=invitation.pk)
        added = invitation.materials.count()
        if added >= SPEAKER_MATERIALS_MAX:
            raise AftercareError(
                _("You have added %(count)s materials, the most one invitation takes. Remove one first.")
                % {"count": SPEAKER_MATERIALS_MAX}
            )
        # The title in the speaker's language, and in English, which every other language falls back to.
        titles = {"title_en": title, build_localized_fieldname("title", get_language() or "en"): title}
        material = Material(
            occurrence_id=invitation.occurrence_id,
            agenda_item_id=invitation.agenda_item_id,
            kind=kind,
            **titles,
            url=url or "",
            speaker=invitation,
            order=100 + added,
        )
        if upload is not None:
            material.file.save(upload.name, upload, save=False)
            storage, name = material.file.storage, material.file.name
            try:  # not saved after all: the stored file goes too
                material.save()
            except Exception:
                storage.delete(name)
                raise
        else:
            material.save()
    return material


def speaker_material_remove(*, invitation, material_id):
    """Take back one of the speaker's own materials (no one else's)."""
    if not invitation.is_usable():
        raise AftercareError(_("This invitation link is no longer valid. Please ask the organizers for a new one."))
    material = invitation.materials.filter(pk=material_id).first()
    if material is None:
        raise AftercareError(_("This material is not one of yours, or it was already removed."))
    name, storage = material.file.name, material.file.storage
    with transaction.atomic():
        material.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))
