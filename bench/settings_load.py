"""Settings of the web benchmark's gunicorn (bench/load.py): production as settings.py builds it
(DEBUG=0, its caches and session engine, WhiteNoise's manifest storage, persistent connections),
on the benchmark's own database, served over plain HTTP on 127.0.0.1, with one extra URL: the bare
view that sets the ceiling. Nothing here is reachable from the product's URLs."""

import copy
import importlib.util
import os

from bench.settings_bench import *  # noqa: F401,F403
from bench.settings_bench import BASE_DIR

# settings_test swaps the cache for per-process memory; take production's own again, from a fresh
# read of settings.py with the same environment.
_spec = importlib.util.spec_from_file_location("_production_settings", BASE_DIR / "exchange_portal" / "settings.py")
_production = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_production)

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
CACHES = copy.deepcopy(_production.CACHES)
for _alias in CACHES.values():
    if "KEY_PREFIX" in _alias or _alias["BACKEND"].endswith("RedisCache"):
        _alias["KEY_PREFIX"] = f"{os.environ.get('BENCH_CACHE_PREFIX', 'bench-load')}-{_alias.get('KEY_PREFIX', '')}"
SESSION_ENGINE = getattr(_production, "SESSION_ENGINE", "django.contrib.sessions.backends.db")
STATIC_ROOT = os.environ["STATIC_ROOT"]
STORAGES = _production.STORAGES
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
# Plain HTTP on the loopback: no TLS redirect (production sits behind a TLS proxy).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {**_production.LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
