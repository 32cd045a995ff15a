"""Browser tests: Debian's Chromium driven by Playwright against a live test server.

The content of the presentation is loaded once per test module and committed, so that the live
server's thread sees it on every database; it is flushed after the module and the database is
put back as the migrations left it. Tests here only read: they click, type and look (each still
runs in a transaction of its own, rolled back after it, as any pytest-django database test).
"""

import mimetypes
import os
import shutil
import threading
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import modify_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.browser.viewports import DESKTOP
from tests.database import as_migrated_afterwards

# Playwright's sync API runs an event loop in the test thread; the test thread's own database
# calls (setting up data) are still synchronous and safe. Django reads this when it checks.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # A database test: pytest-django then sets up the test database (without a test
            # that asks for one it sets up none, and the server would use the real one).
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_FLAGS, headless=True
        )
        yield chromium
        chromium.close()


class _MediaAsTheProxyServesIt:
    """Uploaded images under MEDIA_URL, from MEDIA_ROOT as it is at the request, as the reverse
    proxy serves them in production (README); everything else goes to the portal."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(settings.MEDIA_URL):
            return self.application(environ, start_response)
        file = (Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)).resolve()
        if not file.is_file() or Path(settings.MEDIA_ROOT).resolve() not in file.parents:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"Not found"]
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", content_type)])
        return [file.read_bytes()]


class _OneRequestAtATime:
    """Serves one request at a time. On SQLite the test database is in memory, and the live
    server's request threads share the test's one connection: two requests at once on it can
    deadlock inside Python's sqlite3 module (one thread holds the GIL and waits for SQLite's
    connection lock, the other holds that lock and waits for the GIL in a Python SQL function),
    and the test then waits for ever. PostgreSQL gives each thread its own connection."""

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            # A streamed response reads the database while it is sent: read it under the lock.
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


def _as_in_production(handler):
    served = _MediaAsTheProxyServesIt(handler)
    if connection.vendor == "sqlite":
        return _OneRequestAtATime(served)
    return served


@pytest.fixture(scope="session")
def portal_server(django_db_setup):
    """One live server for every browser test (pytest-django's `live_server` would make each
    test flush the database, and so load the content again).

    Static files come as in production, from WhiteNoise serving the collected, hashed files:
    the test server's own static handler looks for them unhashed and would answer 404.
    """
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _as_in_production
    server.start()
    allowed_host = modify_settings(ALLOWED_HOSTS={"append": "localhost"})
    allowed_host.enable()
    yield server
    allowed_host.disable()
    server.stop()


@pytest.fixture(scope="module")
def _content(portal_server, django_db_blocker):
    """The presentation's content, committed for one test module and flushed after it."""
    with django_db_blocker.unblock():
        assert _is_test_database(), f"Not a test database: {connection.settings_dict['NAME']}"
        with as_migrated_afterwards():
            call_command("load_content", stdout=StringIO())
            yield


@pytest.fixture
def site(portal_server, _content):
    """The live server's address, with the presentation's content loaded."""
    return portal_server.url


def _is_test_database():
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return True
    return str(connection.settings_dict["NAME"]).startswith("test_")


def _new_page(browser, **context_options):
    context = browser.new_context(viewport=DESKTOP, **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def page(browser):
    context, page = _new_page(browser)
    yield page
    context.close()


@pytest.fixture
def page_problems(page):
    """What went wrong while the page loaded: subresources that failed (a stylesheet, an image)
    and errors in the console (a Content-Security-Policy refusal, a script error)."""
    problems = []

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} {response.url}")

    def on_console(message):
        # The 404 page's own status is logged as a failed resource; that one is expected.
        if message.type == "error" and "status of 404" not in message.text:
            problems.append(f"console: {message.text}")

    page.on("response", on_response)
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    page.on("console", on_console)
    return problems


@pytest.fixture
def new_page(browser):
    """Return a function that opens a page in a new browser context with Playwright's context
    options (locale="sl-SI", java_script_enabled=False); the contexts close after the test."""
    contexts = []

    def open_page(**context_options):
        context, page = _new_page(browser, **context_options)
        contexts.append(context)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page_without_js(browser):
    context, page = _new_page(browser, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    """Lays the current page out at a given width and, with BROWSER_SCREENSHOTS=1 in the
    environment, saves it as a full-page PNG artefact in test-artifacts/screenshots/ (for a person
    to look at; the tests' own checks do not need the pictures, which cost about a second each)."""

    def take(name, width):
        page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        if not os.environ.get("BROWSER_SCREENSHOTS"):
            return None
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def axe_violations(axe, page):
    """Return a function that runs axe-core on the page as it is now, with the WCAG 2.1 A and AA
    rules, and returns (count of violations, a readable report); with `impacts`, of the
    violations of those impacts only ("critical", "serious", "moderate", "minor"); `on`, another
    page than the test's `page` (one of several a test opened with `new_page`)."""

    def check(impacts=None, *, on=None):
        checked = page if on is None else on
        results = axe.run(checked, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert results.response["passes"], "axe-core checked nothing on this page"
        violations = [
            violation
            for violation in results.response["violations"]
            if impacts is None or violation["impact"] in impacts
        ]
        lines = []
        for violation in violations:
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                summary = node["failureSummary"].replace("\n", "\n        ")
                lines.append(f"    {', '.join(map(str, node['target']))}:\n        {summary}")
        return len(violations), "\n".join(lines)

    return check
