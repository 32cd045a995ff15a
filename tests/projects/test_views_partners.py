"""The partner list, an organisation's page and the agency's own page."""

import datetime
import html
import json
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Organisation, Partnership, Project
from projects.tables import OrganisationTable
from projects.views import OrganisationListView
from tests import factories
from tests.database import explained_with_sorting_ruled_out
from tests.tables import row_headers

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def query_of_links(response, pattern):
    found = re.search(pattern, text(response), re.S)
    assert found, f"nothing matches {pattern}"
    return [
        parse_qs(urlsplit(html.unescape(href)).query)
        for href in re.findall(r'href="([^"]*)"', found.group(0))
    ]


@pytest.fixture
def portfolio():
    """The agency with three published projects (lead in one), one unpublished, one of its own
    without partners, and partners from four countries besides its own."""
    source = factories.make_source(title="Predstavitev RASR")
    agency = factories.make_agency(
        slug="rasr",
        name="Razvojna agencija Savinjske regije, d.o.o.",
        name_en="Savinjska Regional Development Agency",
        city="Celje",
        website="https://www.rasr.si/",
        description_sl="Regionalna razvojna agencija.",
        description_en="The regional development agency.",
        source=source,
    )
    interreg = factories.make_programme(slug="interreg-europe", name_sl="Interreg Europe")
    life = factories.make_programme(slug="life", name_sl="Program LIFE", kind="life")
    ernact = factories.make_organisation(
        slug="ernact",
        name="European Regions Network",
        acronym="ERNACT",
        country="IE",
        kind=Organisation.Kind.ASSOCIATION,
    )
    anea = factories.make_organisation(
        slug="anea",
        name="Agenzia Napoletana Energia e Ambiente",
        name_en="Naples Agency for Energy and Environment",
        acronym="ANEA",
        country="IT",
        city="Napoli",
        kind=Organisation.Kind.OTHER,
        website="https://www.anea.eu/",
        description_sl="Agencija za energijo v Neaplju.",
        description_en="The energy agency of Naples.",
        source=source,
        source_excerpt="ANEA - Italija",
    )
    zagreb = factories.make_organisation(
        slug="grad-zagreb",
        name="Grad Zagreb",
        name_en="City of Zagreb",
        country="HR",
        kind=Organisation.Kind.PUBLIC_AUTHORITY,
    )
    bistra = factories.make_organisation(
        slug="bistra", name="Bistra Ptuj", country="SI", kind=Organisation.Kind.UNIVERSITY
    )
    hidden_partner = factories.make_organisation(slug="hidden", name="Skriti", country="AT")

    def project(acronym, partners, agency_role, agency_budget, **fields):
        project = factories.make_project(acronym=acronym, slug=acronym.lower(), **fields)
        factories.make_partnership(
            project=project, organisation=agency, role=agency_role, budget=agency_budget
        )
        for organisation, role, budget in partners:
            factories.make_partnership(
                project=project, organisation=organisation, role=role, budget=budget
            )
        return project

    project(
        "CLEAN",
        [(ernact, "lead", None), (anea, "partner", Decimal("250000.00"))],
        "partner",
        Decimal("133562.00"),
        title_sl="Čisto",
        programme=interreg,
        total_budget=Decimal("1598948.00"),
        start_date=datetime.date(2017, 1, 1),
        start_precision="year",
        end_date=datetime.date(2021, 12, 31),
        end_precision="year",
    )
    project(
        "ActiveHome",
        [(zagreb, "partner", None), (bistra, "partner", None)],
        "lead",
        Decimal("17790.00"),
        title_sl="Aktivni dom",
        programme=interreg,
        total_budget=Decimal("49597.57"),
        start_date=datetime.date(2018, 1, 1),
        start_precision="year",
        end_date=datetime.date(2019, 12, 31),
        end_precision="year",
    )
    project(
        "LIFE",
        [(anea, "partner", None)],
        "partner",
        None,
        programme=life,
        total_budget=None,
    )
    project(
        "HIDDEN",
        [(hidden_partner, "lead", None)],
        "partner",
        Decimal("5000.00"),
        programme=interreg,
        total_budget=Decimal("100000.00"),
        state="draft",
    )
    factories.make_project(slug="shema", acronym="Shema", title_sl="Regijska shema")
    factories.make_agency_record(
        interreg_projects_as_partner=5,
        countries=15,
        projects_as_lead=1,
        applications=6,
        applications_year=2019,
        source=source,
        source_excerpt="kot partnerji sodelujemo v 5 INTERREG projektih • 15 držav",
    )
    return agency


