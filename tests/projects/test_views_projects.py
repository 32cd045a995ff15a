"""The project list and the project page, as a reader sees them in both languages."""

import datetime
import html
import itertools
import json
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.utils import translation
from django.utils.text import slugify
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Partnership, Project
from projects.tables import ProjectTable
from regionportal.base.formatting import format_partial_date
from tests import factories
from tests.database import explained_with_sorting_ruled_out
from tests.tables import row_headers

pytestmark = pytest.mark.django_db


# Helpers -------------------------------------------------------------------------------------


def text(response):
    return response.content.decode()


def links_in(response, pattern):
    """The query parameters of every link inside the first element the pattern finds."""
    found = re.search(pattern, text(response), re.S)
    assert found, f"nothing matches {pattern}"
    return [
        parse_qs(urlsplit(html.unescape(href)).query, keep_blank_values=True)
        for href in re.findall(r'href="([^"]*)"', found.group(0))
    ]


def sort_links(response):
    return links_in(response, r"<thead.*?</thead>")


def pagination_links(response):
    return links_in(response, r'<nav class="pagination".*?</nav>')


def make_project(*, acronym, agency, pillar=None, programme=None, agency_budget=None, **fields):
    project = factories.make_project(acronym=acronym, slug=slugify(acronym), **fields)
    if pillar:
        factories.make_project_pillar(project=project, pillar=pillar, is_primary=True)
    if agency_budget is not None:
        factories.make_partnership(project=project, organisation=agency, budget=agency_budget)
    if programme:
        Project.objects.filter(pk=project.pk).update(programme=programme)
    return project


@pytest.fixture
def agency(db):
    return factories.make_agency(slug="rasr")


@pytest.fixture
def clean(agency):
    """CLEAN as the agency's presentation gives it, with what the project page shows."""
    source = factories.make_source(title="Predstavitev RASR", slug="predstavitev")
    interreg_source = factories.make_source(
        title="Interreg Europe: strani projekta", url="https://www.interregeurope.eu/"
    )
    programme = factories.make_programme(
        slug="interreg-europe",
        name_sl="Interreg Europe",
        name_en="Interreg Europe",
        is_eu_funded=True,
        co_funding_statement_sl="Projekt je sofinanciran iz ESRR.",
        co_funding_statement_en="The project is co-financed by the ERDF.",
    )
    pillar = factories.make_pillar(slug="gospodarstvo", name_sl="Gospodarstvo", name_en="Economy")
    secondary = factories.make_pillar(slug="narava", name_sl="Narava", name_en="Nature")
    project = factories.make_project(
        slug="clean",
        acronym="CLEAN",
        title_sl="CLEAN-Tehnologije in odprte inovacije za nizkoogljične regije",
        title_en="CLEAN – Technologies and open innovation for low-carbon regions",
        summary_sl="Izboljšava energetske učinkovitosti v javnih stavbah za 4 %.",
        summary_en="Improving the energy efficiency of public buildings by 4 %.",
        status=Project.Status.COMPLETED,
        status_note_sl="Predstavitev ga je navajala kot projekt »v izvajanju«.",
        status_note_en="The presentation listed it as “in implementation”.",
        call_sl="Drugi razpis",
        call_en="Second call",
        priority_area_en="Low-carbon economy",
        programme=programme,
        start_date=datetime.date(2017, 1, 1),
        start_precision="year",
        end_date=datetime.date(2021, 12, 31),
        end_precision="year",
        total_budget=Decimal("1598948.00"),
        budget_note_en="Figures in euros.",
        source=source,
        source_excerpt="PROJEKT: 1.598.948,00 EUR RASR: 133.562,00 EUR",
    )
    factories.make_project_pillar(project=project, pillar=secondary, is_primary=False)
    factories.make_project_pillar(project=project, pillar=pillar, is_primary=True)
    goal = factories.make_goal(
        slug="kultura-vodilni-partner", pillar=pillar, statement_en="A leading partner."
    )
    project.goals.add(goal)
    # The lead partner comes last in the source's list: the page still shows it first.
    partners = [
        ("anea", "Agenzia Napoletana Energia e Ambiente", "IT", "ANEA - Italija", 1),
        ("les-7-vents", "Les 7 Vents", "FR", "Les7Vents - Francija", 2),
    ]
    for slug, name, country, listed_as, order in partners:
        factories.make_partnership(
            project=project,
            organisation=factories.make_organisation(slug=slug, name=name, country=country),
            listed_as=listed_as,
            order=order,
        )
    factories.make_partnership(
        project=project,
        organisation=agency,
        order=3,
        listed_as="RASR d.o.o. – Slovenija",
        budget=Decimal("133562.00"),
    )
    factories.make_partnership(
        project=project,
        organisation=factories.make_organisation(
            slug="ernact",
            name="European Regions Network for the Application of Communications Technology",
            country="IE",
            acronym="ERNACT",
        ),
        role=Partnership.Role.LEAD,
        order=9,
        listed_as="ERNACT - Irska",
    )
    factories.make_result(
        project=project,
        order=1,
        kind="target",
        title_en="Better energy efficiency in public buildings",
        title_sl="Izboljšava energetske učinkovitosti",
        value=Decimal("4"),
        unit="%",
    )
    factories.make_result(
        project=project,
        order=2,
        kind="deliverable",
        title_sl="Regionalni akcijski načrt",
        title_en="Regional action plan",
    )
    factories.make_result(
        project=project,
        order=3,
        kind="event",
        title_sl="Mednarodna konferenca",
        title_en="International conference",
        date=datetime.date(2018, 9, 12),
        place="Celje",
    )
    celje = factories.make_municipality(slug="celje", name="Celje")
    project.municipalities.add(celje)
    factories.make_link(
        project=project,
        label_sl="Vir: www.interregeurope.eu",
        label_en="Source: www.interregeurope.eu",
        url="https://www.interregeurope.eu/clean/",
    )
    factories.make_discrepancy(
        about=project,
        field_label_sl="konec izvajanja",
        field_label_en="end",
        other_value="2022 (s 12-mesečnim podaljšanjem)",
        note_en="Other sources give a 12-month extension to 2022.",
        source=interreg_source,
    )
    return project


