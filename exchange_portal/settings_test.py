"""Settings for the test suite: the real PostgreSQL and Redis on 127.0.0.1.

TEST_DB_TAG gives each concurrent test run its own test database and queue, so two
suites on one machine never step on each other.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/exchange_portal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")

from .settings import *  # noqa: E402,F401,F403
from .settings import CACHES, DATABASES, STORAGE_S3_BUCKET, STORAGES, env  # noqa: E402

TEST_DB_TAG = env.str("TEST_DB_TAG", default="main")
# `make test` runs the suite in several pytest-xdist processes (gw0, gw1, ...): each gets a tag of its own,
# kept in the environment so the worker, beat and web processes a test starts use the same database and queue.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER and not TEST_DB_TAG.endswith(f"_{_XDIST_WORKER}"):
    TEST_DB_TAG = f"{TEST_DB_TAG}_{_XDIST_WORKER}"
    os.environ["TEST_DB_TAG"] = TEST_DB_TAG
DATABASES["default"]["TEST"] = {"NAME": f"test_exchange_portal_{TEST_DB_TAG}"}
DATABASES["default"]["CONN_MAX_AGE"] = 0

# Tests call tasks in-process unless a test starts a real worker (tests/workers.py).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_DEFAULT_QUEUE = f"exchange_portal_test_{TEST_DB_TAG}"

# Tests read mail from django.core.mail.outbox, unless a worker process is pointed at a
# real SMTP server (tests/support/workers.py sets EMAIL_URL for it).
if "EMAIL_URL" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=f"/tmp/exchange_portal_test_media_{TEST_DB_TAG}")
STORAGES = {
    # Local files, unless a test starts processes on object storage (tests/test_two_machines.py).
    "default": STORAGES["default"] if STORAGE_S3_BUCKET else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": STORAGES["private"] if STORAGE_S3_BUCKET else {"BACKEND": "jobs.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = env.path("STATIC_ROOT", default=f"/tmp/exchange_portal_test_static_{TEST_DB_TAG}")
os.makedirs(STATIC_ROOT, exist_ok=True)
WHITENOISE_USE_FINDERS = True

# Each test process keeps its cached fragments and sessions to itself (tests/conftest.py empties
# it before every test); the Redis configuration is covered by tests/workshops/test_public_cache.py.
CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
# The same for the sign-up and resend counters: in Redis they were shared by every test of a run (and by
# other runs on the machine), so a suite with more sign-ups than the hourly limit refused the last ones.
CACHES["throttle"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-throttle"}

# Most tests sign superusers in with force_login and go straight to the admin; the two-factor
# rule is tested where it is turned on (tests/accounts/test_two_factor.py).
TWO_FACTOR_REQUIRED = env.str("TWO_FACTOR_REQUIRED", default="off")
