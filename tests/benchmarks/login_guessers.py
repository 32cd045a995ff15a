"""How much password guessers slow the public pages down: a benchmark that prints its figures.

Not a test (pytest does not collect it): `make bench-logins` runs it. It serves the portal under
production settings on a free port of 127.0.0.1, with gunicorn as `make serve` runs it (as many
workers as WEB_CONCURRENCY says, default 2 × cores + 1), on a throw-away SQLite database that
holds the whole content. It measures the latency of the public pages alone, then again while 8
guessers post wrong passwords to the admin's login page, and prints the median and 95th
percentile of both and their ratio. Every loop is bounded in count and time; every request goes
to 127.0.0.1; the server is stopped at the end.

The guessers come from 127.0.0.1, as a guesser without a botnet does; a second round gives each
guesser an address of its own through X-Forwarded-For (the server then trusts one proxy), as
guessers behind different addresses would.
"""

import http.client
import multiprocessing
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parents[2]
GUESSERS = 8
GUESSES_PER_GUESSER = 1000
GUESSING_SECONDS = 40
PAGE_REQUESTS = 200
# The guessers reach the lockout in their first few guesses; the figures from here on show
# what a lockout that holds costs.
LOCKED_AFTER_SECONDS = 5
USERNAME = "bench-admin"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Portal:
    """The portal served on 127.0.0.1 from a throw-away database."""

    def __init__(self, directory):
        self.port = free_port()
        self.server = None
        self.log = directory / "server.log"
        self.env = {
            **os.environ,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": f"bench-only-{secrets.token_urlsafe(32)}",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
            "DATABASE_URL": f"sqlite:///{directory / 'bench.sqlite3'}",
        }
        self.process = None

    def manage(self, *args, **env):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env={**self.env, **env},
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def prepare(self):
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage("load_content")
        self.manage(
            "createsuperuser",
            "--noinput",
            f"--username={USERNAME}",
            "--email=bench@example.org",
            DJANGO_SUPERUSER_PASSWORD=secrets.token_urlsafe(16),
        )

    def start(self, trusted_proxies):
        """Serve, trusting X-Forwarded-For from that many proxies, once the lockouts of an
        earlier round are cleared."""
        self.manage("axes_reset")
        workers = os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1))
        env = {
            **self.env,
            "DJANGO_TRUSTED_PROXY_COUNT": str(trusted_proxies),
            "WEB_CONCURRENCY": workers,
            "PORT": str(self.port),
        }
        # As `make serve` runs it; the access log (standard output) is not kept.
        self.server = f"gunicorn, {workers} workers"
        command = ["-m", "gunicorn", "--config=regionportal/gunicorn.conf.py"]
        self.process = subprocess.Popen(
            [sys.executable, *command],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("a"),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/health/")[0] == 200:
                    return
            except OSError:
                time.sleep(0.5)
        raise SystemExit("The portal did not answer on /health/ within 60 seconds.")

    def stop(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def get(self, path):
        return request(self.port, "GET", path)


def request(port, method, path, body=None, headers=None):
    """One request to the portal on 127.0.0.1: (status, body, Set-Cookie)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode(), response.getheader("Set-Cookie")
    finally:
        connection.close()


def timed_pages(portal, paths, seconds):
    """(seconds since the start, latency) of up to PAGE_REQUESTS requests that take turns over
    `paths`, for at most `seconds`."""
    samples = []
    started = time.monotonic()
    for number in range(PAGE_REQUESTS):
        if time.monotonic() - started > seconds:
            break
        path = paths[number % len(paths)]
        sent = time.perf_counter()
        status, _body, _cookie = portal.get(path)
        samples.append((time.monotonic() - started, time.perf_counter() - sent))
        if status != 200:
            raise SystemExit(f"{path} answered {status}.")
    return samples


def guess(port, address, seconds, results):
    """Post wrong passwords to the login page, with the CSRF token it gives, for `seconds` or
    GUESSES_PER_GUESSER guesses; put the statuses of the answers on `results`."""
    _status, body, cookie = request(port, "GET", "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie.split(";", 1)[0],
        "Referer": f"http://127.0.0.1:{port}/admin/login/",
    }
    if address:
        headers["X-Forwarded-For"] = address
    statuses = []
    stop_at = time.monotonic() + seconds
    for number in range(GUESSES_PER_GUESSER):
        if time.monotonic() > stop_at:
            break
        form = {"csrfmiddlewaretoken": token, "username": USERNAME, "password": f"guess-{number}"}
        status, _body, _cookie = request(
            port, "POST", "/admin/login/", body=urlencode(form), headers=headers
        )
        statuses.append(status)
    results.put(statuses)


def percentiles(latencies):
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure(portal, paths, own_addresses):
    """The pages' samples while GUESSERS processes guess (each its own process, so that the
    guessers do not hold up the measuring thread's interpreter), and the guesses' statuses."""
    results = multiprocessing.Queue()
    guessers = [
        multiprocessing.Process(
            target=guess,
            args=(
                portal.port,
                f"198.51.100.{number + 1}" if own_addresses else None,
                GUESSING_SECONDS,
                results,
            ),
        )
        for number in range(GUESSERS)
    ]
    for guesser in guessers:
        guesser.start()
    time.sleep(0.5)  # the guessers are posting
    samples = timed_pages(portal, paths, GUESSING_SECONDS - 1)
    statuses = [status for _ in guessers for status in results.get(timeout=120)]
    for guesser in guessers:
        guesser.join(timeout=30)
    return samples, statuses


def report(label, latencies, baseline_p95=None):
    p50, p95 = percentiles(latencies)
    line = f"{label:<48} p50 {p50 * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   n={len(latencies)}"
    if baseline_p95:
        line += f"   p95 ratio {p95 / baseline_p95:.2f}×"
    print(line, flush=True)
    return p95


def main():
    with tempfile.TemporaryDirectory(prefix="bench-logins-") as directory:
        portal = Portal(Path(directory))
        print("Preparing a throw-away database with the whole content …", flush=True)
        portal.prepare()
        for round_label, own_addresses in [
            ("8 guessers from 127.0.0.1", False),
            ("8 guessers, each its own X-Forwarded-For", True),
        ]:
            portal.start(trusted_proxies=1 if own_addresses else 0)
            try:
                _status, projects, _cookie = portal.get("/sl/projects/")
                # The first project of the list: the link in its table's row header.
                row_header = r'<th scope="row"[^>]*><a href="(/sl/projects/[^"/]+/)"'
                project = re.search(row_header, projects).group(1)
                paths = ["/sl/", "/sl/projects/", project]
                print(f"Server: {portal.server}; pages: {', '.join(paths)}", flush=True)
                timed_pages(portal, paths, 30)  # warm-up
                baseline = report(
                    "no guessers", [latency for _at, latency in timed_pages(portal, paths, 60)]
                )
                samples, statuses = measure(portal, paths, own_addresses)
                with_guessers = report(round_label, [latency for _at, latency in samples], baseline)
                report(
                    f"  the same, from {LOCKED_AFTER_SECONDS} s on (lockout reached)",
                    [latency for at, latency in samples if at >= LOCKED_AFTER_SECONDS],
                    baseline,
                )
                answers = ", ".join(
                    f"{count} × {status}" for status, count in sorted(Counter(statuses).items())
                )
                print(
                    f"{'':<48} {len(statuses)} guesses answered {answers} "
                    "(200: password checked, 429: refused while locked out)",
                    flush=True,
                )
                log = portal.log.read_text()
                if "Internal Server Error" in log:
                    first_error = log.index("Internal Server Error")
                    print(log[first_error : first_error + 3000], flush=True)
                verdict = "within" if with_guessers <= 2 * baseline else "NOT within"
                print(f"{'':<48} p95 with guessers is {verdict} 2× of normal", flush=True)
            finally:
                portal.stop()


if __name__ == "__main__":
    main()
