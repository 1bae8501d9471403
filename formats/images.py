"""Uploaded images as pages show them: turned upright, EXIF (and any GPS position) dropped, resized
to JPEGs (the photos of aftercare, the exhibits of exhibitions)."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError


def _jpeg(image, size, name):
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def upright_jpegs(upload, sizes, *, name, max_bytes, max_pixels, too_large, too_many_pixels):
    """A JPEG file of `upload` fitted into each of `sizes`; ValidationError (`too_large`,
    `too_many_pixels`, or "not an image") when it cannot be one, checked before it is decoded."""
    if upload.size and upload.size > max_bytes:
        raise ValidationError(too_large)
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.width * probe.height > max_pixels:
                raise ValidationError(too_many_pixels)
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
            return tuple(_jpeg(upright, size, name) for size in sizes)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("This file is not an image we can read (JPEG, PNG, WebP or GIF).")) from exc
