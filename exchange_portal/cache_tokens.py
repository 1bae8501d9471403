"""Version tokens in the default cache: what is kept under a token is served only while the token
stands, and replacing the token drops all of it at once, in every process.

The token is replaced at once (so the writer's next page, and a test, see the change) and again
after the transaction commits: a reader that kept the old rows under the first new token, while
the write was still uncommitted, is never read again. Public pages (workshops.public_cache), the
registration forms and pages (participants.form_cache, participants.page_cache) and the signed-in
account (accounts.backends) keep what they draw under such tokens.

`key_digest` makes a short key part of what a visitor chose (an address, a query string), so no key
grows with it.
"""

import hashlib
import logging
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)


def key_digest(text):
    """A fixed-length key part for `text`, whatever its length or characters."""
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def version_token(key):
    """The current token under `key`; created on first use (or after the cache lost it)."""
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(key, version, timeout=None):
            version = cache.get(key) or version
    return version


def version_changed(key, what):
    """Make everything kept under the token `key` unreachable: now, and again once the transaction
    commits. `what` names the cached things in the log when the cache is down."""
    _replace_version(key, what)
    transaction.on_commit(lambda: _replace_version(key, what))


def _replace_version(key, what):
    try:
        cache.set(key, uuid.uuid4().hex, timeout=None)
    except Exception:
        # A write must not fail because the cache is down; what was kept then expires by its timeout.
        logger.exception("Could not replace the cache version of %s", what)
