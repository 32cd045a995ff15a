"""Several app servers (README, "Several app servers"): two gunicorn processes that share only
one PostgreSQL database and one Redis cache. A change a staff member makes through one of them
is on both at once, also on pages both served (and so could have cached) before the change."""

import json
import re
import secrets
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import psycopg
import pytest

from tests.servers import (
    SCHEMA_FROM_MODELS,
    Server,
    get,
    production_environment,
    redis_is_running,
    run_python,
    unavailable,
)

POSTGRES = "postgres://regionportal@127.0.0.1:5432"
# A database number of its own in the shared Redis, which the test empties.
REDIS_URL = "redis://127.0.0.1:6379/6"
USERNAME, PASSWORD = "urednica", "geslo-dveh-streznikov-" + "q" * 10
SLUG = "skupni-projekt"
OLD_TITLE, NEW_TITLE = "Prvotni naslov projekta", "Popravljen naslov projekta"

# Run in the servers' environment: a published project and a superuser.
MAKE_RECORDS = f"""
import django
django.setup()
from tests.factories import make_project, make_user
project = make_project(slug={SLUG!r}, acronym="SKUPNI", title_sl={OLD_TITLE!r})
make_user(username={USERNAME!r}, password={PASSWORD!r}, is_superuser=True)
print(project.pk)
"""

EMPTY_THE_CACHE = """
import django
django.setup()
from django.core.cache import cache
cache.clear()
"""


@pytest.fixture(scope="module")
def database():
    """A PostgreSQL database of the test's own, dropped at the end."""
    name = f"regionportal_servers_{secrets.token_hex(4)}"
    try:
        server = psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        unavailable(f"no PostgreSQL on 127.0.0.1:5432 for the servers' database: {error}")
    with server:
        server.execute(f'CREATE DATABASE "{name}"')
        try:
            # The extensions the search's migration makes (the schema comes from the models).
            with psycopg.connect(f"{POSTGRES}/{name}", autocommit=True) as connection:
                connection.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
                connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            yield f"{POSTGRES}/{name}"
        finally:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def servers(database, tmp_path_factory):
    """Two app servers on the database and Redis, one worker each, and the project's id."""
    if not redis_is_running():
        unavailable("no Redis on 127.0.0.1:6379 for the servers' shared cache")
    environments = [
        production_environment(
            database_url=database,
            REDIS_URL=REDIS_URL,
            WEB_CONCURRENCY="1",
            DJANGO_TASK_WORKER="off",
            # The admin edit logs in with a password alone.
            DJANGO_STAFF_2FA="optional",
        )
        for _ in range(2)
    ]
    run_python(SCHEMA_FROM_MODELS, environments[0])
    project_id = int(run_python(MAKE_RECORDS, environments[0]))
    run_python(EMPTY_THE_CACHE, environments[0])
    started = [
        Server(tmp_path_factory.mktemp(f"server-{number}"), environ)
        for number, environ in enumerate(environments, start=1)
    ]
    try:
        for server in started:
            server.wait_until_it_answers()
        yield started, project_id
    finally:
        for server in started:
            server.stop()
        run_python(EMPTY_THE_CACHE, environments[0])


class FormFields(HTMLParser):
    """The name/value pairs a browser submits for the form with the given id (no file)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.in_form, self.fields = form_id, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form or (not attrs.get("name") and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.fields.append((attrs["name"], attrs.get("value", "on")))
                return
            self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = {"name": attrs["name"], "first": None, "chosen": False}
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select["first"] is None:
                self.select["first"] = value
            if "selected" in attrs:
                self.fields.append((self.select["name"], value))
                self.select["chosen"] = True

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select:
            # A single choice with none marked sends its first option, as a browser does.
            if not self.select["chosen"] and self.select["first"] is not None:
                self.fields.append((self.select["name"], self.select["first"]))
            self.select = None


class Browser:
    """A staff member's browser talking to one server: it keeps the cookies."""

    def __init__(self, server):
        self.port, self.cookies = server.port, SimpleCookie()

    def request(self, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, body = get(
            self.port,
            path,
            method="GET" if form is None else "POST",
            body=None if form is None else urlencode(form),
            headers=headers,
        )
        for cookie in response_headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        return status, body

    def submit(self, path, form_id, **changes):
        """GET the page, then POST its form with the fields changed."""
        status, page = self.request(path)
        assert status == 200, page[:2000]
        parser = FormFields(form_id)
        parser.feed(page)
        fields = [(name, changes.get(name, value)) for name, value in parser.fields]
        return self.request(path, [*fields, ("_save", "Shrani")])


def title_on_page(server):
    status, _headers, body = get(server.port, f"/sl/projects/{SLUG}/")
    assert status == 200, body[:2000]
    return NEW_TITLE if NEW_TITLE in body else OLD_TITLE if OLD_TITLE in body else None


def title_in_api(server):
    status, _headers, body = get(server.port, f"/api/v1/projects/{SLUG}/")
    assert status == 200, body[:2000]
    return json.loads(body)["title"]["sl"]


@pytest.mark.server
def test_a_staff_edit_through_one_server_is_on_both_at_once(servers):
    (first, second), project_id = servers
    # Both servers serve the page and the API's answer first, until each answers them from the
    # cache, and from the copy it keeps of what it answered (PageCacheApplication).
    for server in (first, second) * 3:
        assert title_on_page(server) == OLD_TITLE
        assert title_in_api(server) == OLD_TITLE

    # Logged in on the first server, the staff member's session is on the second one too.
    staff = Browser(first)
    staff.submit("/admin/login/?next=/admin/", "login-form", username=USERNAME, password=PASSWORD)
    assert "sessionid" in staff.cookies
    staff.port = second.port
    status, body = staff.submit(
        f"/admin/projects/project/{project_id}/change/", "project_form", title_sl=NEW_TITLE
    )
    assert status == 302, re.findall(
        r'<ul class="errorlist.*?</ul>|class="errornote.*?</p>', body, re.S
    )

    for server in (first, second):
        assert title_on_page(server) == NEW_TITLE
        assert title_in_api(server) == NEW_TITLE
