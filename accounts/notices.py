"""The notices accounts sends: email verification, password reset, and the two that keep sign-up
and reset from telling which addresses have accounts (their context is inline)."""

from notifications.registry import context_loader, notice_kinds

notice_kinds(
    "account_verify",
    "account_password_reset",
    "account_exists",
    "account_password_reset_unknown",
    app="accounts",
)


@context_loader("recipient_user_id")
def _recipient(recipient_user_id):
    from .models import User

    # The greeting names the person (formats.names reads the account's profile when it has one).
    return {"recipient": User.objects.filter(pk=recipient_user_id).first()}
