"""Bad input is never a 500: every page the demo's users can reach, with its URL, query string
and forms spoiled (NUL bytes, over-long values, impossible dates, huge and malformed ids).

The pages are found by following the links each user sees (anonymous visitor, official, program
staff, superuser), so a page added later is swept without touching this file.
"""

import io
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import Resolver404, resolve

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NUL = "\x00"
HUGE_ID = "99999999999999999999"
BAD_VALUES = [NUL, "x" * 5000, "2026-02-31", HUGE_ID, "'\"<>%"]
# Links never followed: they end the session, change the language for the rest of the walk,
# or delete (the admin's delete pages are only ever GET here, but the sweep posts forms).
SKIP = re.compile(r"/logout/|/i18n/|/delete/|/dev/mail/clear/|\.(png|ics|pdf|xlsx|csv)$")
PER_ROUTE = 1  # pages swept per URL pattern: each view reached once with real ids
MAX_PAGES = 150


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "fields": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in {"input", "textarea", "select"} and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind not in {"submit", "button", "file", "image"}:
                self._form["fields"][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _route(path):
    try:
        return resolve(path).route
    except Resolver404:
        return None


def _crawl(client):
    """The pages a user reaches from the home page and the admin index: (path, query, parsed page)."""
    queue, seen, per_route, pages = ["/", "/admin/", "/registrations/", "/profile/", "/bureau/"], set(), {}, []
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        parts = urlsplit(url)
        if url in seen or parts.netloc or SKIP.search(parts.path):
            continue
        seen.add(url)
        route = _route(parts.path)
        if route is None or per_route.get(route, 0) >= PER_ROUTE:
            continue
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} answered {response.status_code}"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        per_route[route] = per_route.get(route, 0) + 1
        page = _Page()
        page.feed(response.content.decode("utf-8", "replace"))
        pages.append((parts.path, parts.query, page))
        queue.extend(
            urljoin(url, link).split("#")[0] for link in page.links if not link.startswith(("mailto:", "tel:"))
        )
    return pages


def _spoiled_paths(path):
    """The path with each id or slug segment replaced by a huge id, a NUL byte and an over-long value."""
    segments = path.strip("/").split("/")
    for index, segment in enumerate(segments):
        if segment.isdigit() or (index and re.fullmatch(r"[\w-]+", segment) and _route(path) != _route("/")):
            for bad in (HUGE_ID, "%00", "a" * 400):
                candidate = "/" + "/".join([*segments[:index], bad, *segments[index + 1 :]]) + "/"
                if _route(candidate.replace("%00", NUL)) is not None:
                    yield candidate


def _sweep(client):
    failures = []

    def check(method, url, **kwargs):
        response = getattr(client, method)(url, **kwargs)
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url} {kwargs.get('data', '')!r:.120} -> {response.status_code}")

    pages = _crawl(client)
    assert len(pages) > 3
    for path, query, page in pages:
        for bad in BAD_VALUES:
            params = dict(parse_qsl(query)) or {}
            for name in {*params, "q", "page", "day"}:
                check("get", f"{path}?{urlencode({**params, name: bad})}")
        for spoiled in _spoiled_paths(path):
            check("get", spoiled)
        for form in page.forms:
            action = urljoin(path, form["action"] or path)
            if SKIP.search(urlsplit(action).path):
                continue
            for bad in (NUL, "x" * 5000):
                data = {name: bad if name != "csrfmiddlewaretoken" else value for name, value in form["fields"].items()}
                check(form["method"] if form["method"] in {"get", "post"} else "get", action, data=data)
    return failures


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


@pytest.mark.timeout(900)
@pytest.mark.parametrize("email", [None, "official@example.org", "staff@example.org", "admin@example.org"])
def test_no_spoiled_url_query_or_form_answers_500(demo, client, email):
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    client.raise_request_exception = False
    failures = _sweep(client)
    assert not failures, f"{len(failures)} answers were 500:\n" + "\n".join(failures)
