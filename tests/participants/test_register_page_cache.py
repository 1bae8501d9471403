"""An official's registration page is kept whole for their reloads (participants/page_cache.py).
What an official sees after any change is the changed page; a kept page is never shown to anyone
else, in another language, to staff, or in place of a message; its forms post with a fresh token."""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participants.models import ParticipantCategory, Registration
from participants.services import registration_withdraw
from tests.factories import OccurrenceFactory, UserFactory

from .test_views_registration import _official, _post, _profile_data

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _url(occurrence):
    return reverse("participants:register", kwargs={"slug": occurrence.slug})


def _get(client, occurrence, language="en", **params):
    client.cookies["django_language"] = language
    return client.get(_url(occurrence), params)


def _kept(client, occurrence, django_assert_num_queries, **params):
    """The page as a reload gets it: the second load, from the cache without a query (the session and
    the account are in the cache too)."""
    _get(client, occurrence, **params)
    with django_assert_num_queries(0):
        response = _get(client, occurrence, **params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def official(client):
    user, participant = _official()
    client.force_login(user)
    return user, participant


def test_a_kept_page_posts_with_its_own_fresh_token(official, django_assert_num_queries):
    user, participant = official
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    occurrence = OccurrenceFactory()
    first = _get(client, occurrence).content.decode()
    kept = _kept(client, occurrence, django_assert_num_queries)
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept)
    # The language form, the log-out form and the registration form, each with a real token.
    assert len(tokens) == 3 and all(len(token) == 64 for token in tokens)
    assert "\x00" not in kept
    assert tokens[0] not in first  # a token masked afresh, not the one drawn into the page
    data = {**_profile_data(participant), "consent": "on", "csrfmiddlewaretoken": tokens[-1]}
    response = _post(client, occurrence, data)
    assert response.status_code == 302
    assert (
        Registration.objects.get(participant=participant, occurrence=occurrence).status == Registration.Status.ACCEPTED
    )
    # Registered, the official is sent to their registration, not shown the kept form.
    response = _get(client, occurrence)
    assert response.status_code == 302 and "registrations" in response["Location"]


def test_a_profile_edit_shows_on_the_next_load(client, official, django_assert_num_queries):
    user, participant = official
    occurrence = OccurrenceFactory()
    assert 'value="Officer"' not in _kept(client, occurrence, django_assert_num_queries)
    response = client.post(
        reverse("participants:profile"),
        {key.removeprefix("profile-"): value for key, value in _profile_data(participant, position="Officer").items()},
    )
    assert response.status_code == 302
    page = _get(client, occurrence).content.decode()
    assert 'value="Officer"' in page


def test_an_account_edit_shows_in_the_header(client, official, django_assert_num_queries):
    user, _participant = official
    occurrence = OccurrenceFactory()
    assert user.email in _kept(client, occurrence, django_assert_num_queries)
    user.email = "renamed.official@example.org"
    user.save()
    assert "renamed.official@example.org" in _get(client, occurrence).content.decode()


def test_staff_edits_of_the_occurrence_and_seats_show_at_once(client, official, django_assert_num_queries):
    occurrence = OccurrenceFactory(title_en="Workshop before")
    category = ParticipantCategory.objects.create(
        occurrence=occurrence, name="Speaker", order=1, capacity=1, needs_review=False
    )
    assert "Workshop before" in _kept(client, occurrence, django_assert_num_queries)
    occurrence.title_en = "Workshop after"
    occurrence.save()
    page = _get(client, occurrence).content.decode()
    assert "Workshop after" in page and "Workshop before" not in page
    assert "1 seat left" in page
    # Another official takes the category's one seat: the next load says so.
    _other_user, other = _official()
    from participants.services import registration_submit

    registration_submit(
        participant=other,
        occurrence=occurrence,
        answers={"arrival_date": occurrence.start_date.isoformat()},
        consent=True,
        by=None,
        category=category,
    )
    category.refresh_from_db()
    assert category.seats_taken == 1, Registration.objects.filter(participant=other).values_list("status")
    page = _get(client, occurrence).content.decode()
    assert "No seats left" in page and "1 seat left" not in page


