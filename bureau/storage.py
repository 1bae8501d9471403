"""Attachments live under PRIVATE_MEDIA_ROOT, which no URL serves: only the permission-checked
download view reads them (the requesting organization's members and Bureau staff)."""

import uuid

from delegations.storage import PrivateStorage


def private_storage():
    return PrivateStorage()


def attachment_upload_to(instance, filename):
    return f"bureau/{uuid.uuid4().hex}/file"
