"""The notices accounts sends: email verification, password reset, and the two that keep sign-up
and reset from telling which addresses have accounts (their context is inline)."""

from notifications.registry import notice_kinds

notice_kinds(
    "account_verify",
    "account_password_reset",
    "account_exists",
    "account_password_reset_unknown",
    app="accounts",
)
