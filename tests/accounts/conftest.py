import uuid

import pytest


@pytest.fixture(autouse=True)
def _fresh_throttle(settings):
    """Each test counts sign-ups from zero, in a cache of its own."""
    settings.CACHES = {
        **settings.CACHES,
        "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"t-{uuid.uuid4()}"},
    }
