"""What accounts tells the apps above it, which it may not import (the layers)."""

from django.dispatch import Signal

# Sent once, inside the verifying transaction, when an account's email address is first verified
# (user=...): the address is proven to belong to this user, so apps may link what they hold for it.
email_verified = Signal()
