"""What the Bureau accepts as an attachment: the file's own first bytes decide its type (the name's
extension must agree), never the type the browser declares; each file within the size limit."""

from django.conf import settings
from django.utils.translation import gettext as _

from formats.file_kinds import upload_content_type

ALLOWED = "PDF, PNG, JPEG, DOCX, XLSX, PPTX, HWP, HWPX, DOC, XLS, PPT, ODT, ODP, TXT"


class AttachmentError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


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
    content_type = upload_content_type(upload)
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
