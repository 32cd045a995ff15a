"""The portal's Redis cache (regionportal.base.cache_backends) on a real Redis: get_many(), which
the page cache reads on every request on a connection of its own, answers what was kept, also
after the server closed that connection, and never hands one read's reply to the next."""

import pytest
import redis

from regionportal.base.cache_backends import RedisCache
from tests.servers import redis_key_prefix

REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def cache():
    """The backend on the shared Redis, under a key prefix of the test's own."""
    with redis_key_prefix(REDIS_URL) as prefix:
        yield RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})


def kept_connections_id(cache):
    connection = cache._cache._reading_connection()
    connection.send_command("CLIENT", "ID")
    return connection.read_response()


def test_get_many_answers_what_was_kept_and_leaves_out_what_was_not(cache):
    cache.set("version", 17)
    cache.set("page", (17, 200, [("Content-Type", "text/html")], b"<h1>Stran</h1>"))

    assert cache.get_many(["version", "page", "missing"]) == {
        "version": 17,
        "page": (17, 200, [("Content-Type", "text/html")], b"<h1>Stran</h1>"),
    }


def test_get_many_reconnects_once_the_server_closed_its_connection(cache):
    cache.set("version", 3)
    assert cache.get_many(["version"]) == {"version": 3}

    redis.Redis.from_url(REDIS_URL).client_kill_filter(_id=kept_connections_id(cache))
    assert cache.get_many(["version"]) == {"version": 3}


def test_a_read_cut_short_leaves_no_reply_for_the_next_one(cache, monkeypatch):
    cache.set("first", "first page")
    cache.set("second", "second page")
    connection = cache._cache._reading_connection()

    def interrupted(*args, **kwargs):
        # As a worker's timeout would, after the command went out and before its reply is read.
        monkeypatch.undo()
        raise KeyboardInterrupt

    monkeypatch.setattr(connection, "read_response", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.get_many(["first"])
    assert cache.get_many(["second"]) == {"second": "second page"}