SPAS = [
    ("Terme Dobrna", "dobrna", "Dobrna"),
    ("Thermana Laško", "lasko", "Laško"),
    ("Terme Olimia", "podcetrtek", "Podčetrtek"),
    ("Rimske terme", "lasko", "Laško"),
    ("Zdravilišče Rogaška", "rogaska-slatina", "Rogaška Slatina"),
    ("Terme Topolšica", "sostanj", "Šoštanj"),
    ("Terme Zreče", "zrece", "Zreče"),
]


@pytest.fixture
def innovaspa(agency):
    project = factories.make_project(slug="innovaspa", acronym="InnovaSPA", title_sl="InnovaSPA")
    municipalities = {}
    for order, (name, slug, municipality_name) in enumerate(SPAS, start=1):
        if slug not in municipalities:
            municipalities[slug] = factories.make_municipality(slug=slug, name=municipality_name)
        factories.make_place(
            project=project,
            order=order,
            name=name,
            kind_sl="termalno zdravilišče",
            kind_en="thermal spa",
            municipality=municipalities[slug],
        )
    return project


# Every page, both languages ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize("path", ["/projects/", "/projects/clean/", "/projects/innovaspa/"])
def test_pages_answer_in_both_languages_with_one_h1(get_page, clean, innovaspa, language, path):
    get_page(f"/{language}{path}")  # checks the status, the one <h1> and the language


# The list ------------------------------------------------------------------------------------


def test_list_shows_the_columns_with_money_right_aligned(get_page, clean):
    response = get_page("/en/projects/")
    assertContains(response, "<caption>Projects</caption>", html=True)
    for header in ["Acronym", "Title", "Programme", "Period", "Total budget", "Agency's share"]:
        assertContains(response, f"{html.escape(header)}<span")
    assertContains(response, '<a href="/en/projects/clean/">CLEAN</a>', html=True)
    assertContains(
        response,
        '<td class="number"><span class="money">€1,598,948.00</span></td>',
        html=True,
    )
    assertContains(
        response, '<td class="number"><span class="money">€133,562.00</span></td>', html=True
    )
    assertContains(response, '<td class="period">2017–2021</td>', html=True)
    assertContains(response, "<td>Completed</td>", html=True)
    assertContains(response, "<td>Interreg Europe</td>", html=True)


def test_list_in_slovenian_shows_slovenian_content_and_money(get_page, clean):
    response = get_page("/sl/projects/")
    assertContains(response, "CLEAN-Tehnologije in odprte inovacije za nizkoogljične regije")
    assertContains(response, '<span class="money">1.598.948,00 €</span>', html=True)


def test_list_counts_the_results_with_plural_forms(get_page, agency):
    for number in range(9):
        make_project(acronym=f"P{number}", agency=agency, title_sl=f"Projekt {number}")
    assertContains(get_page("/en/projects/"), '<h2 id="results-heading">9 projects</h2>', html=True)
    assertContains(
        get_page("/en/projects/?q=P3"), '<h2 id="results-heading">1 project</h2>', html=True
    )


def test_list_says_so_when_nothing_matches(get_page, clean):
    response = get_page("/en/projects/?q=no+such+project")
    assertContains(response, '<h2 id="results-heading">0 projects</h2>', html=True)
    assertContains(
        response,
        '<p class="message">No projects match these filters. '
        '<a href="/en/projects/">Show all projects</a></p>',
        html=True,
    )
    assertNotContains(response, "<table")


