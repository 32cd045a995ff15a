"""gunicorn as production runs it, started by a test on a free port of 127.0.0.1 and talked to
over HTTP (tests/regionportal/test_serve.py, test_servers.py)."""

import contextlib
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time

import pytest
import redis
from django.conf import settings

GUNICORN_CONF = settings.BASE_DIR / "regionportal" / "gunicorn.conf.py"

# The database's tables made straight from the models, as pytest-django's --no-migrations makes
# them: a second, where running every migration takes several.
SCHEMA_FROM_MODELS = """
import importlib
import django
django.setup()
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
if connection.vendor == "postgresql":
    # What the generated search columns need before their tables: the extension and the
    # portal's fold function, as their migrations make them.
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    fold = importlib.import_module("regionportal.base.migrations.0009_fold_function")
    with connection.schema_editor() as schema_editor:
        fold.create_fold_function(None, schema_editor)
settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, verbosity=0)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def unavailable(reason):
    """CI starts PostgreSQL and Redis (.ci/run), so there a missing one fails the test; a new
    developer's `make test` passes without them."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@contextlib.contextmanager
def redis_key_prefix(url):
    """A key prefix of the test's own on the Redis at `url` (on 127.0.0.1:6379), whose keys are
    deleted at the end; nothing else in the database is touched."""
    if not redis_is_running():
        unavailable("no Redis on 127.0.0.1:6379")
    prefix = f"test-{secrets.token_hex(4)}"
    try:
        yield prefix
    finally:
        server = redis.Redis.from_url(url)
        keys = list(server.scan_iter(f"{prefix}:*"))
        if keys:
            server.delete(*keys)


def production_environment(*, database_url, **variables):
    """This process's environment without the portal's settings, and production's settings for
    a server on a free port of 127.0.0.1 (PORT) with two workers, plus `variables`."""
    return {
        **{
            name: value
            for name, value in os.environ.items()
            if not name.startswith("DJANGO_") and name not in {"BIND", "REDIS_URL"}
        },
        "DJANGO_SECRET_KEY": "test-only-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # The test talks plain HTTP to gunicorn, as the reverse proxy would.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "PORT": str(free_port()),
        "WEB_CONCURRENCY": "2",
        "DJANGO_SETTINGS_MODULE": "regionportal.settings",
        **variables,
    }


def get(port, path, *, method="GET", body=None, headers=None):
    """One request to 127.0.0.1:port: (status, headers, body as text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def fetch(port, path):
    """The status of a GET."""
    return get(port, path)[0]


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}")


def run_python(code, environ):
    """Python code in the server's environment (its database and cache): its standard output."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout


class Server:
    """gunicorn with regionportal/gunicorn.conf.py, started in `environ` (which names its PORT),
    its standard output and error in the folder."""

    def __init__(self, folder, environ):
        self.port, self.environ = int(environ["PORT"]), environ
        self.stdout_path, self.stderr_path = folder / "stdout.log", folder / "stderr.log"
        with self.stdout_path.open("w") as out, self.stderr_path.open("w") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONF)],
                cwd=settings.BASE_DIR,
                env=environ,
                stdout=out,
                stderr=err,
                # A group of its own, so that stop() ends the task worker it starts too, even
                # when gunicorn itself had to be killed before it could stop the worker.
                start_new_session=True,
            )

    def stdout(self):
        return self.stdout_path.read_text()

    def stderr(self):
        return self.stderr_path.read_text()

    def booted_workers(self):
        return re.findall(r"Booting worker with pid: (\d+)", self.stderr())

    def answers(self):
        try:
            return fetch(self.port, "/health/") == 200
        except OSError:
            return False

    def wait_until_it_answers(self):
        wait_for(lambda: self.answers() or self.process.poll() is not None, 60, "gunicorn")
        assert self.process.poll() is None, self.stderr()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        # Whatever is left of its group: nothing once gunicorn has stopped its task worker
        # itself, as it does when it stops in time.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
