"""Where nomination letters live: the project's private storage (jobs/storage.py), which has no
public URL. A letter is read only through the permission-checked views (the focal point's page,
the staff overview)."""

import uuid

from jobs import storage


def private_storage():
    # Migration 0001 names this function; the storage itself is the project's one private storage.
    return storage.private_storage()


def letter_upload_to(instance, filename):
    return f"nomination-letters/{uuid.uuid4().hex}/letter.pdf"
