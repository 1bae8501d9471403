"""Materials and photos: adding a photo, asking to be taken out of one, and staff's decision."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .images import photo_files
from .models import Photo, PhotoRemovalRequest
from .selectors import occurrence_participant


class AftercareError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def photo_set_image(*, photo, upload):
    """Store the resized page image and thumbnail (through the default storage) in place of `upload`."""
    page, thumbnail = photo_files(upload)
    old = [f.name for f in (photo.image, photo.thumbnail) if f]
    photo.image.save("photo.jpg", page, save=False)
    photo.thumbnail.save("thumb.jpg", thumbnail, save=False)
    photo.save()
    storage = photo.image.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in old])
    return photo


def photo_removal_request(*, photo, user, reason=""):
    """A participant of the photo's occurrence asks to have it taken down; one open request each."""
    if photo.is_removed:
        raise AftercareError(_("This photo has already been removed."))
    if not occurrence_participant(user, photo.occurrence):
        raise AftercareError(_("Only participants of this occurrence can ask for a photo to be removed."))
    reason = (reason or "").replace("\x00", "").strip()[:1000]
    try:
        with transaction.atomic():
            return PhotoRemovalRequest.objects.create(photo=photo, requested_by=user, reason=reason)
    except IntegrityError:
        raise AftercareError(_("You have already asked for this photo to be removed.")) from None


@transaction.atomic
def photo_remove(*, photo, by):
    """Take the photo down: its files leave the storage, open requests are closed as done."""
    photo = Photo.objects.select_for_update().get(pk=photo.pk)
    names = [f.name for f in (photo.image, photo.thumbnail) if f]
    storage = photo.image.storage
    photo.is_removed = True
    photo.image = ""
    photo.thumbnail = ""
    photo.save()
    photo.removal_requests.filter(status=PhotoRemovalRequest.Status.OPEN).update(
        status=PhotoRemovalRequest.Status.REMOVED, decided_by=by, decided_at=timezone.now()
    )
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return photo


def photo_removal_decline(*, removal_request, by):
    if removal_request.status != PhotoRemovalRequest.Status.OPEN:
        raise AftercareError(_("This request has already been decided."))
    removal_request.status = PhotoRemovalRequest.Status.DECLINED
    removal_request.decided_by = by
    removal_request.decided_at = timezone.now()
    removal_request.save(update_fields=["status", "decided_by", "decided_at"])
    return removal_request
