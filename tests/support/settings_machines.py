"""Settings of the web processes and workers that tests/test_two_machines.py starts: production's
shape (DEBUG=0, the default cache and so the cached_db sessions in Redis, files in object storage
when STORAGE_S3_BUCKET is set) on the test database and queue, over plain HTTP on 127.0.0.1."""

from exchange_portal.settings_test import *  # noqa: F401,F403
from exchange_portal.settings_test import REDIS_URL, env

# settings_test keeps each process's cache in its own memory; here it is production's, shared by
# every process through Redis, under a prefix of this run (deleted afterwards).
_prefix = env.str("MACHINES_CACHE_PREFIX")
CACHES = {
    "default": {
        "BACKEND": "exchange_portal.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"{_prefix}-portal",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    },
    "throttle": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"{_prefix}-throttle",
    },
}
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Plain HTTP on the loopback: no TLS redirect and no secure-only cookies (production sits behind a TLS proxy).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
