"""The whole-page cache for anonymous visitors (regionportal.base.page_cache): what it keeps,
what it never keeps, and that every kind of content change is on the next request."""

import time
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
import reversion
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from projects.models import Partnership
from regionportal.base import page_cache
from regionportal.base.publishing import withdraw
from tests import factories
from tests.imports import confirm, dry_run, xlsx_file
from tests.servers import redis_key_prefix

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """An anonymous visitor's browser: a client of its own, never logged in."""
    return Client()


def served_from_cache(client, url, django_assert_num_queries, method="get", **kwargs):
    with django_assert_num_queries(0):
        response = getattr(client, method)(url, **kwargs)
        response.getvalue()  # a download is read to its end
        return response


def test_a_visitors_page_is_kept_and_served_again_without_a_query(
    visitor, django_assert_num_queries
):
    project = factories.make_project(acronym="KEPT")
    url = project.get_absolute_url()
    first = visitor.get(url)
    assert first.status_code == 200

    again = served_from_cache(visitor, url, django_assert_num_queries)
    assert again.content == first.content
    assert again["Cache-Control"] == "public, max-age=30, stale-while-revalidate=60"
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options",
                   "Cross-Origin-Resource-Policy", "Content-Type", "Content-Language"):  # fmt: skip
        assert again[header] == first[header]
    head = served_from_cache(visitor, url, django_assert_num_queries, method="head")
    assert head.status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/sl/projects/", "/en/projects/export.csv/", "/sl/projects/feed/", "/api/v1/projects/"],
    ids=["list", "download", "feed", "api"],
)
def test_downloads_feeds_and_api_answers_are_kept_too(visitor, django_assert_num_queries, url):
    factories.make_project()
    first = visitor.get(url)
    assert first.status_code == 200
    body = first.getvalue()
    assert served_from_cache(visitor, url, django_assert_num_queries).getvalue() == body


def test_the_key_is_the_path_the_query_and_the_language(visitor):
    factories.make_project(acronym="ALFA", title_sl="Alfa", title_en="Alpha")
    factories.make_project(acronym="BETA", title_sl="Beta", title_en="Beta")
    assert "ALFA" in visitor.get("/sl/projects/", {"q": "alfa"}).text
    beta = visitor.get("/sl/projects/", {"q": "beta"}).text
    assert "BETA" in beta
    assert "ALFA" not in beta
    assert '<html lang="en"' in visitor.get("/en/projects/").text
    assert '<html lang="sl"' in visitor.get("/sl/projects/").text


def test_a_conditional_request_is_answered_304(visitor, django_assert_num_queries):
    url = factories.make_project().get_absolute_url()
    first = visitor.get(url)

    by_etag = served_from_cache(
        visitor, url, django_assert_num_queries, headers={"if-none-match": first["ETag"]}
    )
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = visitor.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304