def test_list_shows_the_latest_projects_first_and_undated_ones_last(get_page, sortable):
    response = get_page("/en/projects/")
    assert row_headers(response) == ["beta", "Šipek", "Alpha", "charlie"]
    assert re.search(
        r'<th scope="col" [^>]*aria-sort="descending">\s*<a href="\?sort=period">', text(response)
    )


def test_list_leaves_out_unpublished_projects(get_page, clean):
    factories.make_project(acronym="SECRET", state="draft")
    response = get_page("/en/projects/")
    assertNotContains(response, "SECRET")
    assertContains(response, '<h2 id="results-heading">1 project</h2>', html=True)


def test_filter_form_has_labels_a_submit_button_and_a_clear_link(get_page, clean):
    response = get_page("/en/projects/?pillar=narava&sort=-period")
    assertContains(response, '<form method="get" action="/en/projects/" class="filters">')
    for name, label in [
        ("q", "Search"),
        ("pillar", "Pillar"),
        ("programme", "Programme"),
        ("status", "Status"),
        ("country", "Partner country"),
        ("municipality", "Municipality"),
        ("year", "Year"),
        ("role", "The agency's role"),
    ]:
        assertContains(response, f'<label for="id_{name}">{html.escape(label)}:</label>', html=True)
    assertContains(response, '<button type="submit">Show projects</button>', html=True)
    assertContains(
        response,
        '<a class="button button--secondary" href="/en/projects/">Clear filters</a>',
        html=True,
    )
    # Filtering again keeps the sort order.
    assertContains(response, '<input type="hidden" name="sort" value="-period">', html=True)
    assertContains(response, '<option value="narava" selected>Nature</option>', html=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pillar=narava", ["ActiveHome", "InnovaSPA"]),
        ("programme=interreg-europe", ["CLEAN", "InnovaSPA"]),
        ("status=in_implementation", ["ActiveHome"]),
        ("country=HR", ["ActiveHome"]),
        ("municipality=celje", ["CLEAN"]),
        ("year=2018", ["CLEAN", "InnovaSPA"]),
        ("role=lead", ["ActiveHome"]),
        ("role=partner", ["CLEAN", "InnovaSPA"]),
        ("q=thermal", ["InnovaSPA"]),
        ("q=TOPLOTNE", ["InnovaSPA"]),
        ("pillar=narava&programme=interreg-europe&year=2022&role=partner", ["InnovaSPA"]),
        ("country=HR&status=completed", []),
    ],
)
def test_list_filters_from_the_address(get_page, agency, query, expected):
    nature = factories.make_pillar(slug="narava")
    economy = factories.make_pillar(slug="gospodarstvo")
    interreg = factories.make_programme(slug="interreg-europe")
    celje = factories.make_municipality(slug="celje")
    make_project(
        acronym="CLEAN",
        agency=agency,
        pillar=economy,
        programme=interreg,
        agency_budget=Decimal("1"),
        status=Project.Status.COMPLETED,
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2021, 12, 31),
    ).municipalities.add(celje)
    make_project(
        acronym="InnovaSPA",
        agency=agency,
        pillar=nature,
        programme=interreg,
        agency_budget=Decimal("1"),
        status=Project.Status.COMPLETED,
        title_sl="Toplotne regije",
        title_en="Thermal regions",
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    active_home = make_project(
        acronym="ActiveHome",
        agency=agency,
        pillar=nature,
        status=Project.Status.IN_IMPLEMENTATION,
        start_date=datetime.date(2019, 1, 1),
        end_date=None,
    )
    factories.make_partnership(project=active_home, organisation=agency, role=Partnership.Role.LEAD)
    factories.make_partnership(
        project=active_home, organisation=factories.make_organisation(country="HR")
    )
    response = get_page(f"/en/projects/?{query}")
    assert sorted(row_headers(response)) == expected


# Sorting -------------------------------------------------------------------------------------


@pytest.fixture
def sortable(agency):
    """Four projects whose every column sorts differently, with an empty value in most."""
    alpha_programme = factories.make_programme(name_sl="Alpe", name_en="Zenith")
    beta_programme = factories.make_programme(name_sl="Breg", name_en="Apex")
    make_project(
        acronym="beta",
        agency=agency,
        title_sl="Cvet",
        title_en="Apple",
        programme=alpha_programme,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2020, 1, 1),
        total_budget=Decimal("300"),
        agency_budget=Decimal("30"),
        status=Project.Status.COMPLETED,
    )
    make_project(
        acronym="Alpha",
        agency=agency,
        title_sl="avtocesta",
        title_en="",  # falls back to the Slovenian title in English
        programme=beta_programme,
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2018, 1, 1),
        total_budget=Decimal("1000"),
        agency_budget=Decimal("5"),
        status=Project.Status.IDEA,
    )
    make_project(
        acronym="Šipek",
        agency=agency,
        title_sl="Breza",
        title_en="cherry",
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2025, 1, 1),
        total_budget=None,
        agency_budget=None,
        status=Project.Status.IN_IMPLEMENTATION,
    )
    make_project(
        acronym="charlie",
        agency=agency,
        title_sl="Češnja",
        title_en="Banana",
        start_date=None,
        end_date=None,
        total_budget=Decimal("20"),
        agency_budget=Decimal("20"),
        status=Project.Status.SUBMITTED,
    )


