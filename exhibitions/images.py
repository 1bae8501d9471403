"""An exhibit's image as the pages show it: upright, without EXIF (or a GPS position), resized to a
display size and a thumbnail for the exhibition's list."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

DISPLAY_SIZE = (1200, 1200)
THUMBNAIL_SIZE = (400, 300)
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000


def _as_jpeg(image, size):
    resized = image.copy()
    resized.thumbnail(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    resized.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name="exhibit.jpg")


def exhibit_image_files(upload):
    """(display image, thumbnail) as JPEG files; ValidationError with a clear message otherwise."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The image is larger than 10 MB."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
            return _as_jpeg(upright, DISPLAY_SIZE), _as_jpeg(upright, THUMBNAIL_SIZE)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG, WebP or GIF).")) from exc
