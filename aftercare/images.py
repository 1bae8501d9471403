"""Photos as the page shows them: turned upright, EXIF (and any GPS position) dropped, resized."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

PAGE_SIZE = (1600, 1600)
THUMBNAIL_SIZE = (480, 480)
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 60_000_000


def _jpeg(image, size):
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def photo_files(upload):
    """(page image, thumbnail) as JPEG files from an uploaded image; ValidationError when it is none."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is larger than 15 MB."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image).convert("RGB")
            return _jpeg(image, PAGE_SIZE), _jpeg(image, THUMBNAIL_SIZE)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG, WebP or GIF).")) from exc
