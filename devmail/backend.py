"""The development email backend: each message becomes one .eml file in DEV_MAIL_DIR.

Used when DEBUG is on and EMAIL_URL is unset (settings). Files rather than memory, so the
web server, a Celery worker and `manage.py` commands all write to the one mailbox that
/dev/mail/ shows. Each message is also announced on the console in one line, subject decoded.
"""

import sys
import threading
import time
import uuid

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

from .mailbox import mailbox_dir, message_url


class MailboxBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.Lock()

    def send_messages(self, email_messages):
        folder = mailbox_dir()
        folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            message_id = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
            data = message.message().as_bytes(linesep="\n")
            # Written under a temporary name and renamed, so the page never reads half a message.
            partial = folder / f".{message_id}.part"
            partial.write_bytes(data)
            partial.rename(folder / f"{message_id}.eml")
            with self._lock:
                self.stream.write(
                    f"Email to {', '.join(message.recipients())}: {message.subject} -> "
                    f"{settings.SITE_URL.rstrip('/')}{message_url(message_id)}\n"
                )
                self.stream.flush()
            sent += 1
        return sent
