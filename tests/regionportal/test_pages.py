"""Site-wide: every public page, with the whole content loaded, in both languages; bad input on
every page that reads the address; unknown addresses; the error pages.

The pages are found from the URL configuration, so a new page is checked as soon as it has a
name; a new page with a slug needs its records named in DETAIL_PAGES (tests/public_pages.py).
"""

from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, translate_url
from django.utils import translation
from django_tables2 import Table
from pytest_django.asserts import assertContains

from projects.models import Project
from regionportal import urls
from regionportal.site import views
from tests.headings import empty_headings
from tests.public_pages import (
    DETAIL_PAGES,
    NOT_HTML,
    html_page_names,
    paths_of,
    public_paths,
    url_names,
)

LANGUAGES = ["sl", "en"]
# What a visitor or a robot may put in the address (see the brief's "bad input").
NASTY_VALUES = [
    "no-such-choice",
    "abc",
    "-1",
    "0",
    "1.5",
    "99999999999999999999",
    "999999",
    "x" * 5000,
    "\x00",
    "%00",
    "\u200f\u202eabc\u202c",
    "😀",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "",
]
ALWAYS_TRIED = ["q", "page", "sort"]


class PageParser(HTMLParser):
    """What the checks need from a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.h1_count = 0
        self.html_lang = None
        self.canonical = []
        self.descriptions = []
        self.hreflang = {}
        self.switch = {}
        self.ids = Counter()
        self._in_switch = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if tag == "h1":
            self.h1_count += 1
        elif tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href"))
        elif tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang"):
            self.hreflang[attrs["hreflang"]] = attrs.get("href")
        elif tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content") or "")
        elif tag == "nav" and "language-switch" in (attrs.get("class") or ""):
            self._in_switch = True
        elif tag == "a" and self._in_switch:
            self.switch[attrs.get("hreflang")] = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switch = False


def parse(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def content(loaded_content, db):
    """The presentation's whole content, loaded once for the module."""


def page_problems(path, response, language):
    """What is wrong with the page, in words; nothing for a good page."""
    if response.status_code != 200:
        return [f"answers {response.status_code}"]
    page = parse(response)
    problems = []
    other = next(code for code in LANGUAGES if code != language)
    expected = {
        "one <h1>": page.h1_count == 1,
        f'<html lang="{language}">': page.html_lang == language,
        "its own canonical link": page.canonical == [f"http://testserver{path}"],
        "a meta description": len(page.descriptions) == 1 and page.descriptions[0].strip(),
        "hreflang alternates": page.hreflang
        == {
            "sl": f"http://testserver{translate_url(path, 'sl')}",
            "en": f"http://testserver{translate_url(path, 'en')}",
            "x-default": f"http://testserver{translate_url(path, 'sl').removeprefix('/sl')}",
        },
        "a switch to the same page in the other language": page.switch
        == {other: translate_url(path, other)},
        "unique ids": all(count == 1 for count in page.ids.values()),
        "no heading without content under it": not empty_headings(response.content.decode()),
    }
    problems += [what for what, holds in expected.items() if not holds]
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_with_one_h1_its_language_and_its_links(
    client, content, language
):
    paths = public_paths(language)
    assert len(paths) > 80  # the 31 municipalities, every project, partner, programme …

    problems = {}
    for path in paths:
        found = page_problems(path, client.get(path), language)
        if found:
            problems[path] = found

    assert problems == {}


def test_every_detail_page_type_is_in_the_check():
    names = {name for name, converters in url_names() if converters and name not in NOT_HTML}
    assert names == set(DETAIL_PAGES)


def test_the_language_switch_keeps_the_query_string(client, content):
    response = client.get("/sl/projects/", {"status": "completed", "sort": "acronym"})

    assert parse(response).switch == {"en": "/en/projects/?status=completed&sort=acronym"}


def parameters_read_by(response):
    """The query parameters the page reads: its forms' fields, its table's sort and page, and
    the usual q, page and sort."""
    names = set(ALWAYS_TRIED)
    for context in response.context or []:
        for value in context.flatten().values():
            form = getattr(value, "form", value)  # a FilterSet has its form
            if hasattr(form, "fields") and hasattr(form, "is_bound"):
                names |= {form.add_prefix(name) for name in form.fields}
            if isinstance(value, Table):
                names |= {value.prefixed_order_by_field, value.prefixed_page_field}
    return sorted(names)


