"""`manage.py check_links` against a web server on this machine: what each address answers is
recorded, and nothing that staff wrote changes."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from regionportal.base import links
from regionportal.base.models import LinkCheck, Source
from tests import factories


class Handler(BaseHTTPRequestHandler):
    """Answers by path: /ok 200, /missing 404, /broken 500, /moved a redirect to /ok, /slow
    200 after a second, /head-refused 405 to HEAD and 200 to GET."""

    requests: list[tuple[str, str, str]]

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def answer(self):
        self.server.requests.append((self.command, self.path, self.headers["User-Agent"]))
        if self.path == "/slow":
            time.sleep(1)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/ok")
        elif self.path == "/head-refused" and self.command == "HEAD":
            self.send_response(405)
        else:
            status = {"/ok": 200, "/slow": 200, "/head-refused": 200, "/broken": 500}
            self.send_response(status.get(self.path, 404))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass  # keeps the test output clean


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def address(server, path):
    return f"http://127.0.0.1:{server.server_port}{path}"


@pytest.fixture
def refused_address():
    """An address on this machine where nothing listens."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def run_check_links(*args):
    out = StringIO()
    with translation.override("sl"):
        call_command("check_links", "--timeout", "0.3", "--pause", "0", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_each_address_is_recorded_with_its_answer(server, refused_address):
    urls = {
        "ok": address(server, "/ok"),
        "missing": address(server, "/missing"),
        "broken": address(server, "/broken"),
        "moved": address(server, "/moved"),
        "slow": address(server, "/slow"),
        "refused": refused_address,
    }
    for name, url in urls.items():
        factories.make_source(title=f"Vir {name}", url=url)

    output = run_check_links()

    checks = {check.url: check for check in LinkCheck.objects.all()}
    found = {
        name: (checks[url].answered, checks[url].status_code, checks[url].error)
        for name, url in urls.items()
    }
    assert found == {
        "ok": (True, 200, ""),
        "missing": (False, 404, ""),
        "broken": (False, 500, ""),
        "moved": (True, 200, ""),
        "slow": (False, None, "timeout"),
        "refused": (False, None, "refused"),
    }
    assert output.splitlines()[-1] == "Preverjenih 6 naslovov, 4 ne odgovarjajo."
    assert f"  404  {urls['missing']}" in output.splitlines()
    assert f"  Povezava zavrnjena  {refused_address}" in output.splitlines()


@pytest.mark.django_db
def test_a_refused_head_is_asked_again_with_get_under_the_portals_name(server):
    url = address(server, "/head-refused")
    factories.make_source(url=url)

    assert run_check_links().splitlines()[-1] == "Preverjen 1 naslov, 0 ne odgovarja."

    assert LinkCheck.objects.get(url=url).status_code == 200
    assert server.requests == [
        ("HEAD", "/head-refused", links.USER_AGENT),
        ("GET", "/head-refused", links.USER_AGENT),
    ]


@pytest.mark.django_db
def test_project_links_are_checked_and_each_address_once(server):
    url = address(server, "/missing")
    factories.make_source(url=url)
    factories.make_link(url=url)
    factories.make_link(url=address(server, "/ok"))
    factories.make_source(url="")

    assert run_check_links().splitlines()[-1] == "Preverjena 2 naslova, 1 ne odgovarja."
    assert sorted(path for _method, path, _agent in server.requests) == ["/missing", "/ok"]


@pytest.mark.django_db
def test_the_check_writes_only_its_own_records(server):
    source = factories.make_source(title="Strategija", url=address(server, "/missing"), year=2021)
    before = Source.objects.values().get(pk=source.pk)

    run_check_links()
    run_check_links()

    assert Source.objects.values().get(pk=source.pk) == before
    assert LinkCheck.objects.count() == 1


@pytest.mark.django_db
def test_only_failed_checks_again_only_what_did_not_answer(server):
    failing = address(server, "/ok")  # it answers now, but did not the last time
    answering = address(server, "/missing")  # the other way round
    factories.make_source(url=failing)
    factories.make_source(url=answering)
    factories.make_source(url=address(server, "/broken"))  # never checked
    checked_at = "2025-01-01T00:00:00+00:00"
    LinkCheck.objects.create(url=failing, checked_at=checked_at, answered=False, status_code=503)
    LinkCheck.objects.create(url=answering, checked_at=checked_at, answered=True, status_code=200)

    output = run_check_links("--only-failed")

    assert output.splitlines()[-1] == "Preverjen 1 naslov, 0 ne odgovarja."
    assert server.requests == [("HEAD", "/ok", links.USER_AGENT)]
    assert LinkCheck.objects.get(url=failing).answered
    assert LinkCheck.objects.get(url=answering).status_code == 200


@pytest.mark.django_db
def test_requests_to_one_host_are_spaced_out(server):
    pauses = []
    links.check_links(
        [address(server, "/ok"), address(server, "/missing"), "http://localhost:1/"],
        timeout=0.3,
        pause=2,
        sleep=pauses.append,
    )
    assert len(pauses) == 1  # localhost is another host
    assert 1.5 < pauses[0] <= 2


def test_an_address_that_is_not_a_web_address_is_not_fetched():
    assert links.fetch("ftp://example.org/file") == links.Answer(error="invalid")
    assert links.fetch("http:///no-host") == links.Answer(error="invalid")


@pytest.mark.django_db
def test_a_failed_tls_handshake_is_recorded_as_such(server):
    # The server speaks plain HTTP: the client's TLS handshake gets no TLS answer.
    url = f"https://127.0.0.1:{server.server_port}/ok"
    factories.make_source(url=url)

    assert run_check_links().splitlines()[-2:] == [
        f"  Napaka potrdila ali povezave TLS  {url}",
        "Preverjen 1 naslov, 1 ne odgovarja.",
    ]
    assert LinkCheck.objects.get(url=url).error == "tls"
