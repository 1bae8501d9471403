"""Where nomination letters live: a folder outside MEDIA_ROOT, which has no URL at all.

A letter is read only through the permission-checked views (the focal point's page, the
staff overview); nothing serves PRIVATE_MEDIA_ROOT, in development (MEDIA_URL) or production.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a permission-checked view.")


def private_storage():
    return PrivateStorage()


def letter_upload_to(instance, filename):
    return f"nomination-letters/{uuid.uuid4().hex}/letter.pdf"
