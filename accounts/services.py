"""Account use cases: sign up, verify the email address, reset the password.

Every email goes through the notification outbox (notifications.services), so it is
sent by a Celery worker after the transaction commits, in the user's preferred language.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from notifications.services import notification_queue

User = get_user_model()

VERIFY_SALT = "accounts.email-verification"
# A verification link is good for three days; a new one can be requested at any time.
VERIFY_MAX_AGE = 3 * 24 * 3600


class VerificationError(Exception):
    """The verification link is broken, expired, or for an address the account no longer has."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _absolute(path):
    return settings.SITE_URL.rstrip("/") + path


class AccountExists(Exception):
    """Someone signed up with the address between the form's check and the insert."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def user_signup(*, email, password, language):
    """Create an account (email not yet verified) and send the verification link."""
    try:
        with transaction.atomic():
            user = User.objects.create_user(email=email, password=password, preferred_language=language)
            user_verification_send(user=user)
    except IntegrityError:
        # The address is the only unique column; the form checked it, a parallel sign-up won.
        raise AccountExists(
            _("An account with this email address already exists. Log in, or reset your password.")
        ) from None
    return user


def user_verification_token(*, user):
    # The email is signed too, so a link stops working if the address changes.
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT, compress=True)


def user_verification_send(*, user):
    token = user_verification_token(user=user)
    url = _absolute(reverse("accounts:verify_email", kwargs={"token": token}))
    with transaction.atomic():
        return notification_queue(
            # The signature part differs for every token, so each request sends a new email.
            key=f"account_verify:{user.pk}:{token.rsplit(':', 1)[-1]}",
            template="account_verify",
            recipient=user.email,
            language=user_email_language(user),
            context={"verify_url": url, "valid_days": VERIFY_MAX_AGE // 86400, "recipient_user_id": user.pk},
        )


def user_email_verify(*, token, max_age=VERIFY_MAX_AGE):
    """Mark the account's email as verified; raise VerificationError with a message to show otherwise."""
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise VerificationError(_("This verification link has expired. Log in to request a new one.")) from None
    except signing.BadSignature:
        raise VerificationError(_("This verification link is not valid. Check that you copied all of it.")) from None
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=data.get("u"), email=data.get("e")).first()
        if user is None:
            raise VerificationError(_("This verification link is not valid. Check that you copied all of it."))
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
            user.save(update_fields=["email_verified_at"])
    return user


def user_email_language(user):
    """The language a person reads their email in: their profile's when they have one (the
    profile form keeps the account's copy in step, but staff edit profiles in the admin and
    the delegate import sets it), else the account's."""
    profile = getattr(user, "participant", None)  # the reverse one-to-one of participants.Participant
    return getattr(profile, "preferred_language", None) or user.preferred_language


def user_password_reset_send(*, user):
    """Queue the password reset link (Django's token generator) in the user's language."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    url = _absolute(reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}))
    with transaction.atomic():
        return notification_queue(
            key=f"password_reset:{user.pk}:{token}",
            template="account_password_reset",
            recipient=user.email,
            language=user_email_language(user),
            context={
                "reset_url": url,
                "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
                "recipient_user_id": user.pk,
            },
        )


def throttle_hit(*, scope, ident, limit, window):
    """Count one attempt for (scope, ident); True when more than `limit` happened within `window` seconds."""
    key = f"throttle:{scope}:{ident}"
    # add() only sets the key if it is absent, so the window starts at the first attempt.
    cache = caches["throttle"]
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
