"""The private storage in an S3-compatible object storage (settings.STORAGES["private"] when
STORAGE_S3_BUCKET is set): the same rules as the local PrivateStorage, for more than one machine.

Its files have no public URL: `url()` names the checking view, as on local disk. After the check,
`private_file_response` streams the object through the web process, or (PRIVATE_MEDIA_S3_REDIRECT)
redirects to `signed_url`, a link that works for a minute and for that one file only.
"""

from django.conf import settings
from django.urls import reverse
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return reverse("private_file", kwargs={"name": name})

    def signed_url(self, name, *, disposition, content_type):
        return super().url(
            name,
            parameters={"ResponseContentDisposition": disposition, "ResponseContentType": content_type},
            expire=settings.PRIVATE_MEDIA_S3_REDIRECT_SECONDS,
        )