@pytest.mark.parametrize(
    ("language", "sort", "expected"),
    [
        # Case does not matter; an empty value comes last in either direction.
        ("en", "acronym", ["Alpha", "beta", "charlie", "Šipek"]),
        ("en", "-acronym", ["Šipek", "charlie", "beta", "Alpha"]),
        # The title in the page's language, the Slovenian one where the English one is empty.
        ("en", "title", ["beta", "Alpha", "charlie", "Šipek"]),
        ("en", "-title", ["Šipek", "charlie", "Alpha", "beta"]),
        ("sl", "title", ["Alpha", "Šipek", "beta", "charlie"]),
        ("en", "programme", ["Alpha", "beta", "Šipek", "charlie"]),
        ("en", "-programme", ["beta", "Alpha", "Šipek", "charlie"]),
        ("sl", "programme", ["beta", "Alpha", "Šipek", "charlie"]),
        ("en", "period", ["Alpha", "Šipek", "beta", "charlie"]),
        ("en", "-period", ["beta", "Šipek", "Alpha", "charlie"]),
        ("en", "total_budget", ["charlie", "beta", "Alpha", "Šipek"]),
        ("en", "-total_budget", ["Alpha", "beta", "charlie", "Šipek"]),
        ("en", "agency_share", ["Alpha", "charlie", "beta", "Šipek"]),
        ("en", "-agency_share", ["beta", "charlie", "Alpha", "Šipek"]),
        # The order a project goes through: idea, application, …, completion.
        ("en", "status", ["Alpha", "charlie", "Šipek", "beta"]),
        ("en", "-status", ["beta", "Šipek", "charlie", "Alpha"]),
    ],
)
def test_list_sorts_by_every_column(get_page, sortable, language, sort, expected):
    response = get_page(f"/{language}/projects/?sort={sort}")
    assert row_headers(response) == expected
    column = sort.lstrip("-")
    direction = "descending" if sort.startswith("-") else "ascending"
    assert re.search(
        rf'<th scope="col" [^>]*aria-sort="{direction}">\s*<a href="\?sort=', text(response)
    )
    assert f"?sort={column if sort.startswith('-') else '-' + column}" in text(response)


# Every filter, sort and page keeps the others ------------------------------------------------


@pytest.fixture
def many_projects(agency):
    """45 projects that every filter below keeps: three pages of 20."""
    pillar = factories.make_pillar(slug="narava")
    programme = factories.make_programme(slug="interreg-europe")
    municipality = factories.make_municipality(slug="celje")
    partner = factories.make_organisation(country="HR")
    for number in range(45):
        project = make_project(
            acronym=f"PRJ{number:02}",
            agency=agency,
            pillar=pillar,
            programme=programme,
            agency_budget=Decimal(number),
            status=Project.Status.COMPLETED,
            start_date=datetime.date(2018, 1, 1),
            end_date=datetime.date(2020, 12, 31),
            total_budget=Decimal(1000 + number),
        )
        project.municipalities.add(municipality)
        factories.make_partnership(project=project, organisation=partner)


FILTER_SETS = [
    {},
    {"q": "prj"},
    {"pillar": "narava", "programme": "interreg-europe", "status": "completed"},
    {
        "q": "PRJ",
        "pillar": "narava",
        "programme": "interreg-europe",
        "status": "completed",
        "country": "HR",
        "municipality": "celje",
        "year": "2019",
        "role": "partner",
    },
]
SORTS = [
    None,
    *itertools.chain.from_iterable(
        (column, f"-{column}")
        for column in [
            "acronym",
            "title",
            "programme",
            "period",
            "total_budget",
            "agency_share",
            "status",
        ]
    ),
]