def test_each_official_and_each_language_get_their_own_page(client, official, django_assert_num_queries):
    user, _participant = official
    occurrence = OccurrenceFactory()
    english = _kept(client, occurrence, django_assert_num_queries)
    korean = _get(client, occurrence, "ko").content.decode()
    assert "Submit registration" in english and "Submit registration" not in korean
    assert 'lang="ko"' in korean
    other_user, _other = _official()
    other = Client()
    other.force_login(other_user)
    page = _get(other, occurrence).content.decode()
    assert other_user.email in page and user.email not in page


def test_a_message_is_shown_not_a_kept_page(client, official, django_assert_num_queries):
    _user, participant = official
    occurrence = OccurrenceFactory()
    _kept(client, occurrence, django_assert_num_queries)
    # The profile page sends the official back to the form with its confirmation.
    data = {key.removeprefix("profile-"): value for key, value in _profile_data(participant).items()}
    response = client.post(f"{reverse('participants:profile')}?next={_url(occurrence)}", data, follow=True)
    assert "Your profile is saved." in response.content.decode()


def test_withdrawn_official_sees_the_page_to_register_again(client, official, django_assert_num_queries):
    user, participant = official
    occurrence = OccurrenceFactory()
    _kept(client, occurrence, django_assert_num_queries)
    response = _post(client, occurrence, {**_profile_data(participant), "consent": "on"})
    registration = Registration.objects.get(participant=participant, occurrence=occurrence)
    assert response.status_code == 302
    registration_withdraw(registration=registration, by=user)
    page = _get(client, occurrence).content.decode()
    assert 'id="register-again"' in page and 'id="registration-form"' in page


def test_staff_pages_are_drawn_each_time(client):
    staff = UserFactory(is_staff=True, email_verified_at=timezone.now())
    client.force_login(staff)
    occurrence = OccurrenceFactory()
    _get(client, occurrence)
    response = _get(client, occurrence)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        _get(client, occurrence)
    assert len(captured.captured_queries) > 1


def test_a_kept_page_lives_no_longer_than_registration_is_open(client, official, django_assert_num_queries):
    occurrence = OccurrenceFactory(registration_closes_at=timezone.now() + datetime.timedelta(seconds=2))
    assert 'id="registration-form"' in _kept(client, occurrence, django_assert_num_queries)
    time.sleep(2.5)
    page = _get(client, occurrence).content.decode()
    assert 'id="registration-closed"' in page and 'id="registration-form"' not in page


def test_an_unknown_occurrence_is_not_found_until_it_exists(client, official):
    response = client.get(reverse("participants:register", kwargs={"slug": "opening-2031"}))
    assert response.status_code == 404
    occurrence = OccurrenceFactory(slug="opening-2031")
    assert 'id="registration-form"' in _get(client, occurrence).content.decode()


def test_a_delegate_list_that_registers_the_official_ends_the_kept_form(client, official, django_assert_num_queries):
    """A staff import writes in bulk, without the signals: the official's next load shows the registration."""
    from django.db import transaction

    from participants.services import DelegateBatch, registration_import

    user, participant = official
    occurrence = OccurrenceFactory()
    assert 'id="registration-form"' in _kept(client, occurrence, django_assert_num_queries)
    staff = UserFactory(is_staff=True)
    with transaction.atomic():
        batch = DelegateBatch(occurrence_ids=[occurrence.pk], emails=[user.email], by=staff)
        registration_import(
            occurrence=occurrence,
            email=user.email,
            profile={"family_name": participant.family_name, "country": "KR", "admin_level": 6},
            by=staff,
            batch=batch,
        )
        batch.save()
    response = _get(client, occurrence)
    assert response.status_code == 302 and "registrations" in response["Location"]


def test_with_redis_unreachable_the_official_still_loads_reloads_and_registers(settings):
    """Nothing kept, nothing lost: the session and the account come from the database and every page
    is drawn (the project's cache backend reads an unreachable Redis as misses)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "exchange_portal.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    from django.core.cache import cache

    cache.set("probe", "kept?")
    assert cache.get("probe") is None  # the cache really is unreachable
    user, participant = _official()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    occurrence = OccurrenceFactory()
    for _ in range(2):
        page = _get(client, occurrence).content.decode()
        assert 'id="registration-form"' in page and user.email in page
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[-1]
    response = _post(client, occurrence, {**_profile_data(participant), "consent": "on", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert (
        Registration.objects.get(participant=participant, occurrence=occurrence).status == Registration.Status.ACCEPTED
    )
