"""The home page: the motto and vision, the pillars as the way in, figures counted from the data,
the latest projects, and the agency as schema.org data."""

import datetime
import json
from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from pillars.models import KeyMessage
from projects.models import Partnership, Project
from tests.factories import (
    make_agency,
    make_agreement,
    make_full_project,
    make_key_message,
    make_organisation,
    make_partnership,
    make_pillar,
    make_project,
    make_project_pillar,
)

pytestmark = pytest.mark.django_db


def figure(response, label):
    """The value shown for a label in the figures list, as text."""
    html = response.content.decode()
    start = html.index(f"<dt>{label}</dt>")
    value = html[html.index("<dd", start) : html.index("</dd>", start)]
    return value[value.index(">") + 1 :].replace('<span class="money">', "").replace("</span>", "")


def jsonld_of(response):
    """The page's schema.org data."""
    html = response.text
    start = html.index('<script type="application/ld+json"')
    return json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])


@pytest.fixture
def portfolio():
    """Three published projects and one unpublished, with partners from three countries."""
    agency = make_agency(city="Celje", website="https://www.rasr.si/", name_en="Savinja RDA")
    austrian = make_organisation(name="Grazer Energieagentur", country="AT")
    italian = make_organisation(name="Agenzia Napoletana", country="IT")
    slovenian = make_organisation(name="Občina Vojnik", country="SI")
    first = make_project(acronym="CLEAN", total_budget=Decimal("1598948.00"))
    make_partnership(project=first, organisation=agency, budget=Decimal("133562.00"))
    make_partnership(project=first, organisation=austrian)
    make_partnership(project=first, organisation=slovenian)
    second = make_project(acronym="InnovaSPA", total_budget=Decimal("1346163.00"))
    make_partnership(
        project=second, organisation=agency, role=Partnership.Role.LEAD, budget=Decimal("139835.00")
    )
    make_partnership(project=second, organisation=austrian)
    make_project(acronym="SCHEME", total_budget=None)  # no partners, no budget known
    hidden = make_project(acronym="HIDDEN", state="draft", total_budget=Decimal("5000.00"))
    make_partnership(project=hidden, organisation=italian, budget=Decimal("5000.00"))
    make_partnership(project=hidden, organisation=agency, budget=Decimal("1000.00"))
    return agency


def test_home_figures_count_published_projects_partners_and_countries(portfolio):
    figures = Project.objects.published().home_figures()

    assert figures == {
        "project_count": 3,
        "total_budget": Decimal("2945111.00"),
        "agency_share": Decimal("273397.00"),
        # The Austrian partner counts once; the agency and the unpublished project's
        # Italian partner not at all.
        "partner_count": 2,
        # Slovenia, the agency's own country, is left out.
        "partner_country_count": 1,
    }


def test_home_figures_of_no_projects():
    assert Project.objects.published().home_figures() == {
        "project_count": 0,
        "total_budget": None,
        "agency_share": None,
        "partner_count": 0,
        "partner_country_count": 0,
    }


def test_the_figures_are_counted_from_the_data(client, portfolio):
    make_agreement(
        approved_projects_stated=29,
        cohesion_funds_stated_sl="Dobrih 51 mio EUR kohezijskih sredstev",
        cohesion_funds_stated_en="Just over EUR 51 million in cohesion funds",
    )

    response = client.get("/en/")

    assert response.status_code == 200
    assert figure(response, "Projects") == "3"
    assert figure(response, "Partner organisations") == "2"
    assert figure(response, "Partner countries besides Slovenia") == "1"
    assert figure(response, "Total budget of the projects") == "€2,945,111.00"
    assert figure(response, "The agency's share") == "€273,397.00"
    assert figure(response, "Projects in the regional development agreement") == "29"
    assert (
        figure(response, "Cohesion funds of the agreement")
        == "Just over EUR 51 million in cohesion funds"
    )
    assertContains(response, "Counted from the 3 projects published on this portal")
    slovenian = client.get("/sl/")
    assertContains(slovenian, "Dobrih 51 mio EUR kohezijskih sredstev")
    assertContains(slovenian, '<span class="money">2.945.111,00 €</span>', html=True)


