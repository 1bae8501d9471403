"""The signed-in account is read from the cache on each request (accounts/backends.py): whatever staff
or the official change on the account holds from the next request on."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

PASSWORD = "correct-horse-battery-staple"


def _signed_in(email="official@example.org"):
    user = UserFactory(email=email)
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return user, client


def _is_signed_in(client):
    return client.get(reverse("participants:profile")).status_code == 200


def test_signed_in_requests_read_the_account_from_the_cache(django_assert_num_queries):
    _user, client = _signed_in()
    url = reverse("participants:my_registrations")
    client.get(url)
    # The account is not read: only the page's own queries (the registrations, nothing else).
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_an_account_deactivated_by_staff_is_signed_out_at_once():
    user, client = _signed_in()
    assert _is_signed_in(client)
    user.is_active = False
    user.save()
    assert not _is_signed_in(client)


def test_a_password_changed_elsewhere_signs_this_session_out():
    user, client = _signed_in()
    assert _is_signed_in(client)
    user.password = make_password("a-new-password-for-this-official")
    user.save()
    assert not _is_signed_in(client)


def test_a_deleted_account_is_signed_out():
    user, client = _signed_in()
    assert _is_signed_in(client)
    user.delete()
    assert not _is_signed_in(client)


def test_a_wrong_password_is_refused_and_counted_once(client):
    UserFactory(email="official@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "official@example.org", "password": "wrong-password-123"}
    )
    assert "Please enter a correct email address and password." in response.content.decode()
    assert AccessAttempt.objects.get(username="official@example.org").failures_since_start == 1


def test_a_session_signed_in_before_the_cache_stays_signed_in():
    user = UserFactory()
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert _is_signed_in(client)
