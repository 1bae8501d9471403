"""Attachments live in the project's private storage (jobs/storage.py), which no URL serves: only
the permission-checked download view reads them (the requesting organization's members and
Bureau staff)."""

import uuid

from jobs import storage


def private_storage():
    # Migration 0003 names this function; the storage itself is the project's one private storage.
    return storage.private_storage()


def attachment_upload_to(instance, filename):
    return f"bureau/{uuid.uuid4().hex}/file"
