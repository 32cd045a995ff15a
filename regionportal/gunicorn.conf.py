"""gunicorn's settings for the portal in production (`make serve`), read from the environment.

- `WEB_CONCURRENCY` workers, by default 2 × the machine's cores + 1;
- on `127.0.0.1:PORT` (`PORT` by default 8000): only a reverse proxy on the same host reaches it.
  `BIND` names other addresses instead, comma-separated, e.g. `0.0.0.0:8000` behind a load
  balancer on another host or `unix:/run/regionportal/gunicorn.sock`;
- the access log on standard output, the error log on standard error.

SIGHUP reloads the code: the master starts new workers, which import the application afresh,
and the old ones finish the requests they are serving before they stop. The listening socket
stays open throughout, so a request that arrives meanwhile waits for a worker and is not
dropped. SIGTERM stops the server gracefully: the workers finish their requests first.

Beside its workers, gunicorn's master starts the worker of the background tasks
(`manage.py db_worker`, Django's tasks on the database backend: a large spreadsheet import),
restarts it with the new code on SIGHUP and stops it when it stops; a SIGTERM lets it finish the
task it is running. `DJANGO_TASK_WORKER=off` leaves it out, for a server whose task worker runs
on its own.

Any other gunicorn setting can be given in GUNICORN_CMD_ARGS, e.g. `--timeout 60`.
"""

import gc
import os
import subprocess
import sys
from pathlib import Path

wsgi_app = "regionportal.wsgi:application"

bind = [
    address.strip()
    for address in os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}").split(",")
    if address.strip()
]
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)

accesslog = "-"
errorlog = "-"

# How long a worker being replaced (SIGHUP) or stopped (SIGTERM) may finish its requests.
graceful_timeout = 30
# Each worker imports the application itself, so the workers a SIGHUP starts run the new code.
preload_app = False
# Signals control the server. The control socket's default path is the same for every gunicorn
# of one user, so a second instance on the machine (another portal, a test) would take it over.
control_socket_disable = True

# Python's garbage collector. A request leaves some thousands of objects in reference cycles, so
# every few dozen requests a full collection runs, and it walks every object the worker holds:
# the application's modules, settings, URL patterns, compiled templates and translations, which
# live as long as the worker. It took 100-130 ms on the benchmark's machine, so one request in
# thirty waited 3-4 times as long as the others. Objects frozen with gc.freeze() are no longer
# walked: each worker freezes what it holds once the application is imported, and again after
# its 1st, 10th and 100th request, when what the pages build on their first use (templates,
# URL resolvers, translation catalogues, per-process caches) is there too. A collection runs just
# before each freeze so that no garbage is frozen; those four collections are the only ones
# that walk everything. (Measured: the full collections afterwards take 5-30 ms.) A frozen
# object that is dropped later is still freed when nothing refers to it; only one in a
# reference cycle stays, and three freezes bound how many such can build up.
FREEZE_AFTER_REQUESTS = frozenset({1, 10, 100})
_requests_served = 0


# The background tasks' worker, a child of gunicorn's master.
_task_worker = None


def _start_task_worker(server):
    global _task_worker
    if os.environ.get("DJANGO_TASK_WORKER", "on").lower() in ("off", "0", "false", "no"):
        return
    _task_worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--verbosity", "1"],
        cwd=Path(__file__).resolve().parent.parent,
    )
    server.log.info("Task worker started (pid: %s)", _task_worker.pid)


def _stop_task_worker(server, *, wait):
    """SIGTERM, which lets the worker finish its task; after `wait` seconds, it is killed (an
    import then interrupted saved nothing, being one transaction, and shows as stopped)."""
    if _task_worker is None or _task_worker.poll() is not None:
        return
    _task_worker.terminate()
    try:
        _task_worker.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        server.log.warning("Task worker %s did not stop; killing it", _task_worker.pid)
        _task_worker.kill()
        _task_worker.wait()


def _freeze_what_the_worker_holds():
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    _freeze_what_the_worker_holds()


def post_request(worker, req, environ, resp):
    global _requests_served
    _requests_served += 1
    if _requests_served in FREEZE_AFTER_REQUESTS:
        _freeze_what_the_worker_holds()


def when_ready(server):
    _start_task_worker(server)


def on_reload(server):
    # The old worker finishes its task in its own time; the new one runs the new code.
    if _task_worker is not None and _task_worker.poll() is None:
        _task_worker.terminate()
    _start_task_worker(server)


def on_exit(server):
    _stop_task_worker(server, wait=graceful_timeout)
