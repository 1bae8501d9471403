class DelegationError(Exception):
    """A focal point's or nominee's action was refused; the message is fit to show to them."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class InvitationInvalid(DelegationError):
    """The nominee's invitation link is not (or no longer) valid."""