@pytest.mark.parametrize("filters", FILTER_SETS)
@pytest.mark.parametrize("page_number", [None, "2", "3"])
def test_paging_and_sorting_links_keep_every_other_setting(
    get_page, many_projects, filters, page_number
):
    for sort in SORTS:
        params = dict(filters)
        if sort:
            params["sort"] = sort
        if page_number:
            params["page"] = page_number
        query = "&".join(f"{key}={value}" for key, value in params.items())
        response = get_page(f"/en/projects/?{query}")
        assertContains(response, '<h2 id="results-heading">45 projects</h2>', html=True)
        expected = {key: [value] for key, value in params.items()}

        paging = pagination_links(response)
        assert paging, "three pages need page links"
        for link in paging:
            assert link.pop("page")[0] in {"1", "2", "3"}
            assert link == {key: value for key, value in expected.items() if key != "page"}

        sorting = sort_links(response)
        assert len(sorting) == 7
        for link in sorting:
            assert link.pop("sort")[0].lstrip("-") in SORTS
            assert link == {key: value for key, value in expected.items() if key != "sort"}

        rows = row_headers(response)
        assert len(rows) == (5 if page_number == "3" else 20)


def test_pages_of_a_sorted_list_do_not_overlap(get_page, many_projects):
    seen = []
    for number in ["1", "2", "3"]:
        seen += row_headers(get_page(f"/en/projects/?sort=status&page={number}"))
    assert sorted(seen) == [f"PRJ{number:02}" for number in range(45)]


def test_the_first_page_in_the_default_order_reads_the_latest_first_index(db):
    """The keys of the list's page come from the index in the list's order (migration 0008),
    not from sorting every published project: with sorting ruled out on PostgreSQL, and on
    SQLite as its planner chooses once it knows that nearly every project is published.
    PostgreSQL may as well read the API's index (migration 0010: the state, then the latest
    start first) and sort only the projects of one start date by their end (an incremental
    sort), which is no sort of every project either."""
    for _ in range(5):
        factories.make_project()
    ordered, _ = ProjectTable.order_period(None, Project.objects.published(), True)
    keys = ordered.values("pk")[:20]
    plan = explained_with_sorting_ruled_out(keys)
    assert "project_latest_first" in plan or (
        "project_api_order" in plan and "Incremental Sort" in plan
    ), plan


@pytest.mark.parametrize(
    ("is_descending", "index"),
    [(True, "project_budget_largest_first"), (False, "project_budget_smallest_first")],
)
def test_the_first_page_by_budget_reads_an_index_in_that_order(db, is_descending, index):
    """Migration 0010: the list sorted by total budget reads its page's keys from an index led
    by the publication state (SQLite has none for smallest first, whose empty amounts last its
    indexes cannot order: there the keys are sorted)."""
    for _ in range(5):
        factories.make_project(status="in_implementation")
    ordered, _ = ProjectTable.order_total_budget(None, Project.objects.published(), is_descending)
    keys = ordered.filter(status="in_implementation").values("pk")[:20]
    plan = explained_with_sorting_ruled_out(keys)
    if connection.vendor == "sqlite" and not is_descending:
        assert "TEMP B-TREE" in plan
    else:
        assert index in plan


@pytest.mark.parametrize("is_descending", [False, True])
@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_first_page_by_title_reads_the_index_of_its_language(db, language, is_descending):
    """Migration 0012: the keys of the list sorted by title come from the index of the title
    in the page's language, not from sorting every published project. Descending, the index
    is read backwards and only projects of the same title are sorted by key; SQLite's planner
    does so for a large table only (at 10,000 projects), and sorts these few."""
    for number in range(5):
        factories.make_project(title_en="" if number % 2 else f"Project {number}")
    with translation.override(language):
        ordered, _ = ProjectTable.order_title(None, Project.objects.published(), is_descending)
    keys = ordered.values("pk")[:20]
    plan = explained_with_sorting_ruled_out(keys)
    if is_descending and connection.vendor == "sqlite":
        assert "TEMP B-TREE" in plan
    else:
        assert f"project_title_{language}" in plan


def test_the_apis_first_page_reads_the_index_in_its_order(db):
    for _ in range(5):
        factories.make_project()
    keys = Project.objects.published().for_api_list().values("pk")[:50]
    assert "project_api_order" in explained_with_sorting_ruled_out(keys)


# Bad input -----------------------------------------------------------------------------------

FILTER_ERROR = "Some filters could not be used and were left out. Correct the fields marked below."


@pytest.mark.parametrize(
    ("query", "field_error"),
    [
        (
            "pillar=no-such-pillar",
            "Select a valid choice. That choice is not one of the available choices.",
        ),
        ("programme=%00", "Null characters are not allowed."),
        ("status=%F0%9F%98%80", "Select a valid choice. 😀 is not one of the available choices."),
        ("country=XX", "Select a valid choice. XX is not one of the available choices."),
        (  # a right-to-left mark and a Cyrillic letter
            "municipality=%E2%80%8Fcelj%D0%B5",
            "Select a valid choice. That choice is not one of the available choices.",
        ),
        ("role=boss", "Select a valid choice. boss is not one of the available choices."),
        ("year=twenty", "Enter a whole number."),
        ("year=99999999999999999999", "Ensure this value is less than or equal to 9999."),
        ("year=-5", "Ensure this value is greater than or equal to 1000."),
        ("year=" + "9" * 5000, "Enter a whole number."),
        ("q=" + "x" * 5000, "Ensure this value has at most 200 characters (it has 5000)."),
        ("q=%00", "Null characters are not allowed."),
    ],
)
def test_a_bad_filter_value_is_an_error_next_to_its_field(get_page, clean, query, field_error):
    response = get_page(f"/en/projects/?{query}")
    assertContains(response, f'<p class="message" id="filter-errors">{FILTER_ERROR}</p>', html=True)
    assertContains(response, f"<li>{html.escape(field_error)}</li>")
    assertContains(response, 'aria-invalid="true"')
    # The filter is left out, so the list still shows the project.
    assert row_headers(response) == ["CLEAN"]


