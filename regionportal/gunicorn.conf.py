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

Any other gunicorn setting can be given in GUNICORN_CMD_ARGS, e.g. `--timeout 60`.
"""

import os

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