# Every page, both languages ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize(
    "path", ["/partners/", "/partners/anea/", "/partners/rasr/", "/partners/agency/"]
)
def test_pages_answer_in_both_languages_with_one_h1(get_page, portfolio, language, path):
    content = text(get_page(f"/{language}{path}"))
    assert content.count("<h1") == 1
    assert f'<html lang="{language}">' in content


# The list ------------------------------------------------------------------------------------


def test_list_shows_the_organisations_of_published_projects_with_their_count(get_page, portfolio):
    factories.make_organisation(name="Brez projekta")
    response = get_page("/en/partners/")
    assertContains(response, '<h2 id="results-heading">5 organisations</h2>', html=True)
    assertContains(
        response,
        "<td>Naples Agency for Energy and Environment</td><td>ANEA</td><td>Italy</td>"
        '<td>Other</td><td class="number">2</td>',
        html=True,
    )
    # Neither the partner only of an unpublished project nor one of no project is listed.
    assertNotContains(response, "Skriti")
    assertNotContains(response, "Brez projekta")
    assertContains(response, "<caption>Partner organisations</caption>", html=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=IT", ["Agenzia Napoletana Energia e Ambiente"]),
        ("country=SI", ["Bistra Ptuj", "Razvojna agencija Savinjske regije, d.o.o."]),
        ("q=zagreb", ["Grad Zagreb"]),
        ("q=NAPLES", ["Agenzia Napoletana Energia e Ambiente"]),  # the English name
        ("q=ernact", ["European Regions Network"]),  # the acronym
        ("q=napoli", ["Agenzia Napoletana Energia e Ambiente"]),  # the city
        ("q=a&country=HR", ["Grad Zagreb"]),
    ],
)
def test_list_filters_by_country_and_text(get_page, portfolio, query, expected):
    assert row_headers(get_page(f"/en/partners/?{query}")) == expected


def test_list_says_so_when_nothing_matches(get_page, portfolio):
    response = get_page("/en/partners/?q=nobody")
    assertContains(response, '<h2 id="results-heading">0 organisations</h2>', html=True)
    assertContains(response, "No organisations match these filters.")


def test_list_country_choices_are_the_organisations_countries(get_page, portfolio):
    response = get_page("/sl/partners/")
    countries = re.search(r'<select name="country".*?</select>', text(response), re.S).group(0)
    # Not Austria: its one organisation takes part only in an unpublished project.
    assert re.findall(r'<option value="([A-Z]{2})"', countries) == [
        "HR",  # Hrvaška
        "IE",  # Irska
        "IT",  # Italija
        "SI",  # Slovenija
    ]


