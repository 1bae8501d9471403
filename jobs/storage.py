"""Private files: every stored document (certificates, letters, exports, reports, nomination
letters, agreement documents) lives in the storage named "private" (settings.STORAGES), which no
URL serves, in development or production.

A private file's URL points at one view (`jobs.views.private_file`) that asks the app owning the
file whether the person asking may read it (`register_reader`); apps with their own download
pages use `private_file_response` the same way. With PRIVATE_MEDIA_ACCEL_REDIRECT set (a path
that nginx maps, `internal`, onto PRIVATE_MEDIA_ROOT) the view only checks and nginx sends the
bytes. With STORAGE_S3_BUCKET the storage is jobs.storage_s3.PrivateS3Storage in object storage:
the view streams the object, or redirects to a one-minute signed link (PRIVATE_MEDIA_S3_REDIRECT).
"""

import logging
import mimetypes
import os
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse


class PrivateStorage(FileSystemStorage):
    """Local files under PRIVATE_MEDIA_ROOT (read at each use, so tests and settings can move it)."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        return reverse("private_file", kwargs={"name": name})


def private_storage():
    """The FileField `storage` of every private document (a callable: migrations name it, and the
    backend stays a setting)."""
    return storages["private"]


class _KeptOnCommit:
    """The on_commit hook of a file written inside a transaction. Django runs it on commit (the file
    stays) and, on a rollback, drops it from the connection's hooks without running it: being
    dropped, never run, deletes the file, which no row names any more. Django has no rollback hook;
    CPython frees the dropped hook at once, so the file goes as the rollback happens."""

    def __init__(self, storage, name):
        self.storage, self.name, self.committed = storage, name, False

    def __call__(self):
        self.committed = True

    def __del__(self):
        if not self.committed:
            try:
                self.storage.delete(self.name)
            except Exception:  # a finalizer must not raise; the file is only left over
                logging.getLogger(__name__).exception("Could not delete %s after a rollback", self.name)


def delete_on_rollback(storage, name):
    """Delete the file `name`, just written to `storage`, if the current transaction rolls back
    (a refusal or a race after the upload): no file stays that no row names."""
    transaction.on_commit(_KeptOnCommit(storage, name))


_READERS = []


def register_reader(prefix, may_read):
    """`may_read(user, name)` says whether `user` may read the private file `name` (under `prefix`)."""
    _READERS.append((prefix, may_read))


def may_read(user, name):
    if not user.is_authenticated or ".." in name.split("/"):
        return False
    return any(name.startswith(prefix) and rule(user, name) for prefix, rule in _READERS)


def private_file_response(name, *, filename, content_type=None):
    """The private file `name` as an attachment, never kept by a shared cache; nginx sends the
    bytes when PRIVATE_MEDIA_ACCEL_REDIRECT is set. The caller has checked who asks."""
    storage = private_storage()
    if not name or not storage.exists(name):
        raise Http404
    accel = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
    if settings.PRIVATE_MEDIA_S3_REDIRECT and hasattr(storage, "signed_url"):
        # Object storage: the check is done; the browser fetches the bytes by a one-minute link.
        response = HttpResponseRedirect(
            storage.signed_url(
                name,
                disposition=f"attachment; filename*=UTF-8''{quote(filename)}",
                content_type=content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream",
            )
        )
    elif accel:
        response = HttpResponse(content_type=content_type or "application/octet-stream")
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(name)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    else:
        response = FileResponse(
            storage.open(name, "rb"), as_attachment=True, filename=filename, content_type=content_type
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def move_to_private(model, field_name):
    """Data migrations: move a model's files from the public MEDIA_ROOT into the private storage,
    keeping their names. A file already moved or gone is skipped, so a re-run is harmless."""
    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    private = PrivateStorage()
    moved = 0
    for name in model.objects.exclude(**{field_name: ""}).values_list(field_name, flat=True).iterator():
        if not name or not public.exists(name) or private.exists(name):
            continue
        with public.open(name, "rb") as source:
            saved = private.save(name, source)
        if saved != name:  # never expected (checked above), but a renamed copy would be unreachable
            private.delete(saved)
            continue
        public.delete(name)
        moved += 1
    return moved
