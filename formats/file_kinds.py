"""What kind of document a file is, told by its own first bytes (the name's extension must agree),
never by the type a browser declares. The Online Bureau's attachments and the materials speakers
upload use it."""

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, PowerPoint 97-2003, Hangul (HWP 5)
ZIP = b"PK\x03\x04"  # Office Open XML, HWPX, OpenDocument
MAGIC = [
    (b"%PDF-", {"pdf"}, "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", {"png"}, "image/png"),
    (b"\xff\xd8\xff", {"jpg", "jpeg"}, "image/jpeg"),
    (ZIP, {"docx", "xlsx", "pptx", "hwpx", "odt", "odp"}, None),
    (OLE, {"doc", "xls", "ppt", "hwp"}, None),
]
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "hwpx": "application/hwp+zip",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "hwp": "application/x-hwp",
}
HEAD_BYTES = 2048


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if name and "." in name else ""


def content_type_of(head, extension):
    """The content type of a file starting with `head` and named *.`extension`, or None when its
    content is not a kind listed here or does not agree with its name."""
    for magic, extensions, content_type in MAGIC:
        if head.startswith(magic):
            return (content_type or CONTENT_TYPES[extension]) if extension in extensions else None
    if extension == "txt" and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still text.
            if exc.start < len(head) - 3:
                return None
        return "text/plain"
    return None


def upload_content_type(upload):
    """content_type_of() for an uploaded file, reading its first bytes and rewinding it."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return content_type_of(head, extension_of(upload.name or ""))