@pytest.mark.parametrize(
    ("language", "sort", "expected"),
    [
        ("en", "name", ["anea", "bistra", "ernact", "grad-zagreb", "rasr"]),
        ("en", "-name", ["rasr", "grad-zagreb", "ernact", "bistra", "anea"]),
        # Empty English names and acronyms come last either way.
        ("en", "name_en", ["grad-zagreb", "anea", "rasr", "ernact", "bistra"]),
        ("en", "-name_en", ["rasr", "anea", "grad-zagreb", "ernact", "bistra"]),
        ("en", "acronym", ["anea", "ernact", "rasr", "grad-zagreb", "bistra"]),
        # By the country's name in the page's language: Croatia, Ireland, Italy, Slovenia …
        ("en", "country", ["grad-zagreb", "ernact", "anea", "rasr", "bistra"]),
        # … and Hrvaška, Irska, Italija, Slovenija.
        ("sl", "-country", ["rasr", "bistra", "anea", "ernact", "grad-zagreb"]),
        # By the type's name: Association, Development agency, Other, Public authority, University.
        ("en", "kind", ["ernact", "rasr", "anea", "grad-zagreb", "bistra"]),
        ("en", "project_count", ["ernact", "grad-zagreb", "bistra", "anea", "rasr"]),
        ("en", "-project_count", ["rasr", "anea", "ernact", "grad-zagreb", "bistra"]),
    ],
)
def test_list_sorts_by_every_column(get_page, portfolio, language, sort, expected):
    response = get_page(f"/{language}/partners/?sort={sort}")
    slugs = re.findall(r'<th scope="row"[^>]*><a href="/\w\w/partners/([^/]+)/">', text(response))
    assert slugs == expected


def test_paging_and_sorting_links_keep_the_filters(get_page, portfolio):
    project = factories.make_project()
    for number in range(30):
        factories.make_partnership(
            project=project,
            organisation=factories.make_organisation(
                name=f"Hrvatska organizacija {number}", country="HR"
            ),
        )
    for query in [
        "country=HR&q=organizacija",
        "country=HR&q=organizacija&sort=-name",
        "country=HR&q=organizacija&sort=kind&page=2",
    ]:
        response = get_page(f"/en/partners/?{query}")
        assertContains(response, '<h2 id="results-heading">30 organisations</h2>', html=True)
        expected = parse_qs(query)
        for link in query_of_links(response, r'<nav class="pagination".*?</nav>'):
            link.pop("page")
            assert link == {key: value for key, value in expected.items() if key != "page"}
        sort_links = query_of_links(response, r"<thead.*?</thead>")
        assert len(sort_links) == 6
        for link in sort_links:
            link.pop("sort")
            assert link == {key: value for key, value in expected.items() if key != "sort"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=XX", "Select a valid choice. XX is not one of the available choices."),
        ("country=%00", "Select a valid choice."),
        ("q=" + "ž" * 5000, "Ensure this value has at most 200 characters (it has 5000)."),
        ("q=%00", "Null characters are not allowed."),
    ],
)
def test_list_shows_bad_filter_values_as_errors(get_page, portfolio, query, message):
    response = get_page(f"/en/partners/?{query}")
    assertContains(response, "Some filters could not be used and were left out.")
    assertContains(response, f"<li>{html.escape(message)}")
    assertContains(response, '<h2 id="results-heading">5 organisations</h2>', html=True)


@pytest.mark.parametrize(
    "query",
    ["page=99999999999999999999", "page=-1", "sort=%E2%80%8F", "q=%F0%9F%98%80", "per_page=0"],
)
def test_list_answers_odd_values_with_a_page(get_page, portfolio, query):
    assert text(get_page(f"/en/partners/?{query}")).count("<h1") == 1


def test_list_past_the_last_page_says_so(get_page, portfolio):
    response = get_page("/en/partners/?page=7")
    assertContains(response, "The page asked for does not exist. Showing page 1 of 1.")


def test_list_queries_do_not_grow_with_the_rows(count_queries, assert_constant_queries, portfolio):
    def add_rows():
        agency = Organisation.objects.agency()
        for _ in range(40):
            factories.make_full_project(agency=agency, partners=2)
        for country in ["DE", "FR", "PL"]:
            factories.make_partnership(organisation=factories.make_organisation(country=country))

    assert_constant_queries("/en/partners/?sort=-project_count&country=HR", add_rows)
    assert count_queries("/en/partners/?sort=country&page=2") == count_queries(
        "/en/partners/?sort=country&page=3"
    )


# An organisation's page ----------------------------------------------------------------------


