"""The municipalities of the region and, on each one's page, the projects and agreement
investments that touch it."""

from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Organisation, Partnership
from tests import factories

pytestmark = pytest.mark.django_db


def add_project(budget, agency_share=None, *, municipalities=(), places=(), **fields):
    """A project linked to municipalities directly and to others through related places."""
    project = factories.make_project(total_budget=budget, **fields)
    project.municipalities.set(municipalities)
    for municipality in places:
        factories.make_place(project=project, municipality=municipality)
    if agency_share is not None:
        factories.make_partnership(
            project=project,
            organisation=Organisation.objects.filter(is_agency=True).first()
            or factories.make_agency(),
            role=Partnership.Role.PARTNER,
            budget=agency_share,
        )
    factories.make_partnership(project=project, budget=Decimal("1.00"))
    return project


@pytest.fixture
def region():
    return factories.make_region(slug="savinjska", name_sl="Savinjska statistična regija")


@pytest.fixture
def data(region):
    celje = factories.make_municipality(
        slug="celje",
        name="Celje",
        iso_code="SI-011",
        is_urban=True,
        region=region,
        area_km2=Decimal("94.9"),
        population=48868,
        population_year=2014,
    )
    lasko = factories.make_municipality(
        slug="lasko",
        name="Laško",
        iso_code="SI-057",
        region=region,
        area_km2=Decimal("197.5"),
        population=13327,
        population_year=2014,
    )
    vojnik = factories.make_municipality(slug="vojnik", name="Vojnik", region=region)
    factories.make_municipality(
        slug="bistrica-ob-sotli", name="Bistrica ob Sotli", iso_code="SI-149", region=None
    )
    add_project(
        Decimal("1598948.00"),
        Decimal("133562.00"),
        slug="clean",
        acronym="CLEAN",
        municipalities=[celje],
    )
    # Linked to Laško directly and through two spas there: it must still show once.
    add_project(
        Decimal("1346163.00"),
        Decimal("139835.00"),
        slug="innovaspa",
        acronym="InnovaSPA",
        municipalities=[lasko],
        places=[lasko, lasko],
    )
    # Linked to Laško only through a related place.
    add_project(
        Decimal("100000.10"), Decimal("0.90"), slug="terme", acronym="TERME", places=[lasko]
    )
    add_project(Decimal("5.00"), acronym="SKRIT", municipalities=[lasko], state="draft")
    add_project(Decimal("7.00"), acronym="DRUGJE", municipalities=[vojnik])
    factories.make_agreement_project(
        title_sl="Povezovalna cesta Ljubečna", municipalities=[celje, vojnik]
    )
    factories.make_agreement_project(
        title_sl="Vodovod Celje",
        total_value=Decimal("1200000.50"),
        cohesion_amount=Decimal("800000.25"),
        municipalities=[celje],
    )
    return {"celje": celje, "lasko": lasko, "vojnik": vojnik}


# The list


@pytest.mark.parametrize("language", ["sl", "en"])
def test_list_answers_in_both_languages(get_page, data, language):
    get_page(f"/{language}/municipalities/")


def test_list_shows_only_the_regions_municipalities_with_their_facts_and_counts(get_page, data):
    sl = get_page("/sl/municipalities/")
    en = get_page("/en/municipalities/")

    assertContains(
        sl,
        '<tr><th scope="row"><a href="/sl/municipalities/celje/">Celje</a></th>'
        '<td>SI-011</td><td><abbr title="mestna občina">MO</abbr></td>'
        '<td class="number">94,9</td>'
        '<td class="number">48.868 <span class="note">(2014)</span></td>'
        '<td class="number">1</td><td class="number">2</td></tr>',
        html=True,
    )
    assertContains(
        en,
        '<tr><th scope="row"><a href="/en/municipalities/lasko/">Laško</a></th>'
        '<td>SI-057</td><td><span class="visually-hidden">no</span></td>'
        '<td class="number">197.5</td>'
        '<td class="number">13,327 <span class="note">(2014)</span></td>'
        '<td class="number">2</td><td class="number">0</td></tr>',
        html=True,
    )
    assertContains(en, "The region has 3 municipalities.")
    assertNotContains(sl, "Bistrica ob Sotli")


