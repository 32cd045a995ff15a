"""Django's Redis cache, made cheaper for the page cache's every request.

- Django's RedisCacheClient.get_client() makes a new redis.Redis around the connection pool for
  each cache operation, and redis-py fills some 170 response callbacks into a new
  case-insensitive dict for each: about a third of the time of answering a page from the page
  cache here. A client is safe to share between threads (its connections come from the pool), so
  one per pool serves.
- get_many(), the page cache's read on every request, sends its MGET on a connection of its
  own that each thread (each sync worker) keeps, rather than through redis.Redis: a command
  there takes the connection from the pool and gives it back under a lock, asks the socket
  whether anything is left to read (a system call), wraps the call in its retries and records
  metrics, which cost about as much as the round trip itself. The connection is closed on any
  error while a command is under way, so that no late reply is ever read as the next
  command's; a connection the server has closed meanwhile (a restart) is retried once on a new
  one, as redis.Redis would.
- Django checks every key for what memcached refuses (its length, spaces and control
  characters), character by character in Python, on every call. Redis takes any key; the
  portal's keys are its own (fixed prefixes and hex digests), so the check is left out.
"""

import os
import threading

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientsRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._kept = threading.local()

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client

    def get_many(self, keys):
        keys = list(keys)
        try:
            values = self._mget(keys)
        except (self._lib.ConnectionError, self._lib.TimeoutError):
            values = self._mget(keys)
        return {
            key: self._serializer.loads(value)
            for key, value in zip(keys, values, strict=True)
            if value is not None
        }

    def _mget(self, keys):
        connection = self._reading_connection()
        try:
            connection.send_command("MGET", *keys)
            return connection.read_response()
        except BaseException:
            # Whatever the reply, it must not be read as the next command's.
            connection.disconnect()
            raise

    def _reading_connection(self):
        """This thread's connection for get_many(); a new one in a forked process."""
        connection = getattr(self._kept, "connection", None)
        if connection is None or self._kept.pid != os.getpid():
            connection = self._get_connection_pool(write=False).make_connection()
            self._kept.connection, self._kept.pid = connection, os.getpid()
        return connection


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientsRedisCacheClient

    def validate_key(self, key):
        """Any key will do for Redis (see the module's docstring)."""
