"""Text in another language than the page's is marked with its language (an English page shows
the Slovenian text of a field whose English text is empty, and the reverse), and no heading of
a public page stands without content under it."""

from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from regionportal.base import pdf
from tests import factories
from tests.headings import empty_headings
from tests.public_pages import public_paths

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def slovenian_only(db):
    """A project whose texts are in Slovenian only, under a pillar named in Slovenian only."""
    project = factories.make_project(
        slug="zeleni",
        acronym="ZELENI",
        title_sl="Zeleni turizem",
        title_en="",
        summary_sl="Trajnostni turizem v regiji.",
        summary_en="",
    )
    factories.make_project_pillar(
        project=project, pillar=factories.make_pillar(name_sl="Turizem"), is_primary=True
    )
    return project


@pytest.fixture
def in_both_languages(db):
    return factories.make_project(
        slug="clean",
        acronym="CLEAN",
        title_sl="Čist zrak",
        title_en="Clean air",
        summary_sl="Čista energija.",
        summary_en="Clean energy.",
    )


# The template tags ----------------------------------------------------------------------------


def render(source, **context):
    return Template("{% load portal %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", '<span lang="sl">Zeleni turizem</span> <p lang="sl">'),
        ("sl", "Zeleni turizem <p>"),
    ],
)
def test_the_tags_mark_a_fallback_and_nothing_else(slovenian_only, language, expected):
    with translation.override(language):
        html = render(
            '{% translated project "title" %} <p{% lang_attribute project "summary" %}>',
            project=slovenian_only,
        )

    assert html == expected


def test_an_english_text_on_a_slovenian_page_is_marked_english(db):
    project = factories.make_project(title_sl="", title_en="Only <English>")

    with translation.override("sl"):
        html = render('{% translated project "title" %}', project=project)

    assert html == '<span lang="en">Only &lt;English&gt;</span>'


def test_a_text_empty_in_both_languages_is_not_marked(db):
    project = factories.make_project(summary_sl="", summary_en="")

    with translation.override("en"):
        assert render('<p{% lang_attribute project "summary" %}>', project=project) == "<p>"


# The pages -------------------------------------------------------------------------------------


def test_an_english_project_page_marks_the_slovenian_title_and_summary(client, slovenian_only):
    response = client.get("/en/projects/zeleni/")

    assertContains(response, '<h1><span lang="sl">Zeleni turizem</span></h1>', html=True)
    assertContains(
        response, '<p class="lead" lang="sl">Trajnostni turizem v regiji.</p>', html=True
    )
    assertContains(
        response,
        '<a class="pillar-badge pillar--{slug}" href="/en/pillars/{slug}/">'
        '<span lang="sl">Turizem</span>'
        '<span class="visually-hidden"> (primary pillar)</span></a>'.format(
            slug=slovenian_only.project_pillars.get().pillar.slug
        ),
        html=True,
    )


def test_a_project_page_in_its_own_language_marks_nothing(client, slovenian_only):
    response = client.get("/sl/projects/zeleni/")

    assertContains(response, "<h1>Zeleni turizem</h1>", html=True)
    assertContains(response, '<p class="lead">Trajnostni turizem v regiji.</p>', html=True)


def test_an_english_project_page_of_english_texts_marks_none_of_them(client, in_both_languages):
    response = client.get("/en/projects/clean/")

    assertContains(response, "<h1>Clean air</h1>", html=True)
    assertContains(response, '<p class="lead">Clean energy.</p>', html=True)
    assertNotContains(response, '<span lang="sl">')


def test_the_english_project_list_marks_a_slovenian_title(
    client, slovenian_only, in_both_languages
):
    response = client.get("/en/projects/")

    assertContains(response, '<span lang="sl">Zeleni turizem</span>', count=1)
    assertContains(response, "<td>Clean air</td>", html=True)


def test_an_english_search_hit_marks_the_slovenian_title_and_excerpt(client, slovenian_only):
    response = client.get("/en/search/", {"q": "turizem"})

    assertContains(
        response,
        '<a href="/en/projects/zeleni/">ZELENI – <span lang="sl">Zeleni turizem</span></a>',
        html=True,
    )
    assertContains(
        response,
        '<p><span lang="sl">Trajnostni <mark>turizem</mark> v regiji.</span></p>',
        html=True,
    )


def test_an_english_search_hit_of_english_texts_marks_none_of_them(client, in_both_languages):
    response = client.get("/en/search/", {"q": "clean"})

    assertContains(response, '<a href="/en/projects/clean/">CLEAN – Clean air</a>', html=True)
    assertContains(response, "<p><mark>Clean</mark> energy.</p>", html=True)


