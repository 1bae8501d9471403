"""The links walker: every demo role signs in with its own account and password and follows every
link of the admin index, of its starting page (the K2H sample cohort's occurrence page; a judge's
list of rounds) and of each page that page links to. Nothing a page shows may answer 403, 404 or
500, or bounce back to the admin index as "does not exist": a page offers only what its reader
may open (programs/roles.py)."""

import html
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from workshops.models import Occurrence

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

DEMO_PASSWORD = "exchange-portal-demo"
HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
SKIP_PREFIXES = ("/admin/logout/", "/static/", "/media/", "/accounts/logout/")


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())


def _links(page_html):
    found = []
    for raw in HREF.findall(page_html):
        url = html.unescape(raw)
        parts = urlsplit(url)
        if url.startswith(("#", "javascript:", "mailto:")) or parts.netloc not in ("", "testserver"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not parts.path.startswith("/"):
            continue  # relative links (sorting headers write "?o=1") are resolved by _absolute
        if not path.startswith(SKIP_PREFIXES):
            found.append(path)
    return found


def _absolute(base, page_html):
    """Links of a page, with query-only links ("?o=2", changelist sorting) made absolute."""
    base_path = urlsplit(base).path
    extra = [base_path + html.unescape(raw) for raw in HREF.findall(page_html) if raw.startswith("?")]
    return _links(page_html) + extra


def _sign_in(client, email):
    response = client.post(
        "/admin/login/", {"username": email, "password": DEMO_PASSWORD, "next": "/admin/"}, follow=True
    )
    assert response.status_code == 200 and response.redirect_chain[-1][0] == "/admin/", email


def _open(client, url):
    response = client.get(url, follow=True)
    bounced = bool(response.redirect_chain) and response.redirect_chain[-1][0] == "/admin/" and url != "/admin/"
    return response, (response.status_code if not bounced else "bounced to the admin index")


def _walk(client, start):
    """GET every link of `start` and of the pages it links to; return {link: status} and the broken ones."""
    checked, broken = {}, []

    def check(link, source):
        if link not in checked:
            response, checked[link] = _open(client, link)
            if checked[link] != 200:
                broken.append((link, checked[link], source))
            return response
        return None

    response, status = _open(client, start)
    assert status == 200, start
    for link in _absolute(start, response.content.decode()):
        linked = check(link, start)
        if linked is not None and checked[link] == 200 and linked["Content-Type"].startswith("text/html"):
            for deeper in _absolute(link, linked.content.decode()):
                check(deeper, link)
    return checked, broken


ROLES = {
    "staff@example.org": "occurrence",
    "reviewer@example.org": "occurrence",
    "checkin@example.org": "occurrence",
    "judge@example.org": "rounds",
}


@pytest.mark.parametrize("email", list(ROLES))
def test_every_link_a_role_is_shown_opens(client, demo, email):
    _sign_in(client, email)
    k2h = Occurrence.objects.get(slug="sample-k2h-cohort")
    start = (
        reverse("admin:workshops_occurrence_change", args=[k2h.pk])
        if ROLES[email] == "occurrence"
        else reverse("admin:cohorts_speechround_changelist")
    )
    index_links = _links(client.get("/admin/").content.decode())
    index_status = {link: _open(client, link)[1] for link in index_links}

    checked, broken = _walk(client, start)

    assert {link: status for link, status in index_status.items() if status != 200} == {}
    assert broken == []
    # The walk saw the pages that matter for the role.
    expected = {
        "staff@example.org": [reverse("cohorts:checkin", args=[k2h.pk]), reverse("rosters:export_occurrence", args=[k2h.pk])],
        "reviewer@example.org": [f"{reverse('admin:participants_registration_changelist')}?occurrence__id__exact={k2h.pk}"],
        "checkin@example.org": [reverse("cohorts:checkin", args=[k2h.pk])],
        "judge@example.org": [],
    }[email]  # fmt: skip
    assert set(expected) <= set(checked)
    assert len(checked) >= 3
