"""What search engines and link previews read: canonical and hreflang links, descriptions, Open
Graph, sitemap.xml and robots.txt; and the base layout's landmarks."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from tests.factories import (
    make_municipality,
    make_organisation,
    make_partnership,
    make_pillar,
    make_programme,
    make_project,
)

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 - the portal's own sitemap


def sitemap_entries(client):
    """{location: {hreflang: href}} from sitemap.xml."""
    root = sitemap(client)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_the_canonical_link_leaves_out_the_query_string(client):
    response = client.get("/en/search/", {"q": "clean", "utm_source": "newsletter"})

    assertContains(
        response, '<link rel="canonical" href="http://testserver/en/search/">', html=True
    )
    assertContains(
        response, '<meta property="og:url" content="http://testserver/en/search/">', html=True
    )


def test_hreflang_alternates_name_both_languages_and_a_default(client):
    response = client.get("/sl/about/?x=1")

    for link in [
        '<link rel="alternate" hreflang="sl" href="http://testserver/sl/about/">',
        '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">',
        '<link rel="alternate" hreflang="x-default" href="http://testserver/about/">',
    ]:
        assertContains(response, link, html=True)


def test_the_address_without_a_language_leads_to_a_language(client):
    response = client.get("/about/", headers={"accept-language": "en"})

    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


def test_open_graph_and_descriptions_are_the_pages_own(client):
    home = client.get("/en/")
    about = client.get("/en/about/")
    accessibility = client.get("/en/accessibility/")

    assertContains(about, '<meta property="og:title" content="About the agency and contact">')
    assertContains(about, '<meta property="og:type" content="website">')
    assertContains(about, '<meta property="og:locale" content="en_GB">')
    assertContains(about, '<meta property="og:locale:alternate" content="sl_SI">')
    assertContains(client.get("/sl/about/"), '<meta property="og:locale" content="sl_SI">')
    descriptions = {
        response.content.decode().split('<meta name="description" content="')[1].split('"')[0]
        for response in [home, about, accessibility]
    }
    assert len(descriptions) == 3
    assert all(len(description) > 50 for description in descriptions)


def test_the_page_has_its_landmarks_and_a_skip_link(client):
    response = client.get("/en/about/")

    assertContains(response, '<a class="skip-link" href="#main">Skip to content</a>', html=True)
    assertContains(response, '<main id="main" tabindex="-1" class="wrap">')
    assertContains(response, '<nav class="main-nav" aria-label="Main navigation">')
    assertContains(response, '<footer class="site-footer">')


def test_the_breadcrumbs_lead_home(client):
    response = client.get("/en/accessibility/")

    assertInHTML(
        '<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>'
        '<li><a href="/en/">Home</a></li>'
        '<li><span aria-current="page">Accessibility statement</span></li>'
        "</ol></nav>",
        response.content.decode(),
    )


def test_the_main_navigation_marks_only_the_current_section(client):
    response = client.get("/en/pillars/vision/")

    assertContains(response, '<a href="/en/pillars/vision/" aria-current="page">Vision</a>')
    assertContains(response, '<a href="/en/pillars/">Pillars</a>')
    # The navigation's link and the breadcrumbs' last step.
    assertContains(response, 'aria-current="page"', count=2)


def test_the_sitemap_lists_every_record_in_both_languages_with_alternates(client):
    pillar = make_pillar(slug="narava")
    project = make_project(slug="clean")
    draft = make_project(slug="draft", state="draft")
    make_partnership(project=project, organisation=make_organisation(slug="ernact"))
    make_partnership(project=draft, organisation=make_organisation(slug="only-in-a-draft"))
    make_organisation(slug="in-no-project")
    make_programme(slug="interreg-europe")
    make_municipality(slug="celje")
    make_municipality(slug="bistrica-ob-sotli", region=None)

    entries = sitemap_entries(client)

    locations = {location.removeprefix("http://testserver") for location in entries}
    detail_pages = {
        f"/{language}/{path}"
        for language in ["sl", "en"]
        for path in [
            f"pillars/{pillar.slug}/",
            f"projects/{project.slug}/",
            "partners/ernact/",
            "funding/programmes/interreg-europe/",
            "municipalities/celje/",
        ]
    }
    pages = {
        f"/{language}/{path}"
        for language in ["sl", "en"]
        for path in [
            "",
            "search/",
            "about/",
            "accessibility/",
            "changes/",
            "pillars/",
            "pillars/vision/",
            "projects/",
            "partners/",
            "partners/countries/",
            "partners/agency/",
            "funding/",
            "funding/agreement/",
            "funding/2021-2027/",
            "municipalities/",
        ]
    }
    assert locations == detail_pages | pages
    assert entries["http://testserver/en/projects/clean/"] == {
        "sl": "http://testserver/sl/projects/clean/",
        "en": "http://testserver/en/projects/clean/",
        "x-default": "http://testserver/projects/clean/",
    }


def test_the_sitemap_says_when_a_project_last_changed(client):
    make_project(slug="clean")

    root = sitemap(client)

    changed = [
        url.find(f"{SITEMAP}lastmod").text
        for url in root.findall(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text.endswith("/projects/clean/")
    ]
    assert changed == [datetime.date.today().isoformat()] * 2


def test_the_sitemap_answers_in_a_constant_number_of_queries(
    client, django_assert_num_queries, settings
):
    settings.PAGE_CACHE = False  # the sitemap's own queries, not the page cache's
    make_project()
    make_municipality()
    with django_assert_num_queries(5) as captured:
        client.get("/sitemap.xml")
    assert len(captured) == 5  # one per kind of record

    for _ in range(10):
        make_project()
        make_municipality()
        make_organisation()
        make_pillar()
        make_programme()
    with django_assert_num_queries(5):
        client.get("/sitemap.xml")


def test_robots_txt_names_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_search_results_and_error_pages_are_not_indexed(client):
    assertContains(client.get("/en/search/", {"q": "x"}), 'content="noindex"')
    assertNotContains(client.get("/en/search/"), 'content="noindex"')
    assertContains(client.get("/en/nowhere/"), 'content="noindex"', status_code=404)
