"""Two sign-ups for one address: the second creates nothing and its owner is told, once an hour."""

import pytest
from django.contrib.auth import get_user_model

from accounts.services import user_signup
from notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_a_second_signup_for_the_same_address_creates_nothing_and_notifies_the_owner():
    first = user_signup(email="twice@example.org", password="a long enough passphrase", language="en")

    second = user_signup(email="Twice@Example.org", password="another long passphrase", language="ko")
    third = user_signup(email="twice@example.org", password="yet another passphrase", language="ko")

    assert second is None and third is None
    assert get_user_model().objects.filter(email__iexact="twice@example.org").count() == 1
    first.refresh_from_db()
    assert first.check_password("a long enough passphrase")
    # The verification email, then one "you already have an account" notice in the owner's
    # language (English): a second attempt within the hour adds none.
    assert sorted(Notification.objects.values_list("template", "language")) == [
        ("account_exists", "en"),
        ("account_verify", "en"),
    ]
