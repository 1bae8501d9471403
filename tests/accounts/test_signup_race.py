"""Two sign-ups for one address at the same moment: the second is told the account exists."""

import pytest
from django.contrib.auth import get_user_model

from accounts.services import AccountExists, user_signup
from notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_second_signup_for_the_same_address_is_refused_with_a_message():
    user_signup(email="twice@example.org", password="a long enough passphrase", language="en")

    with pytest.raises(AccountExists) as refused:
        user_signup(email="Twice@Example.org", password="another long passphrase", language="ko")

    assert refused.value.message == "An account with this email address already exists. Log in, or reset your password."
    assert get_user_model().objects.filter(email="twice@example.org").count() == 1
    assert Notification.objects.count() == 1
