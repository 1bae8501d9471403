"""Cached fragments of the public pages (home, program, occurrence) and their invalidation.

Every fragment key carries the *public version*: one token in the default cache (Redis in
production, shared by every web process), replaced whenever a row the public pages show is saved
or deleted: any model of `programs` (programs, organizations, cost shares) or `workshops`
(occurrences with their seat counters, quotas, agenda, delegations, recorded participation) and
their many-to-many links. Seats change only through `participants.services`, which saves the
occurrence and quota counters, so a registration taking or freeing a seat replaces the token too.
Keys also carry the language, so one language's fragment is never served in another.

The token is replaced at once (so the writer's next page, and a test, see the change) and again
after the transaction commits: a reader that cached the old rows under the first new token, while
the write was still uncommitted, is never read again.
"""

import logging
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

logger = logging.getLogger(__name__)

VERSION_KEY = "public-pages:version"
WATCHED_APPS = ("programs", "workshops")


def public_version():
    """The current token; created on first use (or after the cache lost it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def public_pages_changed():
    """Make every cached public fragment unreachable: now, and again once the transaction commits."""
    _replace_version()
    transaction.on_commit(_replace_version)


def _replace_version():
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        # A write must not fail because the cache is down; fragments then expire by their timeout.
        logger.exception("Could not replace the public pages' cache version")


def fragment_context(*, until=None):
    """What the templates' {% cache %} tags need: the version to vary on and the timeout.

    `until`, if given, returns the moment (or None) at which the fragment's content changes with time
    alone; it is computed once per version and cached under it."""
    version = public_version()
    seconds = settings.PUBLIC_CACHE_SECONDS
    if until is not None:
        key = f"public-pages:{until.__name__}:{version}"
        now = timezone.now()
        moment = cache.get(key)
        if moment is None or (moment != "never" and moment <= now):
            moment = until() or "never"
            cache.set(key, moment, timeout=seconds)
        if moment != "never":
            seconds = max(1, min(seconds, int((moment - now).total_seconds())))
    return {"seconds": seconds, "version": version}


def next_registration_change():
    """When some occurrence's registration next opens or closes: the home page lists those open."""
    from .selectors import next_registration_change

    return next_registration_change()


def _on_change(sender, raw=False, **kwargs):
    if raw:  # fixtures being loaded
        return
    public_pages_changed()


def _on_m2m_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        public_pages_changed()


def connect_signals():
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue  # simple_history's copies: the row itself is saved alongside
            post_save.connect(_on_change, sender=model, dispatch_uid=f"public-pages-save-{model._meta.label}")
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"public-pages-delete-{model._meta.label}")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    _on_m2m_change,
                    sender=field.remote_field.through,
                    dispatch_uid=f"public-pages-m2m-{model._meta.label}-{field.name}",
                )
