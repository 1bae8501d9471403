"""Writes of the exhibitions app (the admin and the demo call these)."""

from django.db import transaction

from .images import exhibit_image_files


def exhibit_set_image(*, exhibit, upload):
    """Store the resized display image and thumbnail of `upload` (default storage) on the exhibit;
    the files it replaces leave the storage once the transaction commits."""
    display, thumbnail = exhibit_image_files(upload)
    old = [f.name for f in (exhibit.image, exhibit.thumbnail) if f]
    exhibit.image.save("exhibit.jpg", display, save=False)
    exhibit.thumbnail.save("thumb.jpg", thumbnail, save=False)
    exhibit.save(update_fields=["image", "thumbnail"])
    storage = exhibit.image.storage
    transaction.on_commit(lambda: [storage.delete(name) for name in old])
    return exhibit


def exhibit_remove_image(*, exhibit):
    names = [f.name for f in (exhibit.image, exhibit.thumbnail) if f]
    storage = exhibit.image.storage
    exhibit.image = ""
    exhibit.thumbnail = ""
    exhibit.save(update_fields=["image", "thumbnail"])
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return exhibit
