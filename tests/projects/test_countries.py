"""The countries overview: partner organisations and projects per country, as a chart and a
table with the same figures."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Partnership
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/{}/partners/countries/"


@pytest.fixture
def data():
    """Croatia: two partners in two projects; France: one partner in both; Slovenia: one partner
    besides the agency. A partner only in an unpublished project, and an organisation in no
    project, count nowhere."""
    agency = factories.make_agency()
    first = factories.make_project(acronym="CLEAN")
    second = factories.make_project(acronym="2SoKroG")
    hidden = factories.make_project(acronym="SKRIT", state="draft")
    for project in (first, second, hidden):
        factories.make_partnership(project=project, organisation=agency, role=Partnership.Role.LEAD)
    croatian = factories.make_organisation(country="HR")
    factories.make_partnership(project=first, organisation=croatian)
    factories.make_partnership(
        project=second, organisation=factories.make_organisation(country="HR")
    )
    french = factories.make_organisation(country="FR")
    factories.make_partnership(project=first, organisation=french)
    factories.make_partnership(project=second, organisation=french)
    factories.make_partnership(
        project=first, organisation=factories.make_organisation(country="SI")
    )
    factories.make_partnership(
        project=hidden, organisation=factories.make_organisation(country="DE")
    )
    factories.make_organisation(country="AT")


@pytest.mark.parametrize("language", ["sl", "en"])
def test_answers_in_both_languages(get_page, data, language):
    get_page(URL.format(language))


def test_each_country_with_its_partners_and_projects(get_page, data):
    en = get_page(URL.format("en"))
    sl = get_page(URL.format("sl"))

    assertContains(
        en,
        '<tr><th scope="row"><a href="/en/partners/?country=HR">Croatia</a></th>'
        '<td><abbr title="Croatia">HR</abbr></td>'
        '<td class="number">2</td><td class="number">2</td></tr>',
        html=True,
    )
    assertContains(
        en,
        '<tr><th scope="row"><a href="/en/partners/?country=FR">France</a></th>'
        '<td><abbr title="France">FR</abbr></td>'
        '<td class="number">1</td><td class="number">2</td></tr>',
        html=True,
    )
    assertContains(
        en,
        '<tr><th scope="row"><a href="/en/partners/?country=SI">Slovenia</a></th>'
        '<td><abbr title="Slovenia">SI</abbr></td>'
        '<td class="number">1</td><td class="number">1</td></tr>',
        html=True,
    )
    assertContains(en, "come from 3 countries.")
    assertContains(sl, '<a href="/sl/partners/?country=HR">Hrvaška</a>', html=True)
    assertContains(sl, '<a href="/sl/partners/?country=FR">Francija</a>', html=True)
    for absent in ["Germany", "Austria"]:
        assertNotContains(en, absent)


@pytest.mark.parametrize(
    ("language", "names"),
    [("en", ["Croatia", "France", "Slovenia"]), ("sl", ["Hrvaška", "Francija", "Slovenija"])],
)
def test_chart_has_a_bar_per_country_and_the_table_the_same_figures(
    get_page, data, language, names
):
    html = get_page(URL.format(language)).content.decode()

    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL).group()
    assert svg.count("<rect") == 3
    assert re.findall(r'<text class="bar-chart__label"[^>]*>([^<]*)</text>', svg) == names
    svg_values = re.findall(r'<text class="bar-chart__value"[^>]*>([^<]*)</text>', svg)
    table = html[html.index("<table") : html.index("</table>")]
    table_rows = re.findall(r'<td class="number">(\d+)</td>\s*<td class="number">\d+</td>', table)
    assert svg_values == table_rows == ["2", "1", "1"]
    assert '<figure class="chart" id="partners-by-country">' in html


def test_without_partners_the_page_says_there_is_nothing_to_draw(get_page):
    response = get_page(URL.format("en"))

    assertContains(response, "There are no figures to draw yet.")
    assertNotContains(response, "<svg")


def test_queries_do_not_grow_with_rows(client, assert_constant_queries, data):
    client.get(URL.format("sl"))

    def add_rows():
        for country in ["IT", "ES", "PT", "PL", "LV"]:
            project = factories.make_project()
            for _ in range(3):
                factories.make_partnership(
                    project=project, organisation=factories.make_organisation(country=country)
                )

    assert_constant_queries(URL.format("sl"), add_rows)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "99999999999999999999"},
        {"sort": "<script>", "country": "\x00"},
        {"q": "x" * 5000, "country": "%00"},
        {"country": "\u202eabc 🌲"},
    ],
)
def test_odd_query_parameters_are_ignored(client, data, params):
    response = client.get(URL.format("sl"), params)

    assert response.status_code == 200
    assertContains(response, "Hrvaška")