def test_list_queries_do_not_grow_with_rows(client, assert_constant_queries, data, region):
    client.get("/sl/municipalities/")

    def add_rows():
        for _ in range(5):
            municipality = factories.make_municipality(region=region)
            add_project(Decimal("1.00"), municipalities=[municipality], places=[municipality])
            factories.make_agreement_project(municipalities=[municipality, data["celje"]])
            factories.make_agreement_project(
                lead_municipality=municipality, municipalities=[data["celje"]]
            )

    assert_constant_queries("/sl/municipalities/", add_rows)


# A municipality's page


@pytest.mark.parametrize("language", ["sl", "en"])
def test_detail_answers_in_both_languages(get_page, data, language):
    get_page(f"/{language}/municipalities/lasko/")


def test_detail_shows_the_municipalitys_facts(get_page, data):
    sl = get_page("/sl/municipalities/celje/")
    en = get_page("/en/municipalities/celje/")

    assertContains(en, "<h1>Urban municipality of Celje</h1>", html=True)
    assertContains(en, "<dt>ISO 3166-2 code</dt><dd>SI-011</dd>", html=True)
    assertContains(en, "<dd>94.9 km²</dd>", html=True)
    assertContains(en, '<dd>48,868 <span class="note">(2014)</span></dd>', html=True)
    assertContains(en, '<dd><span lang="sl">Savinjska statistična regija</span></dd>', html=True)
    assertContains(sl, "<dd>94,9 km²</dd>", html=True)
    assertContains(sl, '<dd>48.868 <span class="note">(2014)</span></dd>', html=True)


def test_detail_shows_every_project_touching_it_once_with_sums(get_page, data):
    response = get_page("/en/municipalities/lasko/")

    assertContains(response, '<a href="/en/projects/innovaspa/">InnovaSPA</a>', count=1, html=True)
    assertContains(response, '<a href="/en/projects/terme/">TERME</a>', count=1, html=True)
    assertNotContains(response, "SKRIT")
    assertNotContains(response, "DRUGJE")
    assertNotContains(response, "CLEAN")
    assertContains(response, "Together, 2 projects")
    assertContains(response, '<span class="money">€1,346,163.00</span>', html=True)
    assertContains(response, '<span class="money">€139,835.00</span>', html=True)
    assertContains(
        response, '<td class="number"><span class="money">€1,446,163.10</span></td>', html=True
    )
    assertContains(
        response, '<td class="number"><span class="money">€139,835.90</span></td>', html=True
    )


def test_detail_sums_in_slovenian(get_page, data):
    response = get_page("/sl/municipalities/lasko/")

    assertContains(
        response, '<td class="number"><span class="money">1.446.163,10 €</span></td>', html=True
    )
    assertContains(
        response, '<td class="number"><span class="money">139.835,90 €</span></td>', html=True
    )


def test_detail_shows_the_agreement_investments_with_sums(get_page, data):
    response = get_page("/en/municipalities/celje/")

    assertContains(
        response,
        '<th scope="row"><span lang="sl">Povezovalna cesta Ljubečna</span></th>',
        html=True,
    )
    assertContains(
        response, '<td>Celje, <a href="/en/municipalities/vojnik/">Vojnik</a></td>', html=True
    )
    assertContains(response, "Together, 2 investments")
    assertContains(
        response, '<td class="number"><span class="money">€1,200,000.50</span></td>', html=True
    )
    assertContains(
        response, '<td class="number"><span class="money">€800,000.25</span></td>', html=True
    )
    assertContains(response, '<a href="/en/projects/clean/">CLEAN</a>', html=True)


