"""Uploaded answers: their kind told by their first bytes (never by the name or the browser's
content type), their size, and how they are kept (participants.form_models.AnswerFile)."""

import zipfile

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .form_models import FILE_KINDS

DEFAULT_MAX_MB = 5
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def sniff(upload):
    """The kind of file `upload` is by its content ("pdf", "jpeg", "png", "docx"), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        return "docx" if "word/document.xml" in names else None
    return None


class FileAnswerField(forms.FileField):
    """A file of the question's kinds and at most its size; the kind is read from the content."""

    def __init__(self, *, question, **kwargs):
        self.kinds = [kind for kind in question.file_types if kind in FILE_KINDS] or list(FILE_KINDS)
        self.max_bytes = (question.max_file_mb or DEFAULT_MAX_MB) * 1024 * 1024
        kinds = ", ".join(str(FILE_KINDS[kind]) for kind in self.kinds)
        limits = _("%(kinds)s, at most %(size)s.") % {"kinds": kinds, "size": filesizeformat(self.max_bytes)}
        help_text = kwargs.pop("help_text", "")
        kwargs["help_text"] = f"{help_text} {limits}".strip()
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(CONTENT_TYPES[kind] for kind in self.kinds)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return upload
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("This file is %(size)s; the largest accepted is %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(self.max_bytes)},
                code="file_size",
            )
        kind = sniff(upload)
        if kind not in self.kinds:
            raise forms.ValidationError(
                _("This file is not one of the accepted kinds: %(kinds)s.")
                % {"kinds": ", ".join(str(FILE_KINDS[k]) for k in self.kinds)},
                code="file_type",
            )
        upload.sniffed_kind = kind
        return upload
