"""Files no URL serves: a folder outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT).

A private file is read only through a permission-checked view (an uploaded answer through
participants.views.answer_file; a nomination letter through the delegations pages);
nothing serves PRIVATE_MEDIA_ROOT, in development (MEDIA_URL) or production.
"""

import os

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
