"""Where nomination letters live: a folder outside MEDIA_ROOT, which has no URL at all.

A letter is read only through the permission-checked views (the focal point's page, the
staff overview); nothing serves PRIVATE_MEDIA_ROOT, in development (MEDIA_URL) or production.
"""

import uuid

from participants.storage import PrivateStorage, private_storage  # noqa: F401 - one home


def letter_upload_to(instance, filename):
    return f"nomination-letters/{uuid.uuid4().hex}/letter.pdf"
