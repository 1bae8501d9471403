"""Cached public pages (workshops/public_cache.py): every edit of what a page shows, and every seat
taken or freed, is on the next page; one language's cached page is never served in another; a
cached page costs a bounded number of queries."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participants.services import registration_submit, registration_withdraw
from tests.factories import (
    AgendaItemFactory,
    CountryQuotaFactory,
    OccurrenceFactory,
    OrganizationFactory,
    ParticipantFactory,
    ProgramFactory,
    UserFactory,
)
from workshops import public_cache

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

LANGUAGES = ("ko", "en", "zh-hans", "zh-hant", "ja")


@pytest.fixture
def occurrence():
    program = ProgramFactory(slug="cjk", name_en="CJK workshop", name_ko="한일중 워크숍")
    occurrence = OccurrenceFactory(program=program, slug="cjk-9", title_en="Ninth CJK", capacity=5, details_en="Old")
    occurrence.hosts.add(OrganizationFactory(name_en="Host Province"))
    AgendaItemFactory(occurrence=occurrence, title_en="Opening lecture")
    return occurrence


def _page(client, url, language="en"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    # The CSRF token of the language form is masked afresh on every response.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


PAGES = {
    "home": lambda o: reverse("home"),
    "program": lambda o: reverse("workshops:program_detail", kwargs={"slug": o.program.slug}),
    "occurrence": lambda o: reverse("workshops:occurrence_detail", kwargs={"slug": o.slug}),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_second_anonymous_visit_is_served_whole_from_the_cache(client, occurrence, page, django_assert_num_queries):
    url = PAGES[page](occurrence)
    first = _page(client, url)
    with django_assert_num_queries(0):
        assert _page(client, url) == first


@pytest.mark.parametrize("page", list(PAGES))
def test_signed_in_visit_uses_the_cached_fragments(client, occurrence, page, django_assert_max_num_queries):
    url = PAGES[page](occurrence)
    _page(client, url)
    user = UserFactory()
    client.force_login(user)
    _page(client, url)
    # The user; program: the program row; occurrence: its row and the user's registration.
    with django_assert_max_num_queries(3):
        page_html = _page(client, url)
    assert user.email in page_html  # never the anonymous page


def test_cached_page_carries_a_working_csrf_token():
    client = Client(enforce_csrf_checks=True)
    OccurrenceFactory(slug="csrf")
    url = reverse("workshops:occurrence_detail", kwargs={"slug": "csrf"})
    client.get(url)
    html = client.get(url).content.decode()  # served from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(reverse("set_language"), {"language": "ja", "next": url, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert '<html lang="ja">' in client.get(url).content.decode()


def test_flash_messages_are_never_served_from_or_into_the_cache(client, occurrence):
    url = PAGES["occurrence"](occurrence)  # rendered, it reads the occurrence row at least
    _page(client, url)
    client.cookies["messages"] = "anything"
    with CaptureQueriesContext(connection) as queries:
        _page(client, url)
    assert queries.captured_queries  # rendered, not the cached page


# occurrence: 12 with one look each, then cached per public version, of aftercare (materials and
# photos), applications (a call for organizations) and exhibitions (published ones), and when a
# call next opens or closes beside when a registration does (how long the page may be cached).
@pytest.mark.parametrize("page,limit", [("home", 5), ("program", 5), ("occurrence", 12)])
def test_uncached_page_query_count(client, occurrence, page, limit, django_assert_max_num_queries):
    with django_assert_max_num_queries(limit):
        _page(client, PAGES[page](occurrence))


def test_editing_the_occurrence_shows_at_once(client, occurrence):
    urls = [PAGES[name](occurrence) for name in PAGES]
    for url in urls:
        assert "Ninth CJK" in _page(client, url)
    occurrence.title_en = "Ninth CJK, renamed"
    occurrence.details_en = "New details"
    occurrence.save()
    for url in urls:
        assert "Ninth CJK, renamed" in _page(client, url)
    assert "New details" in _page(client, PAGES["occurrence"](occurrence))


def test_editing_the_program_shows_at_once(client, occurrence):
    for name in PAGES:
        assert "CJK workshop" in _page(client, PAGES[name](occurrence))
    occurrence.program.name_en = "Trilateral workshop"
    occurrence.program.save()
    for name in PAGES:
        page = _page(client, PAGES[name](occurrence))
        assert "Trilateral workshop" in page and "CJK workshop" not in page


def test_editing_the_agenda_shows_at_once(client, occurrence):
    url = PAGES["occurrence"](occurrence)
    assert "Opening lecture" in _page(client, url)
    item = occurrence.agenda_items.get()
    item.title_en = "Keynote"
    item.save()
    assert "Keynote" in _page(client, url)
    item.delete()
    assert "Keynote" not in _page(client, url)


def test_editing_an_organization_shows_at_once(client, occurrence):
    url = PAGES["occurrence"](occurrence)
    assert "Host Province" in _page(client, url)
    host = occurrence.hosts.get()
    host.name_en = "Host Metropolitan City"
    host.save()
    assert "Host Metropolitan City" in _page(client, url)
    occurrence.hosts.remove(host)  # a many-to-many change too
    assert "Host Metropolitan City" not in _page(client, url)


def test_a_seat_taken_or_freed_shows_at_once(client, occurrence):
    quota = CountryQuotaFactory(occurrence=occurrence, country="KR", seats=3)
    url = PAGES["occurrence"](occurrence)
    page = _page(client, url)
    assert "5 of 5" in page and "3 of 3" in page
    registration = registration_submit(
        participant=ParticipantFactory(country="KR"), occurrence=occurrence, consent=True
    )
    page = _page(client, url)
    assert "4 of 5" in page and "2 of 3" in page
    registration_withdraw(registration=registration)
    page = _page(client, url)
    assert "5 of 5" in page and "3 of 3" in page
    quota.refresh_from_db()
    assert quota.seats_taken == 0


def test_the_change_is_announced_again_after_commit(occurrence, django_capture_on_commit_callbacks):
    """A reader that cached the old rows while the write was uncommitted must not be read again."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        occurrence.save()
        during = public_cache.public_version()
    for callback in callbacks:
        callback()
    assert public_cache.public_version() != during