def test_organisation_page_shows_its_facts_projects_and_source(get_page, portfolio):
    response = get_page("/en/partners/anea/")
    assertContains(response, "<h1>Agenzia Napoletana Energia e Ambiente</h1>", html=True)
    assertContains(
        response,
        '<p class="lead" lang="en">Naples Agency for Energy and Environment</p>',
        html=True,
    )
    for term, definition in [
        ("Acronym", "ANEA"),
        ("Country", "Italy"),
        ("Type", "Other"),
        ("City", "Napoli"),
    ]:
        assertContains(response, f"<dt>{term}</dt><dd>{definition}</dd>", html=True)
    assertContains(
        response,
        '<dt>Website</dt><dd><a href="https://www.anea.eu/">https://www.anea.eu/</a></dd>',
        html=True,
    )
    assertContains(response, "<p>The energy agency of Naples.</p>", html=True)
    assertContains(
        response,
        '<tr><th scope="row"><a href="/en/projects/clean/">CLEAN</a><br>'
        '<span class="note" lang="sl">Čisto</span></th><td><span lang="sl">Interreg Europe'
        "</span></td><td>2017–2021</td>"
        '<td>Partner</td><td class="number"><span class="money">€250,000.00</span></td></tr>',
        html=True,
    )
    assertContains(response, "The organisation takes part in 2 projects")
    assertContains(
        response,
        '<p><strong>Source:</strong> <span lang="sl">Predstavitev RASR</span></p>',
        html=True,
    )
    assertContains(response, '<blockquote lang="sl">ANEA - Italija</blockquote>', html=True)


def test_an_organisation_only_in_unpublished_projects_has_no_page(get_page, portfolio):
    get_page("/en/partners/hidden/", status=404)
    get_page("/en/partners/ernact/")
    clean = Project.objects.get(slug="clean")  # ERNACT's only project
    clean.state = "draft"
    clean.save()
    get_page("/en/partners/ernact/", status=404)


def test_the_agencys_page_stays_without_a_published_project(get_page, portfolio):
    Project.objects.update(state="draft")
    response = get_page("/en/partners/rasr/")
    assertNotContains(response, "CLEAN")
    assertContains(response, "The organisation takes part in no published project.")


def test_organisation_page_in_slovenian_shows_the_slovenian_description(get_page, portfolio):
    response = get_page("/sl/partners/anea/")
    assertContains(response, "<p>Agencija za energijo v Neaplju.</p>", html=True)
    assertContains(response, '<span class="money">250.000,00 €</span>', html=True)


def test_organisation_page_shows_discrepancies(get_page, portfolio):
    anea = Organisation.objects.get(slug="anea")
    factories.make_discrepancy(
        about=anea,
        field_label_en="country",
        other_value="Francija",
        source=factories.make_source(title="Drug vir"),
    )
    response = get_page("/en/partners/anea/")
    assertContains(response, '<td>Francija</td><td lang="sl">Drug vir</td>', html=True)


def test_agencys_organisation_page_links_its_portfolio(get_page, portfolio):
    response = get_page("/en/partners/rasr/")
    assertContains(
        response, '<a href="/en/partners/agency/">See the agency\'s whole portfolio</a>', html=True
    )


def jsonld_of(response):
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', text(response), re.S
    )
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_organisation_page_has_schema_org_json_ld(get_page, portfolio):
    data = jsonld_of(get_page("/en/partners/anea/"))
    projects = data.pop("memberOf")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Agenzia Napoletana Energia e Ambiente",
        "alternateName": ["Naples Agency for Energy and Environment", "ANEA"],
        "url": "http://testserver/en/partners/anea/",
        "address": {"@type": "PostalAddress", "addressCountry": "IT", "addressLocality": "Napoli"},
        "sameAs": "https://www.anea.eu/",
        "description": "The energy agency of Naples.",
    }
    assert {"@type": "Project", "name": "Čisto", "url": "http://testserver/en/projects/clean/"} in (
        projects
    )
    assert sorted(project["url"] for project in projects) == [
        "http://testserver/en/projects/clean/",
        "http://testserver/en/projects/life/",
    ]


def test_unknown_organisation_is_not_found(get_page, portfolio):
    get_page("/en/partners/no-such-organisation/", status=404)


