"""The notices accounts sends: email verification and password reset."""

from notifications.registry import context_loader, notice_kinds

notice_kinds("account_verify", "account_password_reset", app="accounts")


@context_loader("recipient_user_id")
def _recipient(recipient_user_id):
    from .models import User

    # The greeting names the person (formats.names reads the account's profile when it has one).
    return {"recipient": User.objects.filter(pk=recipient_user_id).first()}