def test_pages_are_cached_per_language(client, occurrence):
    for name in PAGES:
        url = PAGES[name](occurrence)
        pages = {language: _page(client, url, language) for language in LANGUAGES}
        assert len(set(pages.values())) == len(LANGUAGES), name  # nothing served across languages
        for language, page in pages.items():
            assert f'<html lang="{language}">' in page.lower()  # zh-Hans as BCP 47 writes it
            assert _page(client, url, language) == page  # and the cached copy is that language's
        assert "한일중 워크숍" in pages["ko"] and "한일중 워크숍" not in pages["en"]


def test_switching_language_never_serves_the_other_language(client, occurrence):
    url = PAGES["program"](occurrence)
    assert "CJK workshop" in _page(client, url, "en")
    response = client.post(reverse("set_language"), {"language": "ko", "next": url})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert '<html lang="ko">' in page and "한일중 워크숍" in page


def test_home_fragment_expires_when_a_registration_opens(client, occurrence, settings):
    later = OccurrenceFactory(
        title_en="Opens soon",
        registration_opens_at=timezone.now() + datetime.timedelta(seconds=90),
        registration_closes_at=timezone.now() + datetime.timedelta(days=9),
    )
    context = public_cache.fragment_context(until=public_cache.next_registration_change)
    assert 1 <= context["seconds"] <= 90
    assert later.registration_opens_at > timezone.now()


def test_cache_lost_version_is_recreated(client, occurrence):
    _page(client, PAGES["home"](occurrence))
    cache.delete(public_cache.VERSION_KEY)
    assert "Ninth CJK" in _page(client, PAGES["home"](occurrence))


def test_program_editions_are_paginated(client, db):
    program = ProgramFactory(slug="many")
    for number in range(1, 56):
        OccurrenceFactory(program=program, number=number, title_en=f"Edition {number}")
    url = reverse("workshops:program_detail", kwargs={"slug": "many"})
    first = _page(client, url)
    assert "Edition 50<" in first and "Edition 51<" not in first
    assert 'href="?page=2"' in first and "Page 1 of 2" in first
    assert "2쪽 중 1쪽" in _page(client, url, "ko") and "第 1 页，共 2 页" in _page(client, url, "zh-hans")
    second = _page(client, url + "?page=2")
    assert "Edition 55<" in second and "Edition 1<" not in second
    assert "Edition 1<" in _page(client, url + "?page=abc")  # a bad number is the first page