def test_organisation_page_queries_do_not_grow_with_the_rows(
    client, assert_constant_queries, portfolio
):
    anea = Organisation.objects.get(slug="anea")
    client.get("/en/partners/anea/")  # fills the content types' cache before counting

    def add_rows():
        for _ in range(15):
            factories.make_partnership(
                organisation=anea,
                project=factories.make_project(programme=factories.make_programme()),
            )
            factories.make_discrepancy(about=anea)

    assert_constant_queries("/en/partners/anea/", add_rows)


# The agency's page ---------------------------------------------------------------------------


def test_agency_page_lists_its_published_projects_with_role_and_share(get_page, portfolio):
    response = get_page("/en/partners/agency/")
    assertContains(response, "<h1>The agency's portfolio</h1>", html=True)
    assert row_headers(response) == ["LIFE", "ActiveHome", "CLEAN"]  # the latest first
    assertContains(
        response,
        '<tr><th scope="row"><a href="/en/projects/activehome/">ActiveHome</a><br>'
        '<span class="note" lang="sl">Aktivni dom</span></th>'
        '<td><a href="/en/funding/programmes/interreg-europe/"><span lang="sl">Interreg Europe'
        "</span></a></td>"
        '<td class="period">2018–2019</td>'
        "<td>Lead partner</td>"
        '<td class="number"><span class="money">€49,597.57</span></td>'
        '<td class="number"><span class="money">€17,790.00</span></td>'
        '<td class="number">35.9%</td></tr>',
        html=True,
    )
    assertNotContains(response, "HIDDEN")


def test_agency_page_sums_the_budgets_and_its_share(get_page, portfolio):
    response = get_page("/en/partners/agency/")
    # 1,598,948.00 + 49,597.57 (the LIFE project's total is not known)
    assertContains(
        response,
        '<dt>Their total budget</dt><dd><span class="money">€1,648,545.57</span></dd>',
        html=True,
    )
    # 133,562.00 + 17,790.00 = 151,352.00, which is 9.2% of the total.
    assertContains(
        response,
        "<dt>The agency's share</dt>"
        '<dd><span class="money">€151,352.00</span>'
        ' <span class="figures__note">9.2% of the total</span></dd>',
        html=True,
    )
    sl = get_page("/sl/partners/agency/")
    assertContains(sl, '<span class="money">1.648.545,57 €</span>', html=True)
    assertContains(sl, '<span class="money">151.352,00 €</span>', html=True)


def test_agency_page_counts_partner_countries_without_its_own(get_page, portfolio):
    response = get_page("/en/partners/agency/")
    assertContains(response, "The agency's partners come from 3 countries besides Slovenia:")
    assertContains(
        response,
        '<ul class="inline-list"><li>Croatia</li><li>Ireland</li><li>Italy</li></ul>',
        html=True,
    )
    sl = get_page("/sl/partners/agency/")
    assertContains(
        sl,
        '<ul class="inline-list"><li>Hrvaška</li><li>Irska</li><li>Italija</li></ul>',
        html=True,
    )


def test_agency_page_shows_stated_figures_beside_counted_ones(get_page, portfolio):
    response = get_page("/en/partners/agency/")
    for what, stated, counted in [
        ("Interreg projects as a partner", "5", "2"),
        ("Partner countries", "15", "3 (Croatia, Ireland, Italy)"),
        ("Projects as lead partner", "1", "1"),
        (
            "Applications as a partner in 2019",
            "6",
            "Stated only: applications are not in the data.",
        ),
    ]:
        assertContains(
            response,
            f'<tr><th scope="row">{what}</th><td class="number">{stated}</td>'
            f"<td>{counted}</td></tr>",
            html=True,
        )
    assertContains(
        response,
        '<blockquote lang="sl">kot partnerji sodelujemo v 5 INTERREG projektih • 15 držav'
        "</blockquote>",
        html=True,
    )