@pytest.mark.parametrize(
    "query",
    [
        "q=%E2%80%8F%E2%80%AE",  # right-to-left marks
        "q=%F0%9F%98%80",  # an emoji
        "q=%25%30%30",  # "%00" as text
        "q=%FF%FE",  # not UTF-8
        "sort=%00",
        "sort=no_such_column",
        "sort=" + "-" * 5000,
        "page=abc",
        "page=%00",
        "per_page=0",
        "per_page=-3",
        "per_page=99999999999999999999",
        "page=1&page=2&sort=title&sort=-title",
    ],
)
def test_odd_values_give_a_page_never_an_error(get_page, clean, query):
    get_page(f"/en/projects/?{query}")  # checks the status, the one <h1> and the language


def test_odd_text_finds_nothing_and_says_so(get_page, clean):
    response = get_page("/en/projects/?q=%E2%80%8F%F0%9F%98%80")
    assertContains(response, "No projects match these filters.")


@pytest.mark.parametrize("asked", ["4", "99999999999999999999", "-1", "0"])
def test_a_page_past_the_end_shows_the_last_page_and_says_so(get_page, many_projects, asked):
    response = get_page(f"/en/projects/?page={asked}&sort=acronym")
    assertContains(
        response,
        '<p class="message">The page asked for does not exist. Showing page 3 of 3.</p>',
        html=True,
    )
    assert row_headers(response) == [f"PRJ{number}" for number in range(40, 45)]


def test_a_page_that_is_not_a_number_shows_the_first_page_and_says_so(get_page, many_projects):
    response = get_page("/en/projects/?page=abc&sort=acronym")
    assertContains(response, "Showing page 1 of 3.")
    assert row_headers(response)[0] == "PRJ00"


def test_a_page_number_written_differently_is_the_same_page(get_page, many_projects):
    response = get_page("/en/projects/?page=02&sort=acronym")
    assertNotContains(response, "The page asked for does not exist.")
    assert row_headers(response) == [f"PRJ{number}" for number in range(20, 40)]


def test_the_filter_form_keeps_only_a_sort_order_the_table_knows(get_page, clean):
    response = get_page("/en/projects/?sort=no_such_column")
    assertNotContains(response, 'name="sort"')
    response = get_page("/en/projects/?sort=-title")
    assertContains(response, '<input type="hidden" name="sort" value="-title">', html=True)


def test_page_size_from_the_address_stays_within_bounds(get_page, many_projects):
    assert len(row_headers(get_page("/en/projects/?per_page=10"))) == 10
    assert len(row_headers(get_page("/en/projects/?per_page=0"))) == 20
    assert len(row_headers(get_page("/en/projects/?per_page=100000"))) == 20


# The project page ----------------------------------------------------------------------------


def test_detail_shows_money_exactly_in_each_language(get_page, clean):
    slovenian = get_page("/sl/projects/clean/")
    assertContains(slovenian, '<span class="money">1.598.948,00 €</span>', html=True)
    assertContains(slovenian, '<span class="money">133.562,00 €</span>', html=True)
    assertContains(slovenian, "(8,4 % skupnega proračuna)")
    english = get_page("/en/projects/clean/")
    assertContains(english, '<span class="money">€1,598,948.00</span>', html=True)
    assertContains(
        english,
        "<dt>The agency's share</dt>"
        '<dd><span class="money">€133,562.00</span> (8.4% of the total)</dd>',
        html=True,
    )


@pytest.mark.parametrize("total_budget", [None, Decimal("0.00")])
def test_detail_gives_no_percentage_of_a_total_not_known(get_page, agency, total_budget):
    make_project(
        acronym="OPEN", agency=agency, agency_budget=Decimal("1000.00"), total_budget=total_budget
    )

    response = get_page("/en/projects/open/")

    assertContains(
        response,
        '<dt>The agency\'s share</dt><dd><span class="money">€1,000.00</span></dd>',
        html=True,
    )
    assertNotContains(response, "of the total")


