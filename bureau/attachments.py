"""What the Bureau accepts as an attachment: the file's own first bytes decide its type (the name's
extension must agree), never the type the browser declares; each file within the size limit."""

from django.conf import settings
from django.utils.translation import gettext as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, Hangul (HWP 5)
ZIP = b"PK\x03\x04"  # Office Open XML, HWPX
MAGIC = [
    (b"%PDF-", {"pdf"}, "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", {"png"}, "image/png"),
    (b"\xff\xd8\xff", {"jpg", "jpeg"}, "image/jpeg"),
    (ZIP, {"docx", "xlsx", "pptx", "hwpx"}, None),
    (OLE, {"doc", "xls", "ppt", "hwp"}, None),
]
ZIP_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "hwpx": "application/hwp+zip",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "hwp": "application/x-hwp",
}
ALLOWED = "PDF, PNG, JPEG, DOCX, XLSX, PPTX, HWP, HWPX, DOC, XLS, PPT, TXT"


class AttachmentError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _sniff(head, extension):
    for magic, extensions, content_type in MAGIC:
        if head.startswith(magic):
            return (content_type or ZIP_TYPES[extension]) if extension in extensions else None
    if extension == "txt" and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still text.
            if exc.start < len(head) - 3:
                return None
        return "text/plain"
    return None


def attachment_check(upload):
    """The content type the file really has; refuse with a clear message otherwise."""
    name = upload.name or ""
    limit = settings.BUREAU_ATTACHMENT_MAX_BYTES
    if upload.size == 0:
        raise AttachmentError(_("“%(name)s” is empty.") % {"name": name})
    if upload.size > limit:
        raise AttachmentError(
            _("“%(name)s” is larger than %(mb)s MB; please send a smaller file.")
            % {"name": name, "mb": limit // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    content_type = _sniff(head, _extension(name))
    if content_type is None:
        raise AttachmentError(
            _("“%(name)s” is not a file the Bureau accepts (%(allowed)s), or its content does not match its name.")
            % {"name": name, "allowed": ALLOWED}
        )
    return content_type


def attachments_check(uploads):
    uploads = list(uploads or [])
    if len(uploads) > settings.BUREAU_ATTACHMENT_MAX_FILES:
        raise AttachmentError(
            _("Attach at most %(count)s files at a time.") % {"count": settings.BUREAU_ATTACHMENT_MAX_FILES}
        )
    return [(upload, attachment_check(upload)) for upload in uploads]
