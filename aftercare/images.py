"""Photos as the page shows them: turned upright, EXIF (and any GPS position) dropped, resized."""

from django.utils.translation import gettext as _

from formats.images import upright_jpegs

PAGE_SIZE = (1600, 1600)
THUMBNAIL_SIZE = (480, 480)
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 60_000_000


def photo_files(upload):
    """(page image, thumbnail) as JPEG files from an uploaded image; ValidationError when it is none."""
    return upright_jpegs(
        upload,
        (PAGE_SIZE, THUMBNAIL_SIZE),
        name="photo.jpg",
        max_bytes=MAX_UPLOAD_BYTES,
        max_pixels=MAX_PIXELS,
        too_large=_("The photo is larger than 15 MB."),
        too_many_pixels=_("The photo has too many pixels."),
    )
