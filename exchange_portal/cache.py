"""Django's Redis cache backend, reusing one redis-py client per connection pool, and degrading to
cache misses when Redis cannot be reached.

Django's RedisCacheClient builds a new `redis.Redis` for every cache operation, and redis-py's
constructor fills a table of a few hundred response callbacks each time: on a cached page that
cost more than the page itself. A client only wraps its (thread-safe) connection pool, so one per
pool serves every operation of the process.

The default cache holds only what can be rebuilt (rendered pages and fragments; sessions are
cached_db, so the database keeps them): with Redis down, reads miss and writes are dropped, with
an error in the log, instead of every page failing.
"""

import logging

from django.core.cache.backends import redis as django_redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _degrade(name, fallback):
    parent = getattr(django_redis.RedisCache, name)

    def method(self, *args, **kwargs):
        try:
            return parent(self, *args, **kwargs)
        except UNREACHABLE:
            logger.error("Redis cache unreachable: %s() treated as a miss", name, exc_info=True)
            return fallback(*args, **kwargs)

    method.__name__ = name
    return method


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    get = _degrade("get", lambda key, default=None, version=None: default)
    get_many = _degrade("get_many", lambda keys, version=None: {})
    set = _degrade("set", lambda *args, **kwargs: None)
    add = _degrade("add", lambda *args, **kwargs: False)
    touch = _degrade("touch", lambda *args, **kwargs: False)
    delete = _degrade("delete", lambda *args, **kwargs: False)
    has_key = _degrade("has_key", lambda *args, **kwargs: False)
    set_many = _degrade("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = _degrade("delete_many", lambda *args, **kwargs: None)