def test_agency_page_lists_its_projects_without_partners(get_page, portfolio):
    response = get_page("/en/partners/agency/")
    assertContains(
        response,
        '<li><a href="/en/projects/shema/"><span lang="sl">Regijska shema</span></a></li>',
        html=True,
    )


def test_agency_page_without_an_agency_is_not_found(get_page, db):
    get_page("/en/partners/agency/", status=404)


def test_agency_page_queries_do_not_grow_with_the_rows(assert_constant_queries, portfolio):
    def add_rows():
        agency = Organisation.objects.agency()
        for country in ["DE", "FR", "PL", "CZ"]:
            for _ in range(5):
                project = factories.make_full_project(agency=agency, partners=0)
                factories.make_partnership(
                    project=project,
                    organisation=factories.make_organisation(country=country),
                    role=Partnership.Role.PARTNER,
                )
            factories.make_project(title_sl="Brez partnerjev")

    assert_constant_queries("/en/partners/agency/", add_rows)


def test_the_first_page_by_name_reads_the_index_and_checks_each_organisation(db):
    """Migration 0013: the partner list's page in name order is read from the index of the
    name without regard to case, each organisation checked through its own partnerships, not
    after listing every partnership of a published project (0.5 s at 100,000 projects)."""
    for number in range(5):
        factories.make_partnership(organisation=factories.make_organisation(name=f"Org {number}"))
    ordered, _ = OrganisationTable.order_name(None, OrganisationListView().get_queryset(), False)
    plan = explained_with_sorting_ruled_out(ordered.values("pk")[:20])

    assert "organisation_name_order" in plan
    # Checked each: no list of every partnership in a published project (SQLite's compound
    # query, PostgreSQL's append of the two lists).
    assert "COMPOUND" not in plan
    assert "Append" not in plan


def test_the_sort_by_project_count_counts_every_organisation_in_one_grouped_pass(portfolio):
    """Sorting needs every organisation's count: one grouped pass over the partnerships, not
    a subquery per organisation in the sort (0.5 s at 10,000 projects), and the same numbers
    as the page's rows show."""
    listed = OrganisationListView().get_queryset()
    ordered, _ = OrganisationTable.order_project_count(None, listed, True)
    keys = str(ordered.values("pk").query)

    sort = keys.split("ORDER BY")[1]
    assert "GROUP BY" in keys
    assert sort.startswith(' COUNT("projects_partnership"."id")')
    # Nothing in the sort refers to the organisation being sorted (a subquery per one).
    assert '= ("projects_organisation"."id")' not in sort
    counts = dict(ordered.values_list("pk", "project_count"))
    assert counts == dict(listed.values_list("pk", "project_count"))
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    assert max(counts.values()) > 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's hashed subplans")
def test_the_organisations_a_search_finds_are_each_checked_not_against_every_partnership(db):
    """A search finds a hundred organisations among many: each is checked through its own
    partnerships. PostgreSQL would otherwise list every partnership in a published project
    once, hashed (14 ms at 10,000 projects), for the check of the few found."""
    organisations = Organisation.objects.bulk_create(
        Organisation(slug=f"org-{number}", name=f"Org {number}", country="SI")
        for number in range(600)
    )
    projects = Project.objects.bulk_create(
        Project(slug=f"p-{number}", acronym=f"P{number}", title_sl=f"P {number}", state="published")
        for number in range(1000)
    )
    Partnership.objects.bulk_create(
        Partnership(project=project, organisation=organisations[(number * 7 + step) % 600])
        for number, project in enumerate(projects)
        for step in range(6)
    )
    with connection.cursor() as cursor:
        for table in ("projects_organisation", "projects_project", "projects_partnership"):
            cursor.execute(f"ANALYZE {table}")
    found = [organisation.pk for organisation in organisations[:100]]

    plan = Organisation.objects.public_checked_each().filter(pk__in=found).explain()

    assert "SubPlan" in plan
    assert "hashed SubPlan" not in plan
    assert Organisation.objects.public_checked_each().filter(pk__in=found).count() == 100