def test_detail_shows_the_facts(get_page, clean):
    response = get_page("/en/projects/clean/")
    assertContains(
        response,
        "<h1>CLEAN – Technologies and open innovation for low-carbon regions</h1>",
        html=True,
    )
    assertContains(response, "<dt>Acronym</dt><dd>CLEAN</dd>", html=True)
    assertContains(
        response,
        '<dd>Completed<br><span class="note">The presentation listed it as “in implementation”.'
        "</span></dd>",
        html=True,
    )
    assertContains(
        response,
        '<dd><a href="/en/funding/programmes/interreg-europe/">Interreg Europe</a></dd>',
        html=True,
    )
    assertContains(response, "<dt>Call</dt><dd>Second call</dd>", html=True)
    assertContains(response, "<dt>Priority area</dt><dd>Low-carbon economy</dd>", html=True)
    assertContains(response, "<dt>Period</dt><dd>2017–2021</dd>", html=True)
    assertContains(response, "<dt>Budget note</dt><dd>Figures in euros.</dd>", html=True)


def test_detail_shows_the_eu_emblem_and_statement_where_the_programme_is_eu_funded(get_page, clean):
    response = get_page("/en/projects/clean/")
    assertContains(response, 'alt="Co-funded by the European Union"')
    assertContains(response, "<p>The project is co-financed by the ERDF.</p>", html=True)
    assertContains(response, "/static/img/eu-emblem.")

    clean.programme.is_eu_funded = False
    clean.programme.save()
    assertNotContains(get_page("/en/projects/clean/"), "eu-emblem")


def test_detail_lists_the_lead_partner_first_then_the_sources_order(get_page, clean):
    response = get_page("/en/projects/clean/")
    partners = re.search(r'<h2 id="partners">.*?</table>', text(response), re.S).group(0)
    names = re.findall(r'<a href="/en/partners/([^/]+)/">', partners)
    assert names == ["ernact", "anea", "les-7-vents", "rasr"]
    assertContains(response, "<td>Lead partner</td>", count=1, html=True)
    assertContains(response, "<td>Ireland</td>", html=True)
    # The name as the source lists it, where it differs.
    assertContains(response, "Listed in the source as: ERNACT - Irska")
    assertContains(
        response,
        '<td class="number"><span class="money">€133,562.00</span></td>',
        html=True,
    )
    assertContains(response, "4 partners, the lead partner first")


def test_detail_shows_pillars_primary_first_and_goals(get_page, clean):
    response = get_page("/en/projects/clean/")
    pillars = re.findall(
        r'class="pillar-badge pillar--([a-z-]+)" href="/en/pillars/\1/"', text(response)
    )
    assert pillars == ["gospodarstvo", "narava"]
    assertContains(response, '<span class="visually-hidden"> (primary pillar)</span>', count=1)
    assertContains(
        response, '<a href="/en/pillars/vision/#kultura-vodilni-partner">A leading partner.</a>'
    )


def test_detail_shows_results_by_kind(get_page, clean):
    response = get_page("/en/projects/clean/")
    assertContains(response, "<h3>Targets and objectives</h3>", html=True)
    assertContains(response, "<strong>Better energy efficiency in public buildings</strong>: 4 %")
    assertContains(response, "<h3>Deliverables and outputs</h3>", html=True)
    assertContains(response, "<strong>Regional action plan</strong>")
    assertContains(response, "<h3>Events</h3>", html=True)
    with translation.override("en"):
        date = format_partial_date(datetime.date(2018, 9, 12), "day")
    assertContains(response, f'<span class="note">{date}, Celje</span>', html=True)


def test_detail_shows_the_seven_related_places_with_their_municipalities(get_page, innovaspa):
    response = get_page("/en/projects/innovaspa/")
    for name, slug, municipality in SPAS:
        assertContains(
            response,
            f'<li>{name}, thermal spa – <a href="/en/municipalities/{slug}/">'
            f"Municipality of {municipality}</a></li>",
            html=True,
        )
    places = re.search(r"<h2>Related places</h2>\s*<ul>(.*?)</ul>", text(response), re.S).group(1)
    assert places.count("<li>") == 7


def test_detail_shows_municipalities_and_sources(get_page, clean):
    response = get_page("/en/projects/clean/")
    assertContains(response, '<li><a href="/en/municipalities/celje/">Celje</a></li>', html=True)
    assertContains(
        response,
        '<li><a href="https://www.interregeurope.eu/clean/">Source: www.interregeurope.eu</a></li>',
        html=True,
    )
    assertContains(
        response,
        '<p><strong>Source:</strong> <span lang="sl">Predstavitev RASR</span></p>',
        html=True,
    )
    assertContains(
        response,
        '<blockquote lang="sl">PROJEKT: 1.598.948,00 EUR RASR: 133.562,00 EUR</blockquote>',
        html=True,
    )


