import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _language_restored():
    """A page requested in another language leaves that language active in the thread
    (LocaleMiddleware); restore it so the next test module starts in English."""
    with translation.override("en"):
        yield
