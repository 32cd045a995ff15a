"""Pages that show projects beside other content stay small however many there are: they show
the first ones with the count and sums of them all and a link to the project list (or pages)
with the rest, in as many queries with many projects as with few."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Partnership
from tests import factories
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

# As projects.tables.FIRST_ROWS: the test states it, so that a change of it is a decision.
FIRST_ROWS = 20


def make_projects(count, *, first_year=2000, prefix="P", **fields):
    """`count` published projects P01, P02, … (another prefix for more), each starting a year
    after the one before (the pages show the latest first), each with a budget of 1,000 €."""
    return [
        factories.make_project(
            slug=f"{prefix.lower()}{number:02}",
            acronym=f"{prefix}{number:02}",
            title_sl=f"Projekt {prefix}{number:02}",
            start_date=datetime.date(first_year + number, 1, 1),
            end_date=datetime.date(first_year + number, 12, 31),
            total_budget=Decimal("1000.00"),
            **fields,
        )
        for number in range(1, count + 1)
    ]


def project_links(response):
    """The acronyms of the projects the page links, in order."""
    content = response.content.decode()
    return [
        acronym
        for acronym in (f"P{number:02}" for number in range(1, 100))
        if f'href="/{response.wsgi_request.LANGUAGE_CODE}/projects/{acronym.lower()}/"' in content
    ]


def assert_first_shown(response, *, count, shown=FIRST_ROWS):
    """The page links the latest `shown` of the `count` projects and says so."""
    assert project_links(response) == [
        f"P{number:02}" for number in range(count - shown + 1, count + 1)
    ]
    english = response.wsgi_request.LANGUAGE_CODE == "en"
    assertContains(
        response,
        f'<p class="more-items">The first {shown} of {count} projects are shown.'
        if english
        else f'<p class="more-items">Prikazanih je prvih {shown} od {count} projektov.',
    )


@pytest.fixture
def agency():
    return factories.make_agency(slug="rasr")


# A municipality's page


@pytest.fixture
def municipality():
    return factories.make_municipality(slug="lasko", name="Laško")


def test_municipality_page_shows_the_first_projects_and_links_to_them_all(client, municipality):
    projects = make_projects(FIRST_ROWS + 2)
    for project in projects[:10]:
        project.municipalities.add(municipality)
    for project in projects[10:]:
        factories.make_place(project=project, municipality=municipality)

    response = client.get("/en/municipalities/lasko/")

    assert_first_shown(response, count=22)
    # The sum row counts them all.
    assertContains(response, "Together, 22 projects")
    assertContains(response, "€22,000.00")
    assertContains(
        response, '<a href="/en/projects/?municipality=lasko">All of them in the project list</a>'
    )
    # The list shows them all, those with a place in the municipality too.
    listed = client.get("/en/projects/?municipality=lasko")
    assertContains(listed, '<h2 id="results-heading">22 projects</h2>', html=True)


def test_municipality_page_in_slovenian(client, municipality):
    for project in make_projects(FIRST_ROWS + 1):
        project.municipalities.add(municipality)

    response = client.get("/sl/municipalities/lasko/")

    assert_first_shown(response, count=21)
    assertContains(
        response, '<a href="/sl/projects/?municipality=lasko">Vsi na seznamu projektov</a>'
    )


def test_municipality_page_with_few_projects_shows_them_all_and_no_link(client, municipality):
    for project in make_projects(3):
        project.municipalities.add(municipality)

    response = client.get("/en/municipalities/lasko/")

    assert project_links(response) == ["P01", "P02", "P03"]
    assertNotContains(response, "more-items")


def test_municipality_page_queries_do_not_grow_past_the_first_projects(
    client, assert_constant_queries, municipality
):
    for project in make_projects(3):
        project.municipalities.add(municipality)
    factories.make_agreement_project(municipalities=[municipality])

    def add_rows():
        for project in make_projects(FIRST_ROWS + 5, first_year=2100, prefix="Q"):
            project.municipalities.add(municipality)
        for _ in range(FIRST_ROWS + 5):
            factories.make_agreement_project(municipalities=[municipality])

    assert_constant_queries("/en/municipalities/lasko/", add_rows)


def test_municipality_page_shows_the_first_investments_with_the_sums_of_them_all(
    client, municipality
):
    for number in range(1, FIRST_ROWS + 3):
        factories.make_agreement_project(
            title_sl=f"Naložba N{number:02}",
            total_value=Decimal("10.00"),
            municipalities=[municipality],
        )

    response = client.get("/en/municipalities/lasko/")

    assert response.content.decode().count("Naložba N") == FIRST_ROWS
    assertContains(response, "Together, 22 investments")
    assertContains(response, "€220.00")
    assertContains(response, '<a href="/en/funding/agreement/">')


# A pillar's page


@pytest.fixture
def pillar():
    return factories.make_pillar(slug="narava", name_sl="Narava", name_en="Nature")


def test_pillar_page_shows_the_first_projects_and_links_to_them_all(client, pillar):
    for project in make_projects(FIRST_ROWS + 2):
        factories.make_project_pillar(project=project, pillar=pillar, is_primary=True)

    response = client.get("/en/pillars/narava/")

    assert_first_shown(response, count=22)
    assertContains(response, "Together, 22 projects")
    assertContains(
        response, '<a href="/en/projects/?pillar=narava">All of them in the project list</a>'
    )
    listed = client.get("/en/projects/?pillar=narava")
    assertContains(listed, '<h2 id="results-heading">22 projects</h2>', html=True)


def test_pillar_page_queries_do_not_grow_past_the_first_projects(
    client, assert_constant_queries, pillar
):
    for project in make_projects(2):
        factories.make_project_pillar(project=project, pillar=pillar, is_primary=True)

    def add_rows():
        for project in make_projects(FIRST_ROWS + 5, first_year=2100, prefix="Q"):
            factories.make_project_pillar(project=project, pillar=pillar, is_primary=False)

    assert_constant_queries("/en/pillars/narava/", add_rows)


# The funding page and a programme's page


@pytest.fixture
def programme():
    return factories.make_programme(slug="interreg-europe", name_sl="Interreg Europe")


def test_funding_page_shows_a_few_projects_of_each_programme(client, programme):
    make_projects(7, programme=programme)

    response = client.get("/en/funding/")

    assert_first_shown(response, count=7, shown=5)
    assertContains(response, "Together, 7 projects")
    assertContains(
        response,
        '<a href="/en/projects/?programme=interreg-europe">All of them in the project list</a>',
    )


def test_programme_page_shows_the_first_projects_and_links_to_them_all(client, programme):
    make_projects(FIRST_ROWS + 2, programme=programme)

    response = client.get("/sl/funding/programmes/interreg-europe/")

    assert_first_shown(response, count=22)
    assertContains(
        response, '<a href="/sl/projects/?programme=interreg-europe">Vsi na seznamu projektov</a>'
    )
    listed = client.get("/sl/projects/?programme=interreg-europe")
    assertContains(listed, '<h2 id="results-heading">22 projektov</h2>', html=True)


@pytest.mark.parametrize("url", ["/en/funding/", "/en/funding/programmes/interreg-europe/"])
def test_funding_queries_do_not_grow_past_the_first_projects(
    client, assert_constant_queries, programme, url
):
    make_projects(2, programme=programme)

    def add_rows():
        make_projects(FIRST_ROWS + 5, first_year=2100, prefix="Q", programme=programme)
        other = factories.make_programme()
        make_projects(3, first_year=2200, prefix="R", programme=other)

    assert_constant_queries(url, add_rows)


# The agency's portfolio


def portfolio(agency, count, *, leads=0, **fields):
    """`count` projects (make_projects()) with the agency as a partner, the first `leads` of
    them led by it."""
    projects = make_projects(count, **fields)
    for number, project in enumerate(projects):
        role = Partnership.Role.LEAD if number < leads else Partnership.Role.PARTNER
        factories.make_partnership(
            project=project, organisation=agency, role=role, budget=Decimal("100.00")
        )
    return projects


def test_agency_page_shows_the_first_projects_and_links_to_them_by_role(client, agency):
    portfolio(agency, FIRST_ROWS + 2, leads=5)

    response = client.get("/en/partners/agency/")

    assert_first_shown(response, count=22)
    assertContains(response, '<a href="/en/projects/?role=lead">The projects it leads (5)</a>')
    assertContains(
        response,
        '<a href="/en/projects/?role=partner">The projects in which it is a partner (17)</a>',
    )
    # The figures and the sum row are those of all 22.
    assertContains(response, "<dt>Projects</dt>\n    <dd>22</dd>")
    assertContains(response, '<span class="money">€22,000.00</span>')
    listed = client.get("/en/projects/?role=lead")
    assertContains(listed, '<h2 id="results-heading">5 projects</h2>', html=True)


def test_agency_page_in_slovenian(client, agency):
    portfolio(agency, FIRST_ROWS + 1, leads=1)

    response = client.get("/sl/partners/agency/")

    assert_first_shown(response, count=21)
    assertContains(response, '<a href="/sl/projects/?role=lead">Projekti, ki jih vodi (1)</a>')
    assertContains(
        response,
        '<a href="/sl/projects/?role=partner">Projekti, v katerih je partner (20)</a>',
    )


def test_agency_page_shows_the_first_projects_without_a_partnership(client, agency):
    portfolio(agency, 1)
    make_projects(FIRST_ROWS + 3, first_year=2100, prefix="Q")

    response = client.get("/en/partners/agency/")

    assertContains(response, "The first 20 of 23 projects are shown.")
    assertContains(
        response, '<a href="/en/projects/?role=none">All of them in the project list</a>'
    )
    listed = client.get("/en/projects/?role=none")
    assertContains(listed, '<h2 id="results-heading">23 projects</h2>', html=True)


def test_agency_page_queries_do_not_grow_past_the_first_projects(
    client, assert_constant_queries, agency
):
    portfolio(agency, 2, leads=1)
    make_projects(1, first_year=1900, prefix="S")

    def add_rows():
        portfolio(agency, FIRST_ROWS + 5, leads=3, first_year=2100, prefix="Q")
        make_projects(FIRST_ROWS + 1, first_year=2200, prefix="R")

    assert_constant_queries("/en/partners/agency/", add_rows)


# A partner's page: its projects in pages


@pytest.fixture
def partner():
    return factories.make_organisation(slug="zrc-sazu", name="ZRC SAZU")


def take_part(partner, count):
    for project in make_projects(count):
        factories.make_partnership(project=project, organisation=partner)


def test_partner_page_shows_its_projects_in_pages(client, partner):
    take_part(partner, FIRST_ROWS + 1)

    first = client.get("/en/partners/zrc-sazu/")
    second = client.get("/en/partners/zrc-sazu/?page=2")

    assert project_links(first) == [f"P{number:02}" for number in range(2, 22)]
    assertContains(first, "The organisation takes part in 21 projects")
    assertContains(first, "(page 1 of 2)")
    assertContains(first, '<nav class="pagination" aria-label="Pages">')
    assertContains(
        first,
        '<a href="?page=2" rel="next">Next<span class="visually-hidden"> page</span></a>',
        html=True,
    )
    assert project_links(second) == ["P01"]
    assertContains(second, "(page 2 of 2)")


def test_partner_page_paging_keeps_the_other_parameters(client, partner):
    take_part(partner, FIRST_ROWS + 1)

    response = client.get("/sl/partners/zrc-sazu/?page=2&utm_source=x")

    assertContains(response, 'href="?page=1&amp;utm_source=x" rel="prev"')
    assertContains(response, "(stran 2 od 2)")


@pytest.mark.parametrize(("page", "shown"), [("99", 2), ("0", 2), ("abc", 1)])
def test_partner_page_that_does_not_exist_shows_another_and_says_so(client, partner, page, shown):
    take_part(partner, FIRST_ROWS + 1)

    response = client.get(f"/en/partners/zrc-sazu/?page={page}")

    assert response.status_code == 200
    assertContains(
        response,
        f"The page asked for does not exist. Showing page {shown} of 2.",
    )


def test_partner_page_queries_do_not_grow_with_its_projects(
    client, assert_constant_queries, partner
):
    take_part(partner, 2)

    def add_rows():
        for project in make_projects(FIRST_ROWS + 5, first_year=2100, prefix="Q"):
            factories.make_partnership(project=project, organisation=partner)

    assert_constant_queries("/en/partners/zrc-sazu/", add_rows)


# The vision: each goal names its first projects


@pytest.fixture
def goal():
    return factories.make_goal(slug="zero-waste", statement_sl="Nič odpadkov")


def test_vision_page_names_the_first_projects_of_a_goal_and_links_to_them_all(client, goal):
    for project in make_projects(12):
        project.goals.add(goal)

    response = client.get("/en/pillars/vision/")

    # By acronym: the first ten.
    assert project_links(response) == [f"P{number:02}" for number in range(1, 11)]
    assertContains(
        response,
        '<a href="/en/projects/?goal=zero-waste">All 12 projects in the project list</a>',
    )
    listed = client.get("/en/projects/?goal=zero-waste")
    assertContains(listed, '<h2 id="results-heading">12 projects</h2>', html=True)


def test_vision_page_in_slovenian(client, goal):
    for project in make_projects(12):
        project.goals.add(goal)

    response = client.get("/sl/pillars/vision/")

    assertContains(
        response,
        '<a href="/sl/projects/?goal=zero-waste">Vseh 12 projektov na seznamu projektov</a>',
    )


def test_vision_page_queries_do_not_grow_with_the_goals_projects(
    client, assert_constant_queries, goal
):
    factories.make_project().goals.add(goal)

    def add_rows():
        for project in make_projects(15):
            project.goals.add(goal)

    assert_constant_queries("/en/pillars/vision/", add_rows)


# The API's nested lists


def test_api_goal_carries_its_first_projects_and_their_count(client, goal):
    for project in make_projects(12):
        project.goals.add(goal)

    data = client.get("/api/v1/goals/zero-waste/").json()

    assert data["project_count"] == 12
    assert [project["acronym"] for project in data["projects"]] == [
        f"P{number:02}" for number in range(1, 11)
    ]


def test_api_organisation_carries_its_latest_projects_and_their_count(client, partner):
    take_part(partner, FIRST_ROWS + 2)

    data = client.get("/api/v1/organisations/zrc-sazu/").json()

    assert data["project_count"] == 22
    assert [project["acronym"] for project in data["projects"]] == [
        f"P{number:02}" for number in range(22, 2, -1)
    ]


@pytest.mark.parametrize("url", ["/api/v1/goals/", "/api/v1/organisations/zrc-sazu/"])
def test_api_nested_lists_queries_do_not_grow(client, assert_constant_queries, goal, partner, url):
    take_part(partner, 1)

    def add_rows():
        for project in make_projects(FIRST_ROWS + 5, first_year=2100, prefix="Q"):
            project.goals.add(goal)
            factories.make_partnership(project=project, organisation=partner)

    assert_constant_queries(url, add_rows)


# The PDF summaries: the first projects, saying how many more there are


@pytest.mark.usefixtures("pdf_engine")
@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/en/municipalities/lasko/summary.pdf", "The first 20 of 22 projects are shown."),
        ("/sl/municipalities/lasko/summary.pdf", "Prikazanih je prvih 20 od 22 projektov."),
        ("/en/pillars/narava/summary.pdf", "The first 20 of 22 projects are shown."),
        ("/en/partners/agency/summary.pdf", "The first 20 of 22 projects are shown."),
    ],
)
def test_summaries_show_the_first_projects_and_say_how_many_more(
    client, agency, municipality, pillar, url, text
):
    cache.clear()
    for project in portfolio(agency, FIRST_ROWS + 2):
        project.municipalities.add(municipality)
        factories.make_project_pillar(project=project, pillar=pillar, is_primary=True)

    summary = pdf_text(client.get(url).content)

    assert text in " ".join(summary.split())
    assert "P22" in summary
    assert "P02" not in summary