def test_detail_lists_a_project_it_leads_and_one_it_takes_part_in_saying_which(get_page, data):
    lasko, celje = data["lasko"], data["celje"]
    water = factories.make_category(
        agreement=factories.make_agreement(period="2014–2020"),
        name_sl="Pitna voda",
        name_en="Drinking water",
    )
    factories.make_agreement_project(
        category=water,
        slug="vodovod-lasko",
        title_sl="Vodovod Laško",
        lead_municipality=lasko,
        municipalities=[celje],
        status="completed",
        total_value=Decimal("300.00"),
    )
    factories.make_agreement_project(
        slug="kolesarska-celje-lasko",
        title_sl="Kolesarska povezava Celje–Laško",
        lead_municipality=celje,
        municipalities=[lasko],
        status="approved",
        total_value=Decimal("200.00"),
    )
    # Neither led by Laško nor with it among the others.
    factories.make_agreement_project(title_sl="Drugje", lead_municipality=celje)

    en = get_page("/en/municipalities/lasko/")
    sl = get_page("/sl/municipalities/lasko/")

    assertContains(
        en,
        '<tr><th scope="row"><span lang="sl">Vodovod Laško</span></th>'
        '<td>Drinking water <span class="note">(2014–2020)</span></td>'
        "<td>Leads it</td><td>Laško</td>"
        '<td><a href="/en/municipalities/celje/">Celje</a></td><td>Completed</td>'
        '<td class="number"><span class="money">€300.00</span></td>'
        '<td class="number"><span class="note">not stated</span></td></tr>',
        html=True,
    )
    assertContains(
        en,
        '<td>Takes part</td><td><a href="/en/municipalities/celje/">Celje</a></td>'
        "<td>Laško</td><td>Approved (decision on support)</td>",
        html=True,
    )
    assertNotContains(en, "Drugje")
    assertContains(en, "Together, 2 investments")
    assertContains(en, '<td class="number"><span class="money">€500.00</span></td>', html=True)
    assertContains(sl, "<td>Je vodilna občina</td>", html=True)
    assertContains(sl, "<td>Sodeluje</td>", html=True)


def test_the_list_counts_the_projects_a_municipality_leads_or_takes_part_in_once(get_page, data):
    lasko, celje = data["lasko"], data["celje"]
    factories.make_agreement_project(lead_municipality=lasko, municipalities=[celje])
    factories.make_agreement_project(
        lead_municipality=celje, municipalities=[lasko, data["vojnik"]]
    )

    response = get_page("/en/municipalities/")

    # Laško: 2 projects, 2 agreement projects (one it leads, one it takes part in); Celje: the
    # fixture's 2 and these 2.
    assertContains(
        response,
        '<td class="number">13,327 <span class="note">(2014)</span></td>'
        '<td class="number">2</td><td class="number">2</td>',
        html=True,
    )
    assertContains(
        response,
        '<td class="number">48,868 <span class="note">(2014)</span></td>'
        '<td class="number">1</td><td class="number">4</td>',
        html=True,
    )


def test_detail_without_projects_or_investments_says_so(get_page, region):
    factories.make_municipality(slug="solcava", name="Solčava", region=region)

    response = get_page("/en/municipalities/solcava/")

    assertContains(response, "No published project is linked to this municipality yet.")
    assertContains(
        response,
        "None of the agreement's investments entered on this portal is in this municipality.",
    )


def test_unknown_municipality_or_one_outside_the_region_is_404(client, data):
    assert client.get("/sl/municipalities/ni-take/").status_code == 404
    assert client.get("/en/municipalities/bistrica-ob-sotli/").status_code == 404


def test_detail_queries_do_not_grow_with_rows(client, assert_constant_queries, data):
    lasko = data["lasko"]
    factories.make_agreement_project(municipalities=[lasko])
    client.get("/sl/municipalities/lasko/")

    def add_rows():
        for _ in range(5):
            add_project(Decimal("1.00"), Decimal("0.50"), municipalities=[lasko], places=[lasko])
            add_project(Decimal("2.00"), places=[lasko, lasko])
            factories.make_agreement_project(municipalities=[lasko, data["celje"]])
            factories.make_agreement_project(
                lead_municipality=lasko,
                municipalities=[data["celje"], factories.make_municipality()],
            )
            factories.make_agreement_project(
                lead_municipality=factories.make_municipality(), municipalities=[lasko]
            )

    assert_constant_queries("/sl/municipalities/lasko/", add_rows)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "99999999999999999999"},
        {"sort": "<script>", "q": "\x00"},
        {"q": "x" * 5000, "municipality": "%00"},
        {"q": "\u202eabc 🌲"},
    ],
)
def test_odd_query_parameters_are_ignored(get_page, data, params):
    get_page("/sl/municipalities/", params)
    get_page("/en/municipalities/lasko/", params)
