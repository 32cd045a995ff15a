"""/health/: what the load balancer and monitoring ask. 200 when the database and the cache
both work, 503 naming the part that does not; never a 500, never the reason itself."""

from unittest import mock

import pytest
from django.db import OperationalError, connection

SECRET_REASON = "could not connect to server at db.internal (password=hunter2)"
# Nothing listens on port 1: the cache is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "regionportal.base.cache_backends.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


@pytest.fixture
def database_down():
    with mock.patch.object(connection, "cursor", side_effect=OperationalError(SECRET_REASON)):
        yield


@pytest.fixture
def cache_down(settings):
    settings.CACHES = UNREACHABLE_REDIS


def test_health_is_ok_when_the_database_and_the_cache_work(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_health_is_never_cached(client, db):
    response = client.get("/health/")

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_health_answers_a_head_request(client, db):
    assert client.head("/health/").status_code == 200


@pytest.mark.parametrize(
    ("down", "checks"),
    [
        (["database"], {"database": "unavailable", "cache": "ok"}),
        (["cache"], {"database": "ok", "cache": "unavailable"}),
        (["database", "cache"], {"database": "unavailable", "cache": "unavailable"}),
    ],
)
def test_health_names_the_part_that_is_down(client, db, request, caplog, down, checks):
    for part in down:
        request.getfixturevalue(f"{part}_down")

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": checks}
    for part in down:
        assert f"Health check: the {part} is unavailable" in caplog.text


def test_health_keeps_the_reason_for_the_log(client, db, database_down, caplog):
    response = client.get("/health/")

    assert "hunter2" not in response.content.decode()
    assert SECRET_REASON in caplog.text


def test_health_names_a_cache_that_forgets_what_it_was_given(client, db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}
