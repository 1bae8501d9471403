import pytest

from participants.services import registration_submit


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """Submit a consenting registration and run what it sends after the commit (emails, tasks)."""

    def _submit(participant, occurrence, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return registration_submit(participant=participant, occurrence=occurrence, consent=True, **kwargs)

    return _submit
