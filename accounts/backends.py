"""The signed-in account read from the default cache on every request.

Every signed-in request loads its account (django.contrib.auth's get_user, through the session's
backend); on the pages kept whole for signed-in officials (participants.page_cache) that query
was half of the request's time. `CachedModelBackend` keeps each account under a token of its own,
replaced whenever the account is saved or deleted (its password, email, active flag, verification,
last sign-in), at once and once the transaction commits (exchange_portal.cache_tokens). Django
still checks the session's hash against the account's password on every request, so a password
change signs other sessions out as before. Permissions are not kept: they are read as before, from
the groups, when a page asks for them.

A cache that lost the token, or a Redis that cannot be reached, only means the row is read again.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_delete, post_save

from exchange_portal.cache_tokens import version_changed, version_token

logger = logging.getLogger(__name__)


def account_token_key(user_id):
    """The key of the account's token; what else is drawn from the account (participants.page_cache)
    may be kept under it too."""
    return f"accounts:user-token:{user_id}"


def _user_key(user_id):
    return f"accounts:user:{user_id}"


def account_changed(user_id):
    """The kept copy of this account is read again: now and once the transaction commits."""
    version_changed(account_token_key(user_id), "a signed-in account")


class CachedModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None and password is not None:
            # Refused here, refused by any later ModelBackend too (settings.AUTHENTICATION_BACKENDS
            # keeps one for the sessions signed in through it): stop before it hashes the password again.
            raise PermissionDenied
        return user

    def get_user(self, user_id):
        token_key, user_key = account_token_key(user_id), _user_key(user_id)
        try:
            found = cache.get_many([token_key, user_key])
        except Exception:
            logger.exception("Could not read the kept account")
            return super().get_user(user_id)
        token, stored = found.get(token_key), found.get(user_key)
        if token is not None and stored is not None and stored[0] == token:
            return stored[1]
        # The token read before the row: a row read while a save replaces it stays unreachable.
        token = token or version_token(token_key)
        user = super().get_user(user_id)
        if user is not None:
            cache.set(user_key, (token, user), timeout=settings.ACCOUNT_CACHE_SECONDS)
        return user


def _on_change(sender, instance, raw=False, **kwargs):
    if not raw:
        account_changed(instance.pk)


def connect_signals():
    model = get_user_model()
    post_save.connect(_on_change, sender=model, dispatch_uid="accounts.kept_account_saved")
    post_delete.connect(_on_change, sender=model, dispatch_uid="accounts.kept_account_deleted")