def test_the_key_messages_frame_the_page(client):
    for kind, title, text in [
        ("title", "Savinjska regija na poti do integralne zelene regije", "Uvod."),
        ("motto", "Moto", "S trajnostnim razvojem regije do splošne blaginje"),
        ("overall_vision", "Splošna vizija", "Blaginja za vse"),
        ("moral_core", "Moralno jedro", "Trajnostnost & družbena odgovornost"),
        ("smart_integration", "Pametna integracija", "Smart Integration"),
        ("challenge", "Izziv za prihodnja leta", "Kako zelene inovacije prenesti v rabo?"),
    ]:
        make_key_message(kind=kind, title_sl=title, text_sl=text)
    make_key_message(
        kind=KeyMessage.Kind.CLOSING_QUOTE,
        title_sl="Misel za konec",
        text_sl="Svet nudi dovolj virov za vse potrebe vseh ljudi.",
        attribution="Gandhi",
    )

    response = client.get("/sl/")

    assertInHTML("<h1>Savinjska regija na poti do integralne zelene regije</h1>", response.text)
    assertContains(response, "S trajnostnim razvojem regije do splošne blaginje")
    assertContains(response, "<strong>Splošna vizija:</strong> Blaginja za vse", html=True)
    assertContains(response, "<h3>Moralno jedro</h3>", html=True)
    assertContains(response, "<h3>Pametna integracija</h3>", html=True)
    assertContains(response, '<h2 id="challenge-heading">Izziv za prihodnja leta</h2>', html=True)
    assertContains(response, "Kako zelene inovacije prenesti v rabo?")
    assertContains(response, "<figcaption>– Gandhi</figcaption>", html=True)
    assertContains(response, "<title>Savinjska regija na poti do integralne zelene regije")
    assertContains(response, '<meta name="description" content="Uvod.">', html=True)


def test_the_four_pillars_are_the_way_in(client):
    for order, (slug, name) in enumerate(
        [("gospodarstvo", "Economy"), ("znanost", "Science"), ("kultura", "Culture")], 1
    ):
        make_pillar(slug=slug, order=order, name_en=name, economic_model_en=f"{name} model")
    make_pillar(slug="narava", order=4, name_en="Nature", economic_model_en="Self-sufficiency")

    response = client.get("/en/")

    assertContains(
        response,
        '<li class="card pillar-card pillar--narava">'
        '<h3><a href="/en/pillars/narava/">Nature</a></h3><p>Self-sufficiency</p></li>',
        html=True,
    )
    html = response.text
    positions = [html.index(f'href="/en/pillars/{slug}/"') for slug in ("gospodarstvo", "narava")]
    assert positions == sorted(positions)
    assert html.count('class="card pillar-card pillar--') == 4


def test_the_latest_projects_are_the_last_to_start(client):
    pillar = make_pillar(slug="kultura", name_en="Culture")
    for acronym, start in [
        ("OLD", datetime.date(2015, 1, 1)),
        ("NEWEST", datetime.date(2024, 3, 1)),
        ("NEWER", datetime.date(2023, 1, 1)),
        ("NEW", datetime.date(2022, 1, 1)),
        ("MIDDLE", datetime.date(2019, 1, 1)),
    ]:
        project = make_project(acronym=acronym, start_date=start, end_date=None)
        make_project_pillar(project=project, pillar=pillar, is_primary=True)
    make_project(acronym="UNDATED", start_date=None, end_date=None)
    make_project(
        acronym="DRAFT", start_date=datetime.date(2025, 1, 1), end_date=None, state="draft"
    )

    response = client.get("/en/")

    html = response.text
    start = html.index('id="latest-heading"')
    section = html[start : html.index("</section>", start)]
    shown = [name for name in ["NEWEST", "NEWER", "NEW", "MIDDLE"] if f">{name}</a>" in section]
    assert shown == ["NEWEST", "NEWER", "NEW", "MIDDLE"]
    assert [section.index(f">{name}</a>") for name in shown] == sorted(
        section.index(f">{name}</a>") for name in shown
    )
    for hidden in ["OLD", "UNDATED", "DRAFT"]:
        assert f">{hidden}</a>" not in section
    assertContains(response, '<span class="pillar-badge pillar--kultura">Culture</span>', html=True)


def test_an_empty_portal_still_has_a_home_page(client):
    response = client.get("/en/")

    assert response.status_code == 200
    assertInHTML(
        "<h1>The Savinjska region on its way to an integral green region</h1>", response.text
    )
    assertContains(response, "No projects have been published yet.")
    assertNotContains(response, "application/ld+json")


@pytest.mark.parametrize("path", ["/en/", "/sl/about/"])
def test_the_agency_is_described_as_a_schema_org_organization(client, portfolio, path):
    response = client.get(path)

    data = jsonld_of(response)
    assert data["@type"] == "Organization"
    assert data["name"] == "Razvojna agencija Savinja"
    assert data["alternateName"] == ["Savinja RDA", "RASR"]
    assert data["url"] == "https://www.rasr.si/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Celje",
        "addressCountry": "SI",
    }


def test_the_agency_without_a_website_is_described_with_the_about_page(client):
    make_agency(website="", description_en="The regional development agency.")

    response = client.get("/en/")

    data = jsonld_of(response)
    assert data["url"] == "http://testserver/en/about/"
    assert data["description"] == "The regional development agency."


def test_the_number_of_queries_does_not_grow_with_the_data(assert_constant_queries):
    agency = make_agency()
    make_full_project(agency=agency)
    make_key_message(kind="motto")
    make_agreement(approved_projects_stated=29)

    def add_rows():
        for _ in range(10):
            make_full_project(agency=agency, partners=4)
            make_pillar()
        for kind in ["title", "overall_vision", "challenge", "closing_quote"]:
            make_key_message(kind=kind)

    assert_constant_queries("/en/", add_rows)
