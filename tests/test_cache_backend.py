"""The default cache backend (exchange_portal/cache.py): one redis-py client per pool, and cache
misses instead of errors when Redis cannot be reached."""

import socket

import pytest
from django.core.cache.backends.base import DEFAULT_TIMEOUT

from exchange_portal.cache import RedisCache

pytestmark = pytest.mark.unit


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_redis_reads_as_misses_and_drops_writes():
    cache = RedisCache(
        f"redis://127.0.0.1:{_closed_port()}/0",
        {"OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}, "TIMEOUT": DEFAULT_TIMEOUT},
    )
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("key", "value") is None
    assert cache.add("key", "value") is False
    assert cache.delete("key") is False


def test_one_client_per_pool():
    cache = RedisCache("redis://127.0.0.1:6379/0", {})
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
