"""The production server: the environment check `make serve` starts with, gunicorn's settings,
and gunicorn itself, started as a service manager starts it, serving over HTTP and reloading on
SIGHUP without dropping a request."""

import gc
import os
import runpy
import shutil
import signal
import subprocess
import sys
import threading
from types import SimpleNamespace

import pytest
from django.conf import settings

from regionportal.environment import production_problems
from tests.servers import (
    GUNICORN_CONF,
    SCHEMA_FROM_MODELS,
    Server,
    fetch,
    production_environment,
    redis_is_running,
    run_python,
    wait_for,
)

PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "x7Kq9" * 10,
    "DJANGO_ALLOWED_HOSTS": "portal.rasr.si",
    "DATABASE_URL": "postgres://regionportal@db.internal:5432/regionportal",
    "REDIS_URL": "redis://cache.internal:6379/1",
}


def test_a_complete_production_environment_passes_the_check():
    assert production_problems(PRODUCTION) == []


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY must be set to a long random value"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS must list the portal's host names"),
        ("DATABASE_URL", "DATABASE_URL must name the production database"),
        ("REDIS_URL", "REDIS_URL must name the Redis cache"),
    ],
)
def test_the_check_names_the_missing_variable(missing, message):
    environ = {name: value for name, value in PRODUCTION.items() if name != missing}

    problems = production_problems(environ)

    assert len(problems) == 1
    assert problems[0].startswith(message)


def test_the_check_names_every_missing_variable_once():
    problems = production_problems({})

    assert [problem.split()[0] for problem in problems] == [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
    ]


def test_the_check_refuses_debug():
    problems = production_problems({**PRODUCTION, "DJANGO_DEBUG": "true"})

    assert problems == [
        "DJANGO_DEBUG is on: production does not run in debug. Unset it or set it to false."
    ]


def test_the_check_refuses_a_development_key():
    problems = production_problems({**PRODUCTION, "DJANGO_SECRET_KEY": "django-insecure-abc"})

    assert problems[0].startswith("DJANGO_SECRET_KEY must be set")


@pytest.mark.parametrize("name", ["WEB_CONCURRENCY", "PORT"])
@pytest.mark.parametrize("value", ["many", "0", "-3", "2.5", "²"])
def test_the_check_refuses_a_number_that_is_not_one(name, value):
    problems = production_problems({**PRODUCTION, name: value})

    assert problems == [f"{name} must be a positive whole number, not {value!r}."]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_CONN_MAX_AGE", "a minute", "DJANGO_CONN_MAX_AGE must be a whole number"),
        ("DJANGO_TRUSTED_PROXY_COUNT", "-1", "DJANGO_TRUSTED_PROXY_COUNT must be a whole number"),
        ("DJANGO_HSTS_SECONDS", "1e6", "DJANGO_HSTS_SECONDS must be a whole number"),
        (
            "DJANGO_PAGE_CACHE_FILES_MAX_MB",
            "0",
            "DJANGO_PAGE_CACHE_FILES_MAX_MB must be a whole number of at least 1",
        ),
    ],
)
def test_the_check_refuses_a_settings_number_that_is_not_one(name, value, message):
    problems = production_problems({**PRODUCTION, name: value})

    assert problems == [f"{message}, not {value!r}."]