# One test a page, so that the test processes share them out.
@pytest.mark.parametrize("name", html_page_names())
def test_bad_input_in_any_parameter_of_any_page_gives_a_page(client, content, name):
    (path,) = paths_of(name, "sl", every_record=False)
    parameters = parameters_read_by(client.get(path))
    # A page with no form or table reads none of them: a few values show it ignores them.
    values = NASTY_VALUES if parameters != ALWAYS_TRIED else NASTY_VALUES[5:9]
    failures = []
    for parameter in parameters:
        for value in values:
            response = client.get(path, {parameter: value})
            if response.status_code != 200 or parse(response).h1_count != 1:
                failures.append((parameter, value[:20], response.status_code))
    assert failures == []


def test_bad_input_in_every_parameter_at_once(client, content):
    failures = []
    for path in public_paths("en", every_record=False):
        parameters = parameters_read_by(client.get(path))
        for value in ["99999999999999999999", "\x00", "😀" * 300]:
            response = client.get(path, dict.fromkeys(parameters, value))
            if response.status_code != 200:
                failures.append((path, value[:10], response.status_code))
    assert failures == []


def test_repeated_and_undecodable_parameters_give_a_page(client, content):
    for path in ["/sl/projects/", "/sl/partners/", "/sl/search/"]:
        response = client.get(f"{path}?q=a&q=b&page=1&page=x&sort=%ED%A0%80&%FF=%FE")
        assert response.status_code == 200, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_slugs_give_the_404_page_in_the_language_of_the_address(client, content, language):
    pages = [(name, converters) for name, converters in url_names() if converters]
    with translation.override(language):
        # Besides the slug, a project's document has its number (the project is not found).
        paths = [
            reverse(name, kwargs={key: "no-such-page" if key == "slug" else 1 for key in keys})
            for name, keys in pages
        ]
    paths.append(f"/{language}/no/such/page/")

    for path in paths:
        response = client.get(path)
        assert response.status_code == 404, path
        page = parse(response)
        assert page.html_lang == language, path
        assert page.h1_count == 1, path
        assertContains(response, '<meta name="robots" content="noindex">', status_code=404)
    if language == "en":
        assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)


def test_an_unpublished_project_has_no_page(client, content):
    project = Project.objects.published().first()
    Project.objects.filter(pk=project.pk).update(state="draft")

    assert client.get(f"/en/projects/{project.slug}/").status_code == 404


@pytest.fixture
def failing_pages(monkeypatch):
    """The home and about pages fail as they would with the database down."""

    def fail(self, **kwargs):
        raise OperationalError("the database is down")

    monkeypatch.setattr(views.HomeView, "get_context_data", fail)
    monkeypatch.setattr(views.AboutView, "get_context_data", fail)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/en/", "en", "Something went wrong"), ("/sl/about/", "sl", None)],
)
def test_the_500_page_renders_in_the_language_of_the_address(
    client, db, failing_pages, path, language, heading
):
    client.raise_request_exception = False

    response = client.get(path)

    assert response.status_code == 500
    page = parse(response)
    assert page.html_lang == language
    assert page.h1_count == 1
    if heading:
        assertContains(response, f"<h1>{heading}</h1>", status_code=500, html=True)
    assertContains(response, '<meta name="robots" content="noindex">', status_code=500)


def test_the_500_page_needs_no_database(db):
    """Not one query: the page renders when the database is what failed."""
    request = RequestFactory().get("/en/")

    with translation.override("en"), CaptureQueriesContext(connection) as captured:
        response = views.server_error(request)

    assert response.status_code == 500
    assert len(captured) == 0
    assert "<h1>Something went wrong</h1>" in response.content.decode()


def test_the_error_handlers_are_the_portals(settings):
    assert urls.handler404 == "regionportal.site.views.page_not_found"
    assert urls.handler500 == "regionportal.site.views.server_error"
    assert settings.DEBUG is False


def test_every_sitemap_page_is_a_public_page_and_every_public_page_is_in_the_sitemap(
    client, content
):
    response = client.get("/sitemap.xml")

    locations = {
        urlsplit(location).path
        for location in response.content.decode().split("<loc>")[1:]
        for location in [location.split("</loc>")[0]]
    }
    expected = set(public_paths("sl")) | set(public_paths("en"))
    assert locations == expected
