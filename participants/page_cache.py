"""The registration page kept whole per official, for the reloads of an opening rush.

When registration opens, officials load the form again and again (waiting for the hour, coming
back to it). The page an official is shown depends on these, each with a token in the default
cache (Redis in production, shared by every web process):

- the public version (workshops.public_cache): the occurrence, its program, seats and quotas;
- the forms version (participants.form_cache): the questions;
- the categories version: a participant category saved (its seats recounted) or deleted;
- the account's token (accounts.backends, which keeps the signed-in account under it): the
  account saved or deleted;
- the official's own token: their profile or registrations saved or deleted, or the rows written
  in bulk for them (`official_changed`, `all_officials_changed`).

A page is served from the cache only while all these tokens are those it was drawn under, and
for the same language, occurrence, chosen category, day and menu (what the session says the
account acts for). It lives no longer than REGISTER_PAGE_CACHE_SECONDS, nor past the next moment
some registration opens or closes. Only plain GETs of signed-in officials are kept: not staff
(their menu depends on permissions), not a page with a message to show. The CSRF tokens of the
page's forms are put in afresh for each response, as for the cached anonymous pages.

A cache that lost a token, or a Redis that cannot be reached, only means the page is drawn again.
"""

import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from accounts.backends import account_token_key
from exchange_portal.cache_tokens import key_digest, version_changed, version_token
from workshops.public_cache import VERSION_KEY as PUBLIC_VERSION_KEY
from workshops.public_cache import kept_page_response, kept_seconds, next_registration_change, page_to_keep

from .form_cache import VERSION_KEY as FORMS_VERSION_KEY

logger = logging.getLogger(__name__)

CATEGORIES_VERSION_KEY = "register-pages:categories"
# Replaced when rows are written in bulk for officials not known one by one (a delegate import).
ALL_OFFICIALS_VERSION_KEY = "register-pages:officials"


def _official_key(user_id):
    return f"register-pages:official:{user_id}"


def official_changed(user_id):
    """The official's kept registration pages are drawn again: now and once the transaction commits."""
    if user_id is not None:
        version_changed(_official_key(user_id), "an official's registration pages")


def all_officials_changed():
    version_changed(ALL_OFFICIALS_VERSION_KEY, "the officials' registration pages")


def categories_changed():
    version_changed(CATEGORIES_VERSION_KEY, "the registration pages' categories")


def _cacheable(request):
    user = request.user
    return (
        request.method == "GET"
        and user.is_authenticated
        and not user.is_staff
        and "messages" not in request.COOKIES
        and not request.session.get("_messages")
        and set(request.GET) <= {"category"}
        and all(value.isdigit() and len(value) < 10 for value in request.GET.values())
    )


def _page_key(request, slug):
    session = request.session
    menu = f"{int(bool(session.get('acts_for_organization')))}{int(bool(session.get('is_focal_point')))}"
    what = ":".join(
        [
            str(request.user.pk),
            slug,
            translation.get_language(),
            request.GET.get("category", "-"),
            timezone.localdate().isoformat(),
            menu,
        ]
    )
    # The slug and the category come from the address, so their length is the visitor's choice.
    return f"register-pages:page:{key_digest(what)}"


def kept_per_official(view):
    """Serve the registration page (view(request, slug)) from the cache as described above."""

    @wraps(view)
    def wrapper(request, slug):
        if not _cacheable(request):
            return view(request, slug)
        token_keys = [
            PUBLIC_VERSION_KEY,
            FORMS_VERSION_KEY,
            CATEGORIES_VERSION_KEY,
            ALL_OFFICIALS_VERSION_KEY,
            account_token_key(request.user.pk),
            _official_key(request.user.pk),
        ]
        page_key = _page_key(request, slug)
        # One round trip: the tokens are read before the page is drawn, so a page drawn from rows a
        # concurrent write replaces is stored under the old tokens and never served.
        try:
            found = cache.get_many([*token_keys, page_key])
        except Exception:
            logger.exception("Could not read the kept registration page")
            return view(request, slug)
        tokens = [found.get(key) for key in token_keys]
        stored = found.get(page_key)
        if None not in tokens and stored is not None and stored[0] == tokens:
            return kept_page_response(stored[1], request)
        tokens = [token or version_token(key) for token, key in zip(tokens, token_keys, strict=True)]
        response = view(request, slug)
        if response.status_code == 200 and not response.streaming:
            # Not past the next registration change, as known under the public version read above (the first token).
            seconds = min(settings.REGISTER_PAGE_CACHE_SECONDS, kept_seconds(next_registration_change, tokens[0]))
            cache.set(page_key, (tokens, page_to_keep(response)), timeout=seconds)
        return response

    return wrapper
