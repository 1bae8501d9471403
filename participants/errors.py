class RegistrationError(Exception):
    """A registration use case was refused; the message is fit to show to the user."""

    def __init__(self, message, *, registration=None):
        super().__init__(message)
        self.message = message
        self.registration = registration


class AlreadyRegistered(RegistrationError):
    """The official already has a registration for this occurrence (see .registration)."""