def make_serve(environ):
    """`make serve` in a clean environment, the venv taken as it is (-o: not reinstalled)."""
    stamp = settings.BASE_DIR / ".venv" / ".installed"
    make = shutil.which("make")
    if not stamp.exists() or not make:
        pytest.skip("make serve runs make and the project's .venv, which this run does not use")
    return subprocess.run(
        [make, "--no-print-directory", "--old-file", ".venv/.installed", "serve"],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ["PATH"], **environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_make_serve_names_each_missing_variable_and_starts_nothing():
    result = make_serve({"DJANGO_SECRET_KEY": PRODUCTION["DJANGO_SECRET_KEY"]})

    assert result.returncode != 0
    for name in ("DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
        assert f"{name} must" in result.stderr
    assert "DJANGO_SECRET_KEY" not in result.stderr
    assert "migrate" not in result.stdout
    assert "gunicorn" not in result.stdout


def test_make_serve_refuses_debug():
    result = make_serve({**PRODUCTION, "DJANGO_DEBUG": "true"})

    assert result.returncode != 0
    assert "production does not run in debug" in result.stderr
    assert "migrate" not in result.stdout


def gunicorn_settings(monkeypatch, **environ):
    for name in ("WEB_CONCURRENCY", "PORT", "BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return SimpleNamespace(**runpy.run_path(str(GUNICORN_CONF)))


def test_gunicorn_defaults_to_two_workers_a_core_plus_one_on_the_local_port_8000(monkeypatch):
    conf = gunicorn_settings(monkeypatch)

    assert conf.workers == 2 * os.cpu_count() + 1
    assert conf.bind == ["127.0.0.1:8000"]
    assert conf.wsgi_app == "regionportal.wsgi:application"
    assert (conf.accesslog, conf.errorlog) == ("-", "-")
    assert conf.preload_app is False


@pytest.fixture
def unfrozen():
    """gc.freeze() called by a test is undone after it (frozen objects are never collected)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_worker_freezes_what_it_holds_once_started_and_after_its_first_requests(
    monkeypatch, unfrozen
):
    """Objects frozen are not walked by the garbage collector's full collections, which took
    100-130 ms a time on a worker holding everything unfrozen (the benchmark shows the tail)."""
    conf = gunicorn_settings(monkeypatch)
    conf.post_worker_init(worker=None)
    frozen = [gc.get_freeze_count()]
    held_by_the_worker = []
    for _ in range(100):
        held_by_the_worker.append(["built by a request, kept by the worker"])
        conf.post_request(worker=None, req=None, environ={}, resp=None)
        frozen.append(gc.get_freeze_count())

    assert frozen[0] > 0
    grew_after = [served for served in range(1, 101) if frozen[served] > frozen[served - 1]]
    assert grew_after == [1, 10, 100]
    assert gc.garbage == []


def test_gunicorn_takes_workers_port_and_addresses_from_the_environment(monkeypatch):
    conf = gunicorn_settings(monkeypatch, WEB_CONCURRENCY="3", PORT="8080")
    assert (conf.workers, conf.bind) == (3, ["127.0.0.1:8080"])

    conf = gunicorn_settings(
        monkeypatch, PORT="8080", BIND="0.0.0.0:9000, unix:/run/regionportal/gunicorn.sock"
    )
    assert conf.bind == ["0.0.0.0:9000", "unix:/run/regionportal/gunicorn.sock"]


# gunicorn itself, on a free port, with two workers and an SQLite database of its own.


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    environ = production_environment(database_url=f"sqlite:///{folder / 'db.sqlite3'}")
    # Production's Redis where there is one; a fresh clone on a machine without it still tests
    # the server, with each worker's own cache.
    if redis_is_running():
        environ["REDIS_URL"] = "redis://127.0.0.1:6379/5"
    running = Server(folder, environ)
    try:
        # The workers boot meanwhile.
        run_python(SCHEMA_FROM_MODELS, environ)
        running.wait_until_it_answers()
        yield running
    finally:
        running.stop()


@pytest.mark.server
def test_gunicorn_serves_the_health_check_and_a_public_page(server):
    assert fetch(server.port, "/health/") == 200
    assert fetch(server.port, "/sl/") == 200
    assert fetch(server.port, "/en/projects/") == 200
    assert len(server.booted_workers()) == 2


@pytest.mark.server
def test_gunicorn_logs_each_request_on_standard_output(server):
    fetch(server.port, "/sl/municipalities/")

    wait_for(
        lambda: '"GET /sl/municipalities/ HTTP/1.1" 200' in server.stdout(), 10, "the access log"
    )
    assert "GET /sl/municipalities/" not in server.stderr()


# A background import's check queued in the server's database, and followed until it ends.
QUEUE_AN_IMPORT = """
import time
import django
django.setup()
from projects.models import Organisation
from regionportal.base import import_jobs
job = import_jobs.start(
    model=Organisation, user=None, file_name="partnerji.csv", file_format="csv",
    data="slug,name,country_code\\nnova,Nova organizacija,HR\\n".encode(), row_count=1,
    language="sl",
)
for _ in range(300):
    job.refresh_from_db()
    if job.state not in import_jobs.UNFINISHED:
        break
    time.sleep(0.1)
print(job.state, job.report["totals"]["new"] if job.report else None)
"""


@pytest.mark.server
def test_gunicorn_starts_the_worker_of_the_background_tasks(server):
    assert "Task worker started" in server.stderr()
    result = subprocess.run(
        [sys.executable, "-c", QUEUE_AN_IMPORT],
        cwd=settings.BASE_DIR,
        env=server.environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["checked", "1"]


@pytest.mark.server
def test_a_reload_on_sighup_answers_every_request(server):
    old_workers = set(server.booted_workers())
    statuses, errors = [], []
    stop = threading.Event()

    def visitor():
        while not stop.is_set():
            try:
                statuses.append(fetch(server.port, "/sl/"))
            except OSError as error:
                errors.append(error)

    visitors = [threading.Thread(target=visitor) for _ in range(2)]
    for thread in visitors:
        thread.start()
    try:
        wait_for(lambda: len(statuses) >= 5, 30, "the first answers")
        os.kill(server.process.pid, signal.SIGHUP)
        wait_for(lambda: len(server.booted_workers()) == 4, 30, "the new workers")
        new_workers = set(server.booted_workers()) - old_workers
        for pid in old_workers:
            wait_for(lambda pid=pid: f"Worker exiting (pid: {pid})" in server.stderr(), 30, pid)
        answered_before = len(statuses)
        wait_for(lambda: len(statuses) >= answered_before + 5, 30, "the new workers' answers")
    finally:
        stop.set()
        for thread in visitors:
            thread.join()

    assert errors == []
    assert set(statuses) == {200}
    assert len(new_workers) == 2
    assert server.process.poll() is None
    # The task worker too runs the new code.
    wait_for(lambda: server.stderr().count("Task worker started") == 2, 30, "the new task worker")
