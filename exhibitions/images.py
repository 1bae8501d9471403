"""An exhibit's image as the pages show it: upright, without EXIF (or a GPS position), resized to a
display size and a thumbnail for the exhibition's list."""

from django.utils.translation import gettext as _

from formats.images import upright_jpegs

DISPLAY_SIZE = (1200, 1200)
THUMBNAIL_SIZE = (400, 300)
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000


def exhibit_image_files(upload):
    """(display image, thumbnail) as JPEG files; ValidationError with a clear message otherwise."""
    return upright_jpegs(
        upload,
        (DISPLAY_SIZE, THUMBNAIL_SIZE),
        name="exhibit.jpg",
        max_bytes=MAX_UPLOAD_BYTES,
        max_pixels=MAX_PIXELS,
        too_large=_("The image is larger than 10 MB."),
        too_many_pixels=_("The image has too many pixels."),
    )
