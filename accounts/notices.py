"""The notices accounts sends: email verification and password reset (their context is inline)."""

from notifications.registry import notice_kinds

notice_kinds("account_verify", "account_password_reset", app="accounts")