def test_the_english_project_pdf_marks_the_slovenian_title(client, slovenian_only, monkeypatch):
    """The HTML the PDF is made of (the PDF's text cannot show its language)."""
    cache.clear()
    rendered = []

    def keep_html(html, *, base_url):
        rendered.append(html)
        return b"%PDF-1.7"

    monkeypatch.setattr(pdf, "html_to_pdf", keep_html)

    client.get("/en/projects/zeleni/summary.pdf")

    (html,) = rendered
    assert '<h1><span lang="sl">Zeleni turizem</span></h1>' in html
    assert '<p class="lead" lang="sl">Trajnostni turizem v regiji.</p>' in html


def test_the_english_feed_marks_a_slovenian_summary(client, slovenian_only, in_both_languages):
    response = client.get("/en/projects/feed/")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - the portal's own answer

    summaries = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}summary")
        for entry in feed.iter(f"{ATOM}entry")
    }
    assert summaries == {
        "ZELENI – Zeleni turizem": '<div lang="sl"><p>Trajnostni turizem v regiji.</p></div>',
        "CLEAN – Clean air": "<p>Clean energy.</p>",
    }


def test_an_english_pillar_page_marks_its_slovenian_name_once(client, db):
    factories.make_pillar(slug="turizem", name_sl="Turizem", name_en="")
    factories.make_pillar(slug="narava", name_sl="Narava", name_en="Nature")

    fallback = client.get("/en/pillars/turizem/")
    english = client.get("/en/pillars/narava/")

    assertContains(fallback, '<h1><span lang="sl">Turizem</span></h1>', html=True)
    # The Slovenian name is not repeated under it as the name in the other language.
    assertContains(fallback, '<span lang="sl">Turizem</span>', count=2)  # the crumb, the heading
    assertContains(english, "<h1>Nature</h1>", html=True)
    assertContains(english, '<p class="lead"><span lang="sl">Narava</span></p>', html=True)


def test_the_budget_chart_marks_a_slovenian_pillar_name(client, slovenian_only):
    response = client.get("/en/pillars/")

    assertContains(response, 'lang="sl">Turizem</text>')
    slug = slovenian_only.project_pillars.get().pillar.slug
    assertContains(
        response,
        f'<th scope="row" lang="sl"><a href="/en/pillars/{slug}/">Turizem</a></th>',
        html=True,
    )


# Headings --------------------------------------------------------------------------------------


def test_empty_headings_finds_a_heading_followed_by_another_or_by_the_end_of_its_section():
    html = (
        "<main><h2>Full</h2><h3>Sub</h3><p>text</p><h2>Empty</h2><h2>Last</h2><p>text</p>"
        "<section><h2>Ends its section</h2></section><p>after</p></main>"
    )

    assert empty_headings(html) == ["Empty", "Ends its section"]


def test_a_project_without_sources_has_no_sources_heading(client, in_both_languages):
    response = client.get("/en/projects/clean/")

    assertNotContains(response, "<h2>Sources</h2>", html=True)
    assertNotContains(response, "<h2>Pillars and vision goals</h2>", html=True)


def test_a_project_with_a_link_has_its_sources_heading(client, in_both_languages):
    factories.make_link(project=in_both_languages, label_en="The project's website")

    response = client.get("/en/projects/clean/")

    assertContains(response, "<h2>Sources</h2>", html=True)
    assertContains(response, "<li>The project's website</li>", html=True)


def test_an_organisation_with_a_source_has_its_sources_heading(client, db):
    # Partners in a published project, so that their pages are public.
    bare = factories.make_partnership(organisation=factories.make_organisation(slug="bare"))
    factories.make_partnership(
        organisation=factories.make_organisation(
            slug="sourced", source=factories.make_source(title="Seznam")
        )
    )

    bare_page = client.get(f"/en/partners/{bare.organisation.slug}/")
    assert bare_page.status_code == 200
    assertNotContains(bare_page, "<h2>Sources</h2>", html=True)
    assertContains(client.get("/en/partners/sourced/"), "<h2>Sources</h2>", html=True)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_no_public_page_of_bare_records_has_a_heading_without_content(client, db, language):
    """One record of each kind, with nothing but what it must have."""
    project = factories.make_project()
    factories.make_pillar()
    factories.make_programme()
    factories.make_municipality()
    factories.make_partnership(project=project, organisation=factories.make_agency())

    found = {}
    for path in public_paths(language):
        if empty := empty_headings(client.get(path).content.decode()):
            found[path] = empty

    assert found == {}
