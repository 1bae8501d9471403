"""The registration forms' questions kept in the default cache (Redis in production, shared by every
web process), so the registration page builds its questionnaire without the four queries (the form,
its sections, questions and choices) and their ORM work.

Everything kept carries the *forms version*: one token in the cache, replaced whenever staff save
or delete a registration form, a section, a question or a choice (participants.receivers), at once
and again once the transaction commits, as workshops.public_cache does for public pages: a reader
that read the old rows under the first new token is never read again. What is kept are model
instances, whose translated fields hold every language; the rendered questions (register.html's
{% cache %}) add the language and what else they are drawn from to their key (`questions_key`).

A cache that lost the token, or a Redis that cannot be reached, only means the rows are read again.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from exchange_portal.cache_tokens import version_changed, version_token

VERSION_KEY = "registration-forms:version"


def forms_version():
    """The current token of the registration forms."""
    return version_token(VERSION_KEY)


def forms_changed():
    """Make every kept questionnaire unreachable: now, and again once the transaction commits."""
    version_changed(VERSION_KEY, "the registration forms")


def _sections_key(occurrence, category):
    return f"registration-forms:sections:{occurrence.pk}:{occurrence.program_id}:{category.pk if category else '-'}"


def cached_form_sections(occurrence, category, build):
    """(version, build(occurrence, category)) from the cache while the forms version is the one it was
    built under; else built now (`build` reads the rows) and kept."""
    key = _sections_key(occurrence, category)
    # One round trip: the version is read before the rows, so rows read under a version that a
    # concurrent edit replaces are stored under that old version and never served.
    found = cache.get_many([VERSION_KEY, key])
    version, stored = found.get(VERSION_KEY), found.get(key)
    if version is not None and stored is not None and stored[0] == version:
        return version, stored[1]
    version = version or forms_version()
    sections = build(occurrence, category)
    cache.set(key, (version, sections), timeout=settings.PUBLIC_CACHE_SECONDS)
    return version, sections


def questions_key(*, version, occurrence, category, program_languages):
    """The key of the questions as drawn unfilled: the forms version, the language, and what of the
    occurrence the fields are built from (a date question is required once the occurrence has a
    start date; a language question offers the program's languages)."""
    parts = [
        version,
        translation.get_language(),
        occurrence.pk,
        category.pk if category else "-",
        occurrence.start_date.isoformat() if occurrence.start_date else "-",
        ",".join(program_languages or []),
    ]
    return hashlib.md5(":".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
