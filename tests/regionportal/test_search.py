"""Search: both languages, blind to case and diacritics, grouped by type, on SQLite and
PostgreSQL alike; bad input gives a message, never an error."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from regionportal.base.text import unaccent
from regionportal.site.search import excerpt, search
from tests.factories import (
    make_example,
    make_goal,
    make_municipality,
    make_organisation,
    make_partnership,
    make_pillar,
    make_programme,
    make_project,
)

pytestmark = pytest.mark.django_db


def titles(results, key):
    """The hits' titles, without the spans that mark a language and with their marked words;
    names as they are, not escaped."""
    group = next(group for group in results.groups if group.key == key)
    return [html.unescape(re.sub(r"</?span[^>]*>", "", str(hit.title))) for hit in group.hits]


def make_partner(**fields):
    """An organisation in a published project: only those are found."""
    return make_partnership(organisation=make_organisation(**fields)).organisation


@pytest.fixture(autouse=True)
def slovenian():
    with translation.override("sl"):
        yield


@pytest.mark.parametrize("query", ["sostanj", "SOSTANJ", "Šoštanj", "šoštanj", "ŠoŠtAnJ"])
def test_a_municipality_is_found_with_or_without_diacritics_in_any_case(query):
    make_municipality(name="Šoštanj", slug="sostanj")
    make_municipality(name="Velenje", slug="velenje")

    assert titles(search(query), "municipalities") == ["Šoštanj"]


def test_every_slovenian_and_croatian_letter_folds():
    make_partner(name="Međimursko veleučilište u Čakovcu", slug="mev")
    make_municipality(name="Žalec", slug="zalec")

    assert titles(search("medimursko cakovcu"), "partners") == ["Međimursko veleučilište u Čakovcu"]
    assert titles(search("ZALEC"), "municipalities") == ["Žalec"]
    assert unaccent("čšžćđ ČŠŽĆĐ") == "cszcd CSZCD"


def test_lower_case_finds_capitals_in_examples_goals_and_projects():
    pillar = make_pillar(name_sl="Znanost, Sistemi & Tehnologija")
    make_example(pillar=pillar, name_sl="ZELENA SLOVENIJA")
    make_goal(pillar=pillar, statement_sl="Delovna mesta: trajna, Zelena in dostojna.")
    make_project(acronym="GREEN", title_sl="Zelena preobrazba regije")
    make_project(acronym="GREY", title_sl="Siva infrastruktura")

    results = search("zelena")

    assert titles(results, "examples") == ["ZELENA SLOVENIJA"]
    assert titles(results, "goals") == ["Delovna mesta: trajna, <mark>Zelena</mark> in dostojna."]
    assert titles(results, "projects") == ["GREEN – Zelena preobrazba regije"]


def test_english_text_is_searched_on_the_slovenian_page_too():
    make_project(
        acronym="LIFE netopirji",
        title_sl="Ohranjanje vrst netopirjev",
        title_en="Conserving bat species",
        summary_en="Bats roosting in castles and other heritage buildings.",
    )

    assert titles(search("heritage buildings"), "projects") == [
        "LIFE netopirji – Ohranjanje vrst netopirjev"
    ]
    with translation.override("en"):
        assert titles(search("NETOPIRJI"), "projects") == [
            "LIFE netopirji – Conserving bat species"
        ]


def test_an_acronym_is_found_in_any_case_and_an_exact_match_comes_first():
    # Listed first by the default order (latest start), and "clean" three times in its text.
    make_project(
        acronym="AIR",
        title_sl="Air that is clean",
        summary_sl="Clean energy, clean water, clean air.",
        start_date="2024-01-01",
        end_date="2025-01-01",
    )
    make_project(acronym="CLEANTECH", title_sl="Čiste tehnologije", start_date="2022-01-01")
    make_project(
        acronym="CLEAN",
        title_sl="Tehnologije in odprte inovacije",
        start_date="2017-01-01",
        end_date="2021-12-31",
    )

    for query in ["CLEAN", "clean", "Clean"]:
        found = titles(search(query), "projects")
        assert found[0] == "CLEAN – Tehnologije in odprte inovacije"
        assert found[1] == "CLEANTECH – Čiste tehnologije"
        assert set(found) == {
            "CLEAN – Tehnologije in odprte inovacije",
            "CLEANTECH – Čiste tehnologije",
            "AIR – Air that is clean",
        }


def test_urban_municipalities_are_found_by_the_word_mestna_or_urban():
    make_municipality(name="Celje", slug="celje", is_urban=True)
    make_municipality(name="Vojnik", slug="vojnik")

    assert titles(search("mestna"), "municipalities") == ["Celje"]
    assert titles(search("urban"), "municipalities") == ["Celje"]


def test_every_word_must_match_somewhere():
    make_partner(name="Agenzia Napoletana Energia e Ambiente", acronym="ANEA", city="Napoli")
    make_partner(name="Energy Agency", slug="energy-agency", city="Kranj")

    assert titles(search("energia napoli"), "partners") == [
        "Agenzia Napoletana Energia e Ambiente (ANEA)"
    ]


def test_pillars_and_programmes_are_found():
    make_pillar(name_sl="Narava & Skupnost", name_en="Nature & Community", potentials_sl="Gozd")
    make_programme(name_sl="Interreg Evropa", name_en="Interreg Europe", code="IE")

    assert titles(search("community"), "pillars") == ["Narava & Skupnost"]
    assert titles(search("interreg"), "programmes") == ["Interreg Evropa"]


def test_unpublished_projects_their_partners_and_municipalities_outside_the_region_are_not_found():
    secret = make_project(acronym="SECRET", state="draft")
    make_partnership(project=secret, organisation=make_organisation(name="Secret Partner"))
    make_municipality(name="Bistrica ob Sotli", slug="bistrica-ob-sotli", region=None)

    results = search("secret")
    assert not results
    assert titles(search("bistrica"), "municipalities") == []


@pytest.mark.parametrize("query", ["%", "_", "\\", "'", "a:*|b", "!!!", "😀", "(", "&&"])
def test_characters_that_mean_something_to_sql_or_full_text_search_are_plain_text(query):
    make_project(acronym="PLAIN", title_sl="Navaden naslov")
    make_project(acronym="ODD", title_sl="Rast 30 % na leto_2030 (cilj) \\ 'a' 😀")

    found = titles(search(query), "projects")

    assert "PLAIN – Navaden naslov" not in found


def test_the_excerpt_marks_the_words_and_escapes_the_text():
    text = "<b>Tekst</b> " + "beseda " * 40 + "Šoštanj in Velenje " + "konec " * 40

    result = excerpt(text, ["sostanj", "velenje"])

    assert "<mark>Šoštanj</mark> in <mark>Velenje</mark>" in result
    assert result.startswith("… ")
    assert result.endswith(" …")
    assert "<b>" not in result
    assert len(result) < 250
    assert excerpt("<i>kratko</i>", ["kratko"]) == "&lt;i&gt;<mark>kratko</mark>&lt;/i&gt;"


def test_the_number_of_queries_does_not_grow_with_the_data():
    """One query for each large type (on PostgreSQL two while the names find fewer than a page:
    the rest is read then), one for each small type that found something, and on PostgreSQL one
    for the near spellings; the small types' texts are read once after each change of the
    content (one query each) and kept."""

    def queries_for(query):
        with CaptureQueriesContext(connection) as captured:
            results = search(query)
            [str(hit.title) + str(hit.meta) for group in results.groups for hit in group.hits]
        assert all(group.hits for group in results.groups)
        return len(captured)

    def make_one_of_each(number=""):
        pillar = make_pillar(name_sl=f"Zeleni steber {number}")
        make_goal(pillar=pillar, statement_sl=f"Zelena regija {number}")
        make_example(pillar=pillar, name_sl=f"Zelena točka {number}")
        make_project(acronym=f"ZEL{number}", title_sl="Zeleno")
        make_partner(name=f"Zelena zadruga {number}")
        make_municipality(name=f"Zelena občina {number}")
        make_programme(name_sl=f"Zeleni program {number}")

    make_one_of_each()
    few_after_a_change = queries_for("zelen")
    few = queries_for("zelen")

    for number in range(30):
        make_one_of_each(number)

    many_after_a_change = queries_for("zelen")
    many = queries_for("zelen")
    small_types = 5
    on_postgresql = connection.vendor == "postgresql"
    assert few == 2 * (1 + on_postgresql) + small_types + on_postgresql
    assert few_after_a_change >= few + small_types
    # A page of projects and one of partners are found by their names: the rest is not read.
    assert many == 2 + small_types + on_postgresql
    assert many_after_a_change - many == few_after_a_change - few


def test_at_most_twenty_hits_per_type_and_the_page_says_there_are_more(client):
    for number in range(25):
        make_municipality(name=f"Sveti Jurij {number:02}")

    results = search("jurij")

    group = next(group for group in results.groups if group.key == "municipalities")
    assert len(group.hits) == 20
    assert group.has_more
    response = client.get("/en/search/", {"q": "jurij"})
    assertContains(
        response, "Only the first 20 results are shown: add a word to narrow the search."
    )


class TestPage:
    def test_without_a_query_the_page_shows_the_form_and_a_hint(self, client):
        response = client.get("/en/search/")

        assert response.status_code == 200
        assertContains(response, '<label for="id_q">Search for</label>', html=True)
        assertContains(response, "Type a word or two")
        assertNotContains(response, "Results")
        assertNotContains(response, 'name="robots"')

    def test_an_empty_query_shows_the_hint(self, client):
        response = client.get("/en/search/", {"q": "   "})

        assertContains(response, "Type a word or two")
        assertNotContains(response, "errorlist")

    def test_hits_are_grouped_by_type_and_linked(self, client):
        project = make_project(acronym="CLEAN", title_en="Clean technologies")
        make_partner(name="Clean Air Ltd", slug="clean-air", city="Graz", country="AT")

        response = client.get("/en/search/", {"q": "clean"})

        assert response.status_code == 200
        assertContains(response, "2 results for “clean”.")
        assertContains(
            response, '<h3 id="results-projects">Projects <span class="muted">(1)</span></h3>'
        )
        assertContains(
            response, '<h3 id="results-partners">Partners <span class="muted">(1)</span></h3>'
        )
        assertContains(
            response,
            f'<a href="/en/projects/{project.slug}/">CLEAN – Clean technologies</a>',
            html=True,
        )
        assertContains(response, '<a href="/en/partners/clean-air/">Clean Air Ltd</a>', html=True)
        assertContains(response, "Graz, Austria")
        assertNotContains(response, "results-municipalities")
        assertContains(response, '<meta name="robots" content="noindex">', html=True)

    def test_nothing_found_says_so(self, client):
        response = client.get("/en/search/", {"q": "qqqzzz"})

        assertContains(response, "Nothing matches “qqqzzz”.")

    def test_a_too_long_query_is_a_form_error(self, client):
        response = client.get("/en/search/", {"q": "a" * 201})

        assert response.status_code == 200
        assertContains(
            response, "Please shorten your search to at most 200 characters (it has 201)."
        )
        assertContains(response, 'aria-invalid="true"')
        assertNotContains(response, "Results")

    def test_two_hundred_characters_are_allowed(self, client):
        response = client.get("/en/search/", {"q": "a" * 200})

        assertNotContains(response, "errorlist")
        assertContains(response, "Nothing matches")

    @pytest.mark.parametrize(
        "query",
        [
            "\x00",
            "%00",
            "a\x00b",
            "\u200f\u202eabc",
            "😀🇸🇮",
            "x" * 5000,
            "99999999999999999999",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
        ],
    )
    def test_odd_input_never_fails(self, client, query):
        make_municipality(name="Šoštanj")

        response = client.get("/sl/search/", {"q": query})

        assert response.status_code == 200
        assert b"\x00" not in response.content
        assertNotContains(response, "<script>alert(1)</script>")

    def test_bytes_that_are_not_utf8_never_fail(self, client):
        response = client.get("/sl/search/?q=%ED%A0%80%FF%C0&q=%E2%80")

        assert response.status_code == 200

    def test_invisible_characters_are_dropped_from_the_query(self, client):
        make_municipality(name="Šoštanj", slug="sostanj")

        response = client.get("/en/search/", {"q": "\u200fsos\x00tanj"})

        assertContains(response, 'value="sos tanj"')
        response = client.get("/en/search/", {"q": "\u200fsostanj\x00"})
        assertContains(response, '<a href="/en/municipalities/sostanj/">Šoštanj</a>', html=True)


def test_a_name_match_ranks_above_a_match_in_the_description():
    make_project(
        acronym="WATER",
        title_sl="Pitna voda",
        summary_sl="Tudi termalne vode in spa.",
        start_date="2024-01-01",
        end_date="2025-01-01",
    )
    make_project(acronym="InnovaSPA", title_sl="Inovativne rešitve za termalne regije")

    assert titles(search("spa"), "projects") == [
        "InnovaSPA – Inovativne rešitve za termalne regije",
        "WATER – Pitna voda",
    ]


def test_a_typo_in_a_name_is_forgiven_on_postgresql_by_trigram_similarity():
    make_municipality(name="Šoštanj", slug="sostanj")

    found = titles(search("sostaj"), "municipalities")

    assert found == (["Šoštanj"] if connection.vendor == "postgresql" else [])


@pytest.mark.parametrize("query", ["geotarmalna", "geotermlna ogrevanje"])
def test_a_typo_in_a_name_written_or_renamed_since_is_forgiven_on_postgresql(query):
    """The words of the names are kept by the database as rows are written: a name is found
    by a near spelling of its words at once, and a renamed one by its new words."""
    project = make_project(acronym="TOPLO", title_sl="Daljinsko ogrevanje Šoštanj")
    make_project(acronym="VODA", title_sl="Pitna voda")
    assert titles(search(query), "projects") == []

    project.title_sl = "Geotermalna toplota in ogrevanje"
    project.save()
    found = titles(search(query), "projects")

    on_postgresql = connection.vendor == "postgresql"
    assert found == (["TOPLO – Geotermalna toplota in ogrevanje"] if on_postgresql else [])


def test_a_name_as_written_ranks_above_a_near_spelling_and_both_above_the_text():
    make_project(acronym="TEXT", title_sl="Pitna voda", summary_sl="Energija sonca.")
    make_project(acronym="NEAR", title_sl="Obnovljive energije")
    make_project(acronym="NAME", title_sl="Sončna energija")

    found = titles(search("energija"), "projects")

    near = ["NEAR – Obnovljive energije"] if connection.vendor == "postgresql" else []
    assert found == ["NAME – Sončna energija", *near, "TEXT – Pitna voda"]


def test_a_potential_links_to_its_pillars_list_of_potentials():
    pillar = make_pillar(slug="znanost")
    make_example(pillar=pillar, name_sl="Zelena Slovenija")

    (hit,) = next(group for group in search("zelena").groups if group.key == "examples").hits

    assert hit.url == "/sl/pillars/znanost/#potentials-heading"


def test_a_page_of_names_comes_before_any_match_in_the_text():
    """Twenty-one names that hold the word fill the page (and say there are more): a project
    whose text alone holds it, newer than them all, is not among the first twenty."""
    for number in range(21):
        make_project(acronym=f"SUN{number:02}", title_sl="Sončna energija", start_date="2020-01-01")
    make_project(
        acronym="TEXT",
        title_sl="Pitna voda",
        summary_sl="Energija.",
        start_date="2026-01-01",
        end_date="2026-12-31",
    )

    group = next(group for group in search("energija").groups if group.key == "projects")

    assert len(group.hits) == 20
    assert group.has_more
    assert all(str(hit.title).startswith("SUN") for hit in group.hits)
