"""Account use cases: sign up, verify the email address, reset the password.

Every email goes through the notification outbox (notifications.services), so it is
sent by a Celery worker after the transaction commits, in the user's preferred language.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
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

from .signals import email_verified

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


def _hour_bucket():
    """The current hour: at most one such notice per address and hour, however often it is asked for."""
    return timezone.now().strftime("%Y%m%d%H")


def user_signup(*, email, password, language):
    """Create an account (email not yet verified) and send the verification link.

    For an address that already has an account, nothing is created: the account's owner is told
    by email that someone tried to sign up with it (with the links to log in or reset). The
    caller answers both cases alike, and both do the same work (a password hashed, one email
    queued), so sign-up tells nobody which addresses have accounts. Returns the new user, or None.
    """
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(email=email, password=password, preferred_language=language)
                user_verification_send(user=user)
            return user
        except IntegrityError:
            # A parallel sign-up for the same address won between the look-up and the insert.
            existing = User.objects.get(email__iexact=email)
    make_password(password)  # the work a new account costs, so the answer takes as long
    user_account_exists_send(user=existing)
    return None


def user_account_exists_send(*, user):
    with transaction.atomic():
        return notification_queue(
            key=f"account_exists:{user.pk}:{_hour_bucket()}",
            template="account_exists",
            recipient=user.email,
            language=user_email_language(user),
            context={
                "login_url": _absolute(reverse("accounts:login")),
                "reset_url": _absolute(reverse("accounts:password_reset")),
                "recipient_user_id": user.pk,
            },
        )


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
            email_verified.send(sender=User, user=user)
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


def user_password_reset_unknown_send(*, email, language):
    """Tell an address with no account that a reset was asked for it (so the reset page answers the
    same whether the address has an account, and a person who mistyped learns why no link came)."""
    with transaction.atomic():
        return notification_queue(
            key=f"password_reset_unknown:{email.lower()}:{_hour_bucket()}",
            template="account_password_reset_unknown",
            recipient=email,
            language=language,
            context={"signup_url": _absolute(reverse("accounts:signup"))},
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
