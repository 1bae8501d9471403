"""Cached public pages (home, program, occurrence) and fragments, and their invalidation.

Anonymous visitors get the whole page from the cache (`cached_page`, only the CSRF token of the
language form is put in per response); signed-in visitors get the page rendered around cached
fragments ({% cache %} in the templates), so their name and registration are never cached.
Pages whose content changes with time alone (registration opening or closing) live only until
the next such moment.

Every fragment key carries the *public version*: one token in the default cache (Redis in
production, shared by every web process), replaced whenever a row the public pages show is saved
or deleted: any model of `programs` (programs, organizations, cost shares) or `workshops`
(occurrences with their seat counters, quotas, agenda, delegations, recorded participation) and
their many-to-many links. Seats change only through `participants.services`, which saves the
occurrence and quota counters, so a registration taking or freeing a seat replaces the token too.
Keys also carry the language, so one language's fragment is never served in another.

The token is replaced at once and again after the transaction commits (exchange_portal.cache_tokens).
"""

import re
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from exchange_portal.cache_tokens import key_digest, version_changed, version_token

VERSION_KEY = "public-pages:version"
WATCHED_APPS = ("programs", "workshops")


def public_version():
    """The current token of the public pages."""
    return version_token(VERSION_KEY)


def public_pages_changed():
    """Make every cached public fragment unreachable: now, and again once the transaction commits."""
    version_changed(VERSION_KEY, "the public pages")


def kept_seconds(until, version):
    """Seconds a fragment or page may live: PUBLIC_CACHE_SECONDS, and not past the moment `until`
    returns (computed once per version and cached under it), when its content changes by time alone."""
    seconds = settings.PUBLIC_CACHE_SECONDS
    if until is None:
        return seconds
    now = timezone.now()
    moment = cache.get(_moment_key(until, version))
    if moment is None or (moment != "never" and moment <= now):
        moment = until() or "never"
        cache.set(_moment_key(until, version), moment, timeout=seconds)
    if moment == "never":
        return seconds
    return max(1, min(seconds, int((moment - now).total_seconds())))


def _moment_key(until, version):
    return f"public-pages:{until.__name__}:{version}"


def remembered(name, compute, *, timeout=3600):
    """compute() remembered under the public version: one cache entry per `name` (which names what
    it depends on, such as the occurrence and the language), so a page that asks again costs no
    query until a change of what the public pages show replaces the version. The value must not
    be None (None is how the cache says it has nothing)."""
    key = f"public-pages:remembered:{public_version()}:{key_digest(name)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value


def fragment_context(*, until=None):
    """What the templates' {% cache %} tags need: the version to vary on and the timeout."""
    version = public_version()
    return {"seconds": kept_seconds(until, version), "version": version}


CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
CSRF_MARK = "\x00csrf-token\x00"


def page_to_keep(response):
    """The rendered page as kept: each form's CSRF token replaced by a mark, so no token is kept."""
    return CSRF_INPUT.sub(lambda match: f"{match.group(1)}{CSRF_MARK}{match.group(2)}", response.content.decode())


def kept_page_response(page, request):
    """A kept page for this visitor: a fresh CSRF token in place of each mark."""
    return HttpResponse(page.replace(CSRF_MARK, get_token(request)))


def _page_cacheable(request):
    """Whole pages are cached only for visitors the page says nothing about: anonymous, without a
    session or flash messages, asking at most for a page number."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
        and set(request.GET) <= {"page"}
        and all(value.isdigit() and len(value) < 7 for value in request.GET.values())
    )


def cached_page(*, until=None):
    """Serve an anonymous visitor's page whole from the cache, by language and path, while the
    public version it was rendered under is current. The one per-visitor part, the CSRF token of
    the language form, is put in afresh for each response; signed-in visitors get the page
    rendered (with its cached fragments)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _page_cacheable(request):
                return view(request, *args, **kwargs)
            # One round trip: the page is stored with the version it was rendered under, and
            # served only while that is still the current version.
            where = key_digest(request.get_full_path())
            # The date too: "coming up" and the like are relative to today.
            key = f"public-pages:page:{timezone.localdate().isoformat()}:{translation.get_language()}:{where}"
            found = cache.get_many([VERSION_KEY, key])
            version, stored = found.get(VERSION_KEY), found.get(key)
            if version is not None and stored is not None and stored[0] == version:
                return kept_page_response(stored[1], request)
            version = version or public_version()
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (version, page_to_keep(response)), timeout=kept_seconds(until, version))
            return response

        return wrapper

    return decorator


def next_registration_change():
    """When some occurrence's registration next opens or closes: the home page lists those open."""
    from .selectors import next_registration_change

    return next_registration_change()


# Apps above workshops whose rows change an occurrence page by time alone (applications: a call
# for applications by organizations opening or closing) add a function giving their next such
# moment, or None.
OCCURRENCE_PAGE_MOMENTS = []


def next_occurrence_page_change():
    """When some occurrence page next changes by time alone: a registration, or what an app added,
    opening or closing."""
    moments = [next_registration_change(), *(moment() for moment in OCCURRENCE_PAGE_MOMENTS)]
    moments = [moment for moment in moments if moment is not None]
    return min(moments) if moments else None


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