def test_staff_are_never_served_a_kept_page_nor_is_theirs_kept(
    visitor, editor_client, django_assert_num_queries
):
    project = factories.make_project(acronym="SEEN")
    draft = factories.make_project(acronym="DRAFT", state="draft")
    visitor.get(project.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        staff_page = editor_client.get(project.get_absolute_url())
    assert staff_page.status_code == 200
    assert len(queries) > 0  # rendered for them
    assert "private" in staff_page["Cache-Control"]  # and kept by no CDN either
    # A staff member's preview of a draft is theirs alone.
    assert editor_client.get(draft.get_absolute_url()).status_code == 200
    assert visitor.get(draft.get_absolute_url()).status_code == 404


def test_a_response_that_sets_a_cookie_or_is_private_is_not_kept():
    calls = []

    def view(request):
        calls.append(request)
        response = HttpResponse("page")
        if request.GET.get("kind") == "cookie":
            response.set_cookie("seen", "1")
        if request.GET.get("kind") == "private":
            response["Cache-Control"] = "private, no-store"
        return response

    middleware = page_cache.PageCacheMiddleware(view)
    for kind in ("cookie", "private"):
        for _ in range(2):
            middleware(RequestFactory().get("/sl/page/", {"kind": kind}))
    assert len(calls) == 4
    for _ in range(2):
        middleware(RequestFactory().get("/sl/page/", {"kind": "plain"}))
    assert len(calls) == 5


def test_a_kept_page_carries_no_csp_nonce(visitor):
    url = factories.make_project().get_absolute_url()  # its page has JSON-LD
    first, second = visitor.get(url), visitor.get(url)
    assert '<script type="application/ld+json">' in first.text
    for response in (first, second):
        assert "'nonce-" not in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_switch_turns_the_cache_off(visitor, settings):
    settings.PAGE_CACHE = False
    url = factories.make_project().get_absolute_url()
    visitor.get(url)
    with CaptureQueriesContext(connection) as queries:
        visitor.get(url)
    assert len(queries) > 0


def test_what_one_release_kept_is_never_read_by_another(visitor, monkeypatch):
    """After an upgrade the pages and figures the old code made are made anew, though the
    content has not changed (an update() that no signal sees stands for the same content)."""
    project = factories.make_project(acronym="OLD", title_sl="Stari naslov")
    url = project.get_absolute_url()
    assert "Stari naslov" in visitor.get(url).text
    type(project).objects.filter(pk=project.pk).update(title_sl="Novi naslov")
    assert "Stari naslov" in visitor.get(url).text  # kept: the same release, the same content

    monkeypatch.setattr(page_cache, "release", lambda: "the-next-release")

    assert "Novi naslov" in visitor.get(url).text
    assert page_cache.kept_per_content_version("figure", lambda: "new") == "new"
    monkeypatch.setattr(page_cache, "release", lambda: "yet-another-release")
    assert page_cache.kept_per_content_version("figure", lambda: "newer") == "newer"
    assert page_cache.kept_per_content_version("figure", lambda: "not made") == "newer"


def test_a_release_is_the_files_it_is_made_of(tmp_path):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<h1>Naslov</h1>")
    (tmp_path / "pyproject.toml").write_text("[project]")
    (tmp_path / "templates" / "__pycache__").mkdir()
    parts = ("templates", "pyproject.toml", "missing")
    first = page_cache.release_of(tmp_path, parts)

    (tmp_path / "templates" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert page_cache.release_of(tmp_path, parts) == first
    page.write_text("<h1>Nov naslov</h1>")
    changed = page_cache.release_of(tmp_path, parts)
    assert changed != first
    page.write_text("<h1>Naslov</h1>")
    assert page_cache.release_of(tmp_path, parts) == first
    assert len(page_cache.release()) == 16


# Every kind of change is on the next request.


def change_url(record):
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def test_an_admin_save(visitor, admin_client, changeform_data):
    project = factories.make_full_project(title_sl="Stari naslov")
    url = project.get_absolute_url()
    assert "Stari naslov" in visitor.get(url).text
    data = changeform_data(admin_client.get(change_url(project)))
    data["title_sl"] = "Nov naslov"
    assert admin_client.post(change_url(project), data).status_code == 302
    assert "Nov naslov" in visitor.get(url).text


def test_an_admin_delete(visitor, admin_client):
    project = factories.make_project(acronym="GONE")
    assert "GONE" in visitor.get("/sl/projects/").text
    delete = reverse("admin:projects_project_delete", args=[project.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert "GONE" not in visitor.get("/sl/projects/").text
    assert visitor.get(project.get_absolute_url()).status_code == 404


def test_an_inline_change(visitor, admin_client, changeform_data):
    project = factories.make_full_project(partners=1)
    url = project.get_absolute_url()
    assert "123.456,00 €" not in visitor.get(url).text
    data = changeform_data(admin_client.get(change_url(project)))
    data["partnerships-1-budget"] = "123456"
    assert admin_client.post(change_url(project), data).status_code == 302
    assert Partnership.objects.filter(budget=Decimal("123456")).exists()
    assert "123.456,00 €" in visitor.get(url).text


def test_a_many_to_many_change(visitor, admin_client, changeform_data):
    project = factories.make_full_project(acronym="LINKED")
    celje = factories.make_municipality(name="Celje")
    url = celje.get_absolute_url()
    assert "LINKED" not in visitor.get(url).text
    data = changeform_data(admin_client.get(change_url(project)))
    data["municipalities"] = [str(celje.pk)]
    assert admin_client.post(change_url(project), data).status_code == 302
    assert "LINKED" in visitor.get(url).text


def test_an_import(visitor, editor_client):
    project = factories.make_project(slug="uvozen", acronym="UVOZ", title_sl="Pred uvozom")
    url = project.get_absolute_url()
    assert "Pred uvozom" in visitor.get(url).text
    rows = [["slug", "acronym", "title"], ["uvozen", "UVOZ", "Po uvozu"]]
    checked = dry_run(editor_client, "/admin/projects/project/import/", xlsx_file(rows))
    assert (
        confirm(editor_client, "/admin/projects/project/process_import/", checked).status_code
        == 302
    )
    assert "Po uvozu" in visitor.get(url).text


def test_a_restore_from_history(visitor, admin_client, changeform_data):
    with reversion.create_revision():
        project = factories.make_full_project(title_sl="Prvi naslov")
    url = project.get_absolute_url()
    data = changeform_data(admin_client.get(change_url(project)))
    data["title_sl"] = "Drugi naslov"
    admin_client.post(change_url(project), data)
    assert "Drugi naslov" in visitor.get(url).text

    first = Version.objects.get_for_object(project).order_by("pk").first()
    revision = reverse("admin:projects_project_revision", args=[project.pk, first.pk])
    assert (
        admin_client.post(revision, changeform_data(admin_client.get(revision))).status_code == 302
    )
    assert "Prvi naslov" in visitor.get(url).text


def test_a_workflow_step(visitor, publisher):
    project = factories.make_project(acronym="OUT")
    assert visitor.get(project.get_absolute_url()).status_code == 200
    withdraw(record=project, user=publisher, comment="Napačni podatki")
    assert visitor.get(project.get_absolute_url()).status_code == 404
    assert "OUT" not in visitor.get("/sl/projects/").text


def test_load_content(visitor):
    assert ">CLEAN<" not in visitor.get("/sl/projects/").text
    assert visitor.get("/sl/projects/clean/").status_code == 404
    call_command("load_content", stdout=StringIO())
    assert ">CLEAN<" in visitor.get("/sl/projects/").text
    assert visitor.get("/sl/projects/clean/").status_code == 200


def test_a_scheduled_publication_coming_due(visitor):
    # The list is made once first, so that making it again is quick, well within the seconds
    # before the publication is due even on a busy machine.
    visitor.get("/sl/projects/")
    due = timezone.now() + timedelta(seconds=3)
    factories.make_project(acronym="SOON", publish_at=due)
    assert "SOON" not in visitor.get("/sl/projects/").text
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert "SOON" in visitor.get("/sl/projects/").text


# The WSGI application in front of Django's (regionportal/wsgi.py), which production serves.


def wsgi_get(application, path, method="GET", **headers):
    """A request straight to a WSGI application: (status line, headers, body)."""
    environ = RequestFactory(**headers).generic(method, path).environ
    answer = {}

    def start_response(status, response_headers):
        answer.update(status=status, headers=dict(response_headers))

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture
def production_application():
    """regionportal.wsgi's application, but leaving the test's database connection open at the
    end of a request, as Django's test client does (it is inside the test's transaction)."""
    from django.core import signals
    from django.db import close_old_connections

    from regionportal.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield application
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def not_to_be_called(environ, start_response):
    raise AssertionError("the request went on to Django")


def test_production_answers_a_kept_page_before_django_handles_the_request(
    visitor, production_application
):
    application = production_application
    project = factories.make_project(acronym="FRONT")
    url = project.get_absolute_url()
    status, headers, body = wsgi_get(application, url)  # made by Django, and kept
    assert status == "200 OK"
    assert b"FRONT" in body

    in_front = page_cache.PageCacheApplication(not_to_be_called)
    assert wsgi_get(in_front, url) == (status, headers, body)
    assert headers["Cache-Control"] == "public, max-age=30, stale-while-revalidate=60"
    assert "Content-Security-Policy" in headers

    head_status, head_headers, head_body = wsgi_get(in_front, url, method="HEAD")
    assert (head_status, head_body) == ("200 OK", b"")
    assert head_headers["Content-Length"] == headers["Content-Length"]

    not_modified = wsgi_get(in_front, url, HTTP_IF_NONE_MATCH=headers["ETag"])
    assert not_modified[0] == "304 Not Modified"
    assert not_modified[2] == b""


def test_production_passes_on_what_is_not_kept_for_this_visitor(
    visitor, admin_user, production_application
):
    application = production_application
    project = factories.make_project(acronym="FRONT")
    url = project.get_absolute_url()
    wsgi_get(application, url)

    project.title_sl = "Nov naslov"
    project.save()
    status, _headers, body = wsgi_get(application, url)
    assert status == "200 OK"
    assert "Nov naslov" in body.decode()

    in_front = page_cache.PageCacheApplication(not_to_be_called)
    staff = Client()
    staff.force_login(admin_user)
    session = f"sessionid={staff.cookies['sessionid'].value}"
    for path, headers in [
        (url, {"HTTP_COOKIE": session}),
        (url, {"HTTP_AUTHORIZATION": "Token abc"}),
        (url, {"HTTP_HOST": "elsewhere.example"}),
        ("/sl/search/?q=never-asked", {}),
    ]:
        with pytest.raises(AssertionError, match="went on to Django"):
            wsgi_get(in_front, path, **headers)


def test_a_host_not_allowed_is_refused_and_nothing_is_kept_for_it(visitor):
    url = factories.make_project().get_absolute_url()
    assert visitor.get(url, headers={"host": "elsewhere.example"}).status_code == 400
    in_front = page_cache.PageCacheApplication(not_to_be_called)
    with pytest.raises(AssertionError, match="went on to Django"):
        wsgi_get(in_front, url, HTTP_HOST="elsewhere.example")


def test_a_servers_copy_of_a_page_is_answered_until_the_content_changes(
    production_application,
):
    """Each server keeps a copy of the pages it answered; a copy is good for as long as the
    content version it was made under, which every change bumps in the shared cache."""
    project = factories.make_project(acronym="COPY", title_sl="Prvi naslov")
    url = project.get_absolute_url()
    wsgi_get(production_application, url)  # made by Django, and kept in the cache
    server = page_cache.PageCacheApplication(not_to_be_called)
    first = wsgi_get(server, url)  # read from the cache, and copied
    assert "Prvi naslov" in first[2].decode()

    # The cache's page is gone (evicted), its version is not: the server answers its copy.
    page_cache.cache.delete(page_cache._key(RequestFactory().get(url)))
    assert wsgi_get(server, url) == first

    project.title_sl = "Drugi naslov"
    project.save()
    with pytest.raises(AssertionError, match="went on to Django"):
        wsgi_get(server, url)
    assert "Drugi naslov" in wsgi_get(production_application, url)[2].decode()


@pytest.fixture
def shared_cache(settings):
    """The page cache on Redis, as several app servers share it in production, under a key
    prefix of the test's own."""
    with redis_key_prefix(SHARED_REDIS_URL) as prefix:
        settings.CACHES = {
            "default": {
                "BACKEND": "regionportal.base.cache_backends.RedisCache",
                "LOCATION": SHARED_REDIS_URL,
                "KEY_PREFIX": prefix,
            }
        }
        assert page_cache.cache_is_shared()
        yield caches["default"]


SHARED_REDIS_URL = "redis://127.0.0.1:6379/4"


class StoppedClock:
    """The page cache's clock, standing still but for its own waits: however long a request
    takes on a busy machine, a lease is over only because a writer waited it out."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds

    def time(self):
        return time.time()

    def time_ns(self):
        return time.time_ns()


@pytest.fixture
def stopped_clock(monkeypatch):
    clock = StoppedClock()
    monkeypatch.setattr(page_cache, "time", clock)
    return clock


def counted_cache_reads(cache, monkeypatch):
    reads = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))
    return reads


def test_on_a_shared_cache_a_servers_copy_is_answered_without_asking_while_its_lease_lasts(
    shared_cache, production_application, monkeypatch
):
    url = factories.make_project(acronym="LEASE").get_absolute_url()
    wsgi_get(production_application, url)  # made by Django, and kept in the cache
    server = page_cache.PageCacheApplication(not_to_be_called)
    first = wsgi_get(server, url)  # read from the cache with the version: a lease, and a copy
    reads = counted_cache_reads(shared_cache, monkeypatch)
    monkeypatch.setattr(page_cache, "VERSION_LEASE_SECONDS", 60)
    assert wsgi_get(server, url) == first
    assert reads == []

    monkeypatch.setattr(page_cache, "VERSION_LEASE_SECONDS", 0)  # the lease is over
    assert wsgi_get(server, url) == first
    assert reads == [[page_cache.VERSION_KEY, page_cache.NEXT_PUBLICATION_KEY]]


def test_on_a_shared_cache_a_staff_edit_is_on_another_servers_next_request_within_its_lease(
    shared_cache, stopped_clock, production_application, admin_client, changeform_data
):
    project = factories.make_full_project(title_sl="Stari naslov")
    url = project.get_absolute_url()
    wsgi_get(production_application, url)
    data = changeform_data(admin_client.get(change_url(project)))
    data["title_sl"] = "Nov naslov"
    other_server = page_cache.PageCacheApplication(not_to_be_called)
    assert "Stari naslov" in wsgi_get(other_server, url)[2].decode()  # its lease begins
    assert admin_client.post(change_url(project), data).status_code == 302
    with pytest.raises(AssertionError, match="went on to Django"):
        wsgi_get(other_server, url)
    # (Through the test client: its requests end as the admin client's did, leaving the test's
    # transaction and its connection open.)
    assert "Nov naslov" in Client().get(url).text


def test_on_a_shared_cache_a_commands_change_is_on_another_servers_next_request(
    shared_cache, stopped_clock, production_application
):
    """A command or a background task writes outside any request (generate_demo_data bumps the
    version itself, after its bulk writes): it waits out the leases before it goes on."""
    url = factories.make_project(acronym="BULK").get_absolute_url()
    wsgi_get(production_application, url)
    other_server = page_cache.PageCacheApplication(not_to_be_called)
    wsgi_get(other_server, url)
    page_cache.bump_content_version()
    with pytest.raises(AssertionError, match="went on to Django"):
        wsgi_get(other_server, url)


def test_a_servers_copies_take_no_more_than_their_share_of_memory():
    recent = page_cache.RecentPages(size=10)
    recent.put("first", (1, 200, [], b"123456"))
    recent.put("second", (1, 200, [], b"123456"))
    recent.put("too large", (1, 200, [], b"12345678901"))
    assert recent.get("first") is None
    assert recent.get("second") == (1, 200, [], b"123456")
    assert recent.get("too large") is None
    assert recent.used == 6
