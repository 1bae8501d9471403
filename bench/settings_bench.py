"""Benchmark settings: the test settings with persistent database connections, as in production
(the test settings close the connection after every task, which would dominate the timing)."""

from exchange_portal.settings_test import *  # noqa: F401,F403
from exchange_portal.settings_test import DATABASES

DATABASES["default"]["CONN_MAX_AGE"] = 60
