import os
import subprocess
import sys
from io import StringIO

import pytest
from django import forms
from django.conf import settings
from django.core.management import call_command
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from regionportal.base import pdf
from tests.factories import make_user
from tests.staff import log_in_verified


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Hash the tests' passwords with MD5.

    Production's PBKDF2 costs about 0.7 s a password on purpose; the suite makes hundreds of
    staff users and none of its tests is about the hash's strength. A test that counts hashing
    patches the hasher it uses, whichever that is.
    """
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a page an earlier test kept (its rows rolled back
    since, the content version not) is not this test's page."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _kept_files_apart(settings, tmp_path_factory):
    """Each test keeps its large downloads in a folder of its own (the page cache's files,
    regionportal.base.kept_files), as each keeps its pages in an empty cache."""
    settings.PAGE_CACHE_FILES_DIR = tmp_path_factory.mktemp("page-cache")


@pytest.fixture
def editor(db):
    return make_user(group="Urednik")


@pytest.fixture
def reviewer(db):
    return make_user(group="Pregledovalec")


@pytest.fixture
def publisher(db):
    return make_user(group="Odobritelj")


# Staff clients are logged in as a real login leaves them: past the password and the second
# factor, which tests run with (DJANGO_STAFF_2FA is "required" with debug off).
@pytest.fixture
def admin_client(client, admin_user):
    return log_in_verified(client, admin_user)


@pytest.fixture
def editor_client(client, editor):
    return log_in_verified(client, editor)


@pytest.fixture
def reviewer_client(client, reviewer):
    return log_in_verified(client, reviewer)


@pytest.fixture
def publisher_client(publisher):
    """A client of its own, so that a test can have an editor and a publisher at once."""
    return log_in_verified(Client(), publisher)


@pytest.fixture
def get_page(client):
    """Return a function that GETs a public page as a visitor and returns the response, after
    checking that it answers with the status (200 unless given) and is a page of the portal in
    the language of its address (/sl/… or /en/…): one <h1>, and <html lang> that language."""

    def get(url, params=None, *, status=200):
        response = client.get(url, params)
        html = response.content.decode()
        assert response.status_code == status, html[:2000]
        assert html.count("<h1") == 1, f"{url} has {html.count('<h1')} <h1>"
        assert f'<html lang="{url.split("/")[1]}">' in html
        return response

    return get


def _fetch_counting_queries(client, url):
    """GET the address, read the answer to the end (a download queries its rows while it
    streams), check that it is 200 and return (the response, the queries it made). The page
    itself is counted, not the page cache's copy of it, with the figures it shows counted anew
    too (not those kept for the content version)."""
    from regionportal.base.page_cache import bump_content_version

    bump_content_version()
    # The connection's query log keeps 9,000 queries: one that is full counts nothing more.
    reset_queries()
    with override_settings(PAGE_CACHE=False), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = response.getvalue()
    assert response.status_code == 200, body[:2000]
    return response, queries


@pytest.fixture
def count_queries(client):
    """Return a function that gives the number of queries an address takes to answer a visitor
    200 and be read to the end."""

    def count(url):
        return len(_fetch_counting_queries(client, url)[1])

    return count


@pytest.fixture
def assert_constant_queries(client):
    """Return a function that fetches an address (with the visitor's client unless another is
    given), adds rows with `add_rows()`, fetches it again and fails, listing the queries, unless
    both answers took as many queries; it returns the two responses (few rows, more rows)."""

    def assert_constant(url, add_rows, *, client=client):
        # What a first request loads once for the process (content types …) is not counted.
        _fetch_counting_queries(client, url)
        few_rows, few = _fetch_counting_queries(client, url)
        add_rows()
        more_rows, more = _fetch_counting_queries(client, url)
        assert len(more) == len(few), (
            f"{url}: {len(few)} queries with few rows, {len(more)} with more:\n"
            + "\n".join(query["sql"] for query in more.captured_queries)
        )
        return few_rows, more_rows

    return assert_constant


def _post_value(bound_field):
    value = bound_field.value()
    if isinstance(bound_field.field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return [str(item) for item in value or []]
    if value is None:
        return ""
    if value is True:
        return "on"
    return str(value)


@pytest.fixture
def changeform_data():
    """Return a function that gives the data a browser would post back from an admin add,
    change, revision or recover page, with every field as the page shows it."""

    def collect(response):
        page_forms = [response.context["adminform"].form]
        for inline in response.context["inline_admin_formsets"]:
            page_forms.append(inline.formset.management_form)
            page_forms.extend(inline.formset.forms)
        data = {}
        for form in page_forms:
            for bound_field in form:
                widget = bound_field.field.widget
                if isinstance(widget, forms.MultiWidget):
                    # Several inputs (a date and a time): each as the page renders it.
                    context = widget.get_context(bound_field.html_name, bound_field.value(), {})
                    for subwidget in context["widget"]["subwidgets"]:
                        data[subwidget["name"]] = subwidget["value"] or ""
                    continue
                if bound_field.value() is False:
                    continue  # an unticked checkbox is not sent
                data[bound_field.html_name] = _post_value(bound_field)
        return data

    return collect


@pytest.fixture(scope="module")
def loaded_content(django_db_setup, django_db_blocker):
    """The whole content of the presentation, loaded once per module and rolled back after it.

    Each test still runs in its own savepoint (the `db` fixture), so what a test writes is gone
    before the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="session")
def pdf_engine():
    """Skips a test that builds PDFs on a machine without Pango (CI fails instead): a new
    developer's `make test` passes before they install it."""
    if pdf.UNAVAILABLE:
        if os.environ.get("CI"):
            pytest.fail(pdf.UNAVAILABLE)
        pytest.skip(pdf.UNAVAILABLE)


@pytest.fixture(scope="session")
def run_manage():
    """Return a function that runs `manage.py` with its arguments in a new process, as an
    operator would start it: with none of the tests' DJANGO_* settings or DATABASE_URL, only
    the ones given as keywords. It returns the finished process (return code, stdout, stderr)."""

    def run(*args, **env_overrides):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("DJANGO_") and key != "DATABASE_URL"
        }
        env.update(env_overrides)
        return subprocess.run(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run


def pytest_collection_modifyitems(items):
    """The tests marked slow first: a parallel run starts them at once rather than ending on
    one of them while the other workers are idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