def test_detail_shows_both_figures_where_sources_differ(get_page, clean):
    response = get_page("/en/projects/clean/")
    assertContains(
        response,
        "The figures on this page are those of “Predstavitev RASR”. Other sources give these:",
    )
    # This page's figure …
    assertContains(response, "<dt>Period</dt><dd>2017–2021</dd>", html=True)
    # … and the other source's, with that source.
    assertContains(
        response,
        '<tr><th scope="row">end</th><td>2022 (s 12-mesečnim podaljšanjem)</td>'
        '<td lang="sl"><a href="https://www.interregeurope.eu/">'
        "Interreg Europe: strani projekta</a></td>"
        "<td>Other sources give a 12-month extension to 2022.</td></tr>",
        html=True,
    )


def test_detail_has_meta_description_and_open_graph_from_the_summary(get_page, clean):
    response = get_page("/en/projects/clean/")
    summary = "Improving the energy efficiency of public buildings by 4 %."
    assertContains(response, f'<meta name="description" content="{summary}">')
    assertContains(response, f'<meta property="og:description" content="{summary}">')
    assertContains(
        response,
        '<meta property="og:title" content="CLEAN – Technologies and open innovation for '
        'low-carbon regions">',
    )


def jsonld_of(response):
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', text(response), re.S
    )
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_detail_has_schema_org_project_json_ld(get_page, clean):
    data = jsonld_of(get_page("/en/projects/clean/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Project"
    assert data["name"] == "CLEAN – Technologies and open innovation for low-carbon regions"
    assert data["alternateName"] == "CLEAN"
    assert data["description"] == "Improving the energy efficiency of public buildings by 4 %."
    assert data["url"] == "http://testserver/en/projects/clean/"
    assert data["foundingDate"] == "2017"
    assert data["dissolutionDate"] == "2021"
    assert data["funder"] == {
        "@type": "Organization",
        "name": "Interreg Europe",
        "url": "http://testserver/en/funding/programmes/interreg-europe/",
    }
    assert [member["url"].rsplit("/", 2)[1] for member in data["member"]] == [
        "ernact",
        "anea",
        "les-7-vents",
        "rasr",
    ]
    assert data["member"][0]["address"] == {"@type": "PostalAddress", "addressCountry": "IE"}


def test_json_ld_cannot_be_broken_out_of(get_page, agency):
    factories.make_project(
        slug="tricky",
        acronym="</script><script>alert(1)</script>",
        title_sl='Naslov z "narekovaji" & <oznakami>',
    )
    response = get_page("/sl/projects/tricky/")
    script = re.search(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text(response), re.S
    )
    assert "<" not in script.group(1)
    data = json.loads(script.group(1))
    assert data["alternateName"] == "</script><script>alert(1)</script>"
    assert data["name"] == 'Naslov z "narekovaji" & <oznakami>'


def test_unpublished_project_is_not_found(get_page, agency):
    factories.make_project(slug="hidden", state="draft")
    get_page("/en/projects/hidden/", status=404)
    get_page("/sl/projects/hidden/", status=404)


def test_unknown_project_is_not_found(get_page, db):
    get_page("/en/projects/no-such-project/", status=404)


# Query counts --------------------------------------------------------------------------------


def add_listed_projects(agency, count):
    pillars = [factories.make_pillar(), factories.make_pillar()]
    programme = factories.make_programme()
    for _ in range(count):
        project = factories.make_full_project(agency=agency, partners=3, programme=programme)
        factories.make_project_pillar(project=project, pillar=pillars[0])
        factories.make_project_pillar(project=project, pillar=pillars[1])


@pytest.mark.parametrize(
    "query",
    ["", "?sort=-agency_share&pillar=&q=PRJ", "?page=2&sort=title", "?country=AT&year=2021"],
)
def test_list_queries_do_not_grow_with_the_rows(assert_constant_queries, agency, query):
    add_listed_projects(agency, 3)

    def add_rows():
        add_listed_projects(agency, 40)

    assert_constant_queries(f"/en/projects/{query}", add_rows)


def add_related_rows(project, count):
    """Rows of every kind the project page shows."""
    for _ in range(count):
        factories.make_partnership(project=project, organisation=factories.make_organisation())
        factories.make_result(project=project, kind="event", place="Celje")
        factories.make_place(project=project, municipality=factories.make_municipality())
        factories.make_link(project=project)
        factories.make_discrepancy(about=project)
        project.goals.add(factories.make_goal())
        project.municipalities.add(factories.make_municipality())
        factories.make_project_pillar(project=project)


def test_detail_queries_do_not_grow_with_the_rows(assert_constant_queries, agency):
    project = factories.make_full_project(slug="full", agency=agency, partners=2)
    add_related_rows(project, 1)

    def add_rows():
        add_related_rows(project, 10)

    assert_constant_queries("/en/projects/full/", add_rows)
