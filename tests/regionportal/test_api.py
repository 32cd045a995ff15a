"""The read-only JSON API at /api/v1/: every endpoint, its paging and filters, both languages in
one answer, amounts to the cent, bad parameters, and every answer checked against the OpenAPI
description the API itself publishes."""

import datetime
import itertools
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import resolve
from django.utils import translation
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_spec_validator import validate as validate_spec

from projects.models import Organisation, Partnership, Project, ProjectResult
from regionportal.base.fields import DatePrecision
from tests import factories

pytestmark = pytest.mark.django_db

API = "/api/v1"
ENDPOINTS = ["projects", "organisations", "pillars", "goals", "programmes", "municipalities"]


# Helpers -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def openapi(django_db_setup, django_db_blocker):
    """The API's own OpenAPI description, as a client reads it; read once per module, as it
    does not change with the data."""
    with django_db_blocker.unblock():
        response = Client().get(f"{API}/schema", {"format": "json"})
    assert response.status_code == 200
    return OpenAPI.from_dict(response.json())


def get(client, openapi, path, params=None, status=200):
    """The answer's JSON, after checking its status and that the description allows it."""
    response = client.get(path, params or {}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == status, response.content[:2000]
    assert response["Content-Type"] == "application/json"
    openapi.validate_response(
        DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response)
    )
    return response.json()


def slugs(answer):
    return [record["slug"] for record in answer["results"]]


def keys_anywhere(value):
    """Every key of every object in the answer, however deep."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys_anywhere(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_anywhere(inner)


@pytest.fixture
def world(db):
    """CLEAN with everything the API shows, a project of another pillar, and an unpublished one
    that touches the same records."""
    agency = factories.make_agency(slug="rasr", name_en="Savinjska Regional Development Agency")
    partner = factories.make_organisation(
        slug="energieinstitut", name="Energieinstitut", country="AT", city="Linz"
    )
    programme = factories.make_programme(
        slug="interreg-europe", code="IE", name_sl="Interreg Evropa", name_en="Interreg Europe"
    )
    economy = factories.make_pillar(
        slug="gospodarstvo", order=1, name_sl="Gospodarstvo", name_en="Economy"
    )
    nature = factories.make_pillar(slug="narava", order=2, name_sl="Narava", name_en="Nature")
    celje = factories.make_municipality(slug="celje", name="Celje", iso_code="SI-011")
    goal = factories.make_goal(
        slug="zelena-delovna-mesta",
        pillar=economy,
        statement_sl="Zelena delovna mesta.",
        statement_en="Green jobs.",
        baseline_value=Decimal("10.00"),
        baseline_year=2020,
        target_value=Decimal("30.00"),
        target_year=2030,
        target_confirmed=False,
    )

    clean = factories.make_project(
        slug="clean",
        acronym="CLEAN",
        title_sl="Čiste tehnologije za nizkoogljične regije",
        title_en="Clean technologies for low-carbon regions",
        summary_sl="Učinkovitejše javne stavbe.",
        status=Project.Status.COMPLETED,
        programme=programme,
        start_date=datetime.date(2017, 1, 1),
        start_precision=DatePrecision.YEAR,
        end_date=datetime.date(2021, 12, 31),
        total_budget=Decimal("1598948.07"),
    )
    factories.make_project_pillar(project=clean, pillar=economy, is_primary=True)
    factories.make_project_pillar(project=clean, pillar=nature)
    factories.make_partnership(
        project=clean,
        organisation=partner,
        role=Partnership.Role.LEAD,
        order=2,
        budget=Decimal("0.10"),
        eu_contribution=Decimal("0.05"),
    )
    factories.make_partnership(
        project=clean,
        organisation=agency,
        role=Partnership.Role.PARTNER,
        order=1,
        budget=Decimal("133562.01"),
        eu_contribution=Decimal("113527.71"),
        listed_as="RASR d.o.o.",
    )
    clean.goals.add(goal)
    clean.municipalities.add(celje)
    factories.make_result(
        project=clean, kind=ProjectResult.Kind.TARGET, title_sl="Manj izpustov", value=Decimal(4)
    )
    factories.make_place(project=clean, name="Mestna hiša", municipality=celje)
    factories.make_link(project=clean, label_sl="Vir: spletna stran", url="https://example.org/")

    other = factories.make_project(
        slug="narava-projekt",
        acronym="NARAVA",
        title_sl="Naravni projekt",
        status=Project.Status.IDEA,
        start_date=None,
        end_date=None,
        total_budget=None,
    )
    factories.make_project_pillar(project=other, pillar=nature, is_primary=True)

    hidden = factories.make_project(
        slug="skrit",
        acronym="SKRIT",
        state="draft",
        programme=programme,
        status=Project.Status.COMPLETED,
        total_budget=Decimal("5000.00"),
    )
    factories.make_project_pillar(project=hidden, pillar=economy, is_primary=True)
    factories.make_partnership(project=hidden, organisation=agency, budget=Decimal("100.00"))
    hidden.goals.add(goal)
    hidden.municipalities.add(celje)
    return {"clean": clean, "other": other, "hidden": hidden, "agency": agency}


# The description itself ---------------------------------------------------------------------


def test_the_description_is_valid_openapi_3_in_json_and_yaml(client, db):
    as_json = client.get(f"{API}/schema", {"format": "json"})
    as_yaml = client.get(f"{API}/schema")

    assert as_json.status_code == as_yaml.status_code == 200
    assert as_json["Content-Type"] == "application/vnd.oai.openapi+json"
    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    description = as_json.json()
    validate_spec(description)
    assert description["openapi"].startswith("3.")
    assert set(description["paths"]) == {
        f"{API}/{name}/{suffix}" for name in ENDPOINTS for suffix in ("", "{slug}/")
    }


def test_the_description_names_the_filters_and_says_money_is_a_string(client, db):
    description = client.get(f"{API}/schema", {"format": "json"}).json()

    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in description["paths"][f"{API}/projects/"]["get"]["parameters"]
    }
    assert set(parameters) == {
        "q",
        "pillar",
        "goal",
        "programme",
        "status",
        "country",
        "municipality",
        "year",
        "role",
        "page",
        "page_size",
    }
    assert parameters["year"]["type"] == "integer"
    assert parameters["status"]["enum"] == sorted(Project.Status.values)
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 200}
    money = description["components"]["schemas"]["Money"]
    assert money["type"] == "string"
    assert money["pattern"] == r"^\d{1,12}\.\d{2}$"
    total = description["components"]["schemas"]["Project"]["properties"]["total_budget"]
    assert total["oneOf"] == [{"$ref": "#/components/schemas/Money"}, {"type": "null"}]


def test_every_parameter_a_list_takes_is_described_in_both_languages(client, db):
    def query_parameters(language):
        description = client.get(
            f"{API}/schema", {"format": "json"}, HTTP_ACCEPT_LANGUAGE=language
        ).json()
        return {
            (path, parameter["name"]): parameter.get("description", "")
            for path, operations in description["paths"].items()
            for parameter in operations["get"].get("parameters", [])
            if parameter["in"] == "query"
        }

    taken = set()
    for endpoint in ENDPOINTS:
        viewset = resolve(f"{API}/{endpoint}/").func.cls
        paging = viewset.pagination_class
        names = {paging.page_query_param, paging.page_size_query_param}
        if filters := getattr(viewset, "filterset_class", None):
            names |= set(filters.base_filters)
        taken |= {(f"{API}/{endpoint}/", name) for name in names}
    slovenian, english = query_parameters("sl"), query_parameters("en")

    assert set(slovenian) == set(english) == taken
    for parameter in taken:
        assert slovenian[parameter], parameter
        assert english[parameter], parameter
        assert slovenian[parameter] != english[parameter], parameter


# Every endpoint ------------------------------------------------------------------------------

DETAIL_SLUGS = {
    "projects": "clean",
    "organisations": "rasr",
    "pillars": "gospodarstvo",
    "goals": "zelena-delovna-mesta",
    "programmes": "interreg-europe",
    "municipalities": "celje",
}


def test_the_root_lists_every_endpoint(client, world):
    response = client.get(f"{API}/")

    assert response.status_code == 200
    assert response.json() == {name: f"http://testserver{API}/{name}/" for name in ENDPOINTS}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_list_and_record_answers_as_described(client, openapi, world, endpoint):
    listed = get(client, openapi, f"{API}/{endpoint}/")
    record = get(client, openapi, f"{API}/{endpoint}/{DETAIL_SLUGS[endpoint]}/")

    assert DETAIL_SLUGS[endpoint] in slugs(listed)
    assert record["slug"] == DETAIL_SLUGS[endpoint]
    assert record["url"] == f"http://testserver{API}/{endpoint}/{DETAIL_SLUGS[endpoint]}/"
    assert client.get(record["page_url"]["sl"]).status_code == 200
    assert client.get(record["page_url"]["en"]).status_code == 200


def test_a_project_with_its_partners_budgets_pillars_goals_and_places(client, openapi, world):
    project = get(client, openapi, f"{API}/projects/clean/")

    assert project["acronym"] == "CLEAN"
    assert project["title"] == {
        "sl": "Čiste tehnologije za nizkoogljične regije",
        "en": "Clean technologies for low-carbon regions",
    }
    assert project["summary"] == {"sl": "Učinkovitejše javne stavbe.", "en": None}
    assert project["status"]["code"] == "completed"
    assert project["status"]["label"]["en"] == "Completed"
    with translation.override("sl"):
        assert project["status"]["label"]["sl"] == str(Project.Status.COMPLETED.label)
    assert project["programme"]["slug"] == "interreg-europe"
    assert project["programme"]["name"] == {"sl": "Interreg Evropa", "en": "Interreg Europe"}
    assert project["start"] == {"date": "2017-01-01", "precision": "year"}
    assert project["end"] == {"date": "2021-12-31", "precision": "day"}
    assert project["total_budget"] == "1598948.07"
    assert project["agency_share"] == "133562.01"
    assert project["agency_role"]["code"] == "partner"
    assert [(p["slug"], p["is_primary"]) for p in project["pillars"]] == [
        ("gospodarstvo", True),
        ("narava", False),
    ]
    assert [goal["slug"] for goal in project["goals"]] == ["zelena-delovna-mesta"]
    assert [m["slug"] for m in project["municipalities"]] == ["celje"]
    assert project["page_url"] == {
        "sl": "http://testserver/sl/projects/clean/",
        "en": "http://testserver/en/projects/clean/",
    }

    lead, agency = project["partners"]  # the lead partner first, though second in the source
    assert lead["organisation"]["slug"] == "energieinstitut"
    assert lead["organisation"]["country"] == {
        "code": "AT",
        "name": {"sl": "Avstrija", "en": "Austria"},
    }
    assert lead["role"]["code"] == "lead"
    assert lead["role"]["label"]["en"] == "Lead partner"
    assert (lead["budget"], lead["eu_contribution"]) == ("0.10", "0.05")
    assert agency["organisation"]["name"] == "Razvojna agencija Savinja"
    assert agency["organisation"]["name_en"] == "Savinjska Regional Development Agency"
    assert agency["listed_as"] == "RASR d.o.o."
    assert (agency["budget"], agency["eu_contribution"]) == ("133562.01", "113527.71")

    assert [result["title"]["sl"] for result in project["results"]] == ["Manj izpustov"]
    assert project["results"][0]["value"] == "4.00"
    assert project["places"][0]["name"] == "Mestna hiša"
    assert project["places"][0]["municipality"]["slug"] == "celje"
    assert project["sources"] == [
        {"label": {"sl": "Vir: spletna stran", "en": None}, "url": "https://example.org/"}
    ]


def test_a_project_without_dates_budget_or_agency_has_nulls(client, openapi, world):
    project = get(client, openapi, f"{API}/projects/narava-projekt/")

    assert project["start"] is None
    assert project["end"] is None
    assert project["total_budget"] is None
    assert project["agency_share"] is None
    assert project["agency_role"] is None
    assert project["programme"] is None
    assert project["partners"] == []


def test_the_list_gives_what_the_record_gives_but_partners_goals_results_places_and_sources(
    client, openapi, world
):
    listed = get(client, openapi, f"{API}/projects/")["results"]
    record = get(client, openapi, f"{API}/projects/clean/")

    clean = next(project for project in listed if project["slug"] == "clean")
    extra = {"partners", "goals", "objectives", "priority_area", "results", "places", "sources"}
    assert {key: value for key, value in clean.items() if key not in extra} == {
        key: value for key, value in record.items() if key not in extra
    } | {"partner_count": 2}
    # The list names the goals; their statements are in the record.
    assert clean["goals"] == [
        {key: value for key, value in goal.items() if key != "statement"}
        for goal in record["goals"]
    ]


def test_organisations_count_and_list_only_published_projects(client, openapi, world):
    agency = get(client, openapi, f"{API}/organisations/rasr/")

    assert agency["project_count"] == 1
    assert agency["is_agency"] is True
    assert agency["kind"]["code"] == "development_agency"
    assert agency["website"] is None
    assert agency["projects"] == [
        {
            "slug": "clean",
            "acronym": "CLEAN",
            "role": agency["projects"][0]["role"],
            "budget": "133562.01",
            "eu_contribution": "113527.71",
            "url": f"http://testserver{API}/projects/clean/",
        }
    ]
    assert agency["projects"][0]["role"]["code"] == "partner"


def test_pillars_sum_their_primary_projects_to_the_cent(client, openapi, world):
    factories.make_project_pillar(
        project=factories.make_project(total_budget=Decimal("0.03")),
        pillar=world["clean"].project_pillars.get(is_primary=True).pillar,
        is_primary=True,
    )

    pillars = get(client, openapi, f"{API}/pillars/")["results"]

    assert [pillar["slug"] for pillar in pillars] == ["gospodarstvo", "narava"]
    economy, nature = pillars
    assert economy["name"] == {"sl": "Gospodarstvo", "en": "Economy"}
    assert economy["primary_project_count"] == 2  # not the unpublished one
    assert economy["primary_budget"] == "1598948.10"
    assert nature["primary_budget"] is None  # its one project states no budget


def test_goals_give_their_indicator_and_published_projects(client, openapi, world):
    goal = get(client, openapi, f"{API}/goals/zelena-delovna-mesta/")

    assert goal["pillar"] == "gospodarstvo"
    assert goal["statement"] == {"sl": "Zelena delovna mesta.", "en": "Green jobs."}
    assert goal["baseline"] == {"value": "10.00", "year": 2020}
    assert goal["target"] == {"value": "30.00", "year": 2030, "confirmed": False}
    assert goal["latest"] is None
    assert [project["slug"] for project in goal["projects"]] == ["clean"]


def test_programmes_sum_their_published_projects(client, openapi, world):
    programme = get(client, openapi, f"{API}/programmes/interreg-europe/")

    assert programme["project_count"] == 1
    assert programme["total_budget"] == "1598948.07"
    assert programme["agency_share"] == "133562.01"
    assert programme["kind"]["code"] == "interreg"


def test_municipalities_count_the_published_projects_that_touch_them(client, openapi, world):
    elsewhere = factories.make_municipality(slug="zrece", name="Zreče")
    factories.make_place(project=world["other"], municipality=elsewhere)

    municipalities = get(client, openapi, f"{API}/municipalities/")["results"]

    counts = {m["slug"]: m["project_count"] for m in municipalities}
    assert counts == {"celje": 1, "zrece": 1}


def test_the_kept_municipality_list_follows_each_change_counting_a_project_once(
    client, openapi, world
):
    """The list is kept per content version; a project linked to a municipality directly and
    through a place there counts once, an unpublished one not at all."""
    elsewhere = factories.make_municipality(slug="zrece", name="Zreče")
    get(client, openapi, f"{API}/municipalities/")

    world["other"].municipalities.add(elsewhere)
    factories.make_place(project=world["other"], municipality=elsewhere)
    factories.make_place(project=world["hidden"], municipality=elsewhere)
    municipalities = get(client, openapi, f"{API}/municipalities/")["results"]

    assert {m["slug"]: m["project_count"] for m in municipalities}["zrece"] == 1


# What never appears --------------------------------------------------------------------------


def test_an_unpublished_project_is_in_no_list_and_has_no_record(client, openapi, world):
    listed = get(client, openapi, f"{API}/projects/", {"page_size": 200})
    answer = get(client, openapi, f"{API}/projects/skrit/", status=404)

    assert "skrit" not in slugs(listed)
    assert listed["count"] == 2
    assert set(answer) == {"detail"}
    for endpoint, slug in DETAIL_SLUGS.items():
        record = client.get(f"{API}/{endpoint}/{slug}/").content.decode()
        assert "skrit" not in record, endpoint


def test_an_organisation_in_no_published_project_is_in_no_list_and_has_no_record(
    client, openapi, world
):
    only_hidden = factories.make_organisation(slug="samo-v-osnutku")
    factories.make_partnership(project=world["hidden"], organisation=only_hidden)
    factories.make_organisation(slug="brez-projekta")

    listed = get(client, openapi, f"{API}/organisations/", {"page_size": 200})

    assert slugs(listed) == ["energieinstitut", "rasr"]
    for slug in ["samo-v-osnutku", "brez-projekta"]:
        get(client, openapi, f"{API}/organisations/{slug}/", status=404)
    get(client, openapi, f"{API}/organisations/energieinstitut/")


def test_no_internal_field_appears_anywhere(client, world):
    internal = {
        "state",
        "publish_at",
        "source",
        "source_excerpt",
        "created_at",
        "id",
        "pk",
        "notes",
    }
    for endpoint, slug in DETAIL_SLUGS.items():
        for path in (f"{API}/{endpoint}/", f"{API}/{endpoint}/{slug}/"):
            keys = set(keys_anywhere(client.get(path).json()))
            assert not keys & internal, path


# Paging --------------------------------------------------------------------------------------


def test_pages_link_to_the_next_and_previous_keeping_the_filters(client, openapi, world):
    for number in range(4):
        project = factories.make_project(
            slug=f"zakljucen-{number}",
            status=Project.Status.COMPLETED,
            start_date=datetime.date(2010 + number, 1, 1),
            end_date=None,
        )
        factories.make_project_pillar(project=project, is_primary=True)
    params = {"status": "completed", "page_size": 2}

    first = get(client, openapi, f"{API}/projects/", params)
    second = get(client, openapi, f"{API}/projects/", {**params, "page": 2})
    third = get(client, openapi, f"{API}/projects/", {**params, "page": 3})

    assert first["count"] == 5
    assert first["previous"] is None
    assert parse_qs(urlsplit(first["next"]).query) == {
        "status": ["completed"],
        "page_size": ["2"],
        "page": ["2"],
    }
    assert urlsplit(second["previous"]).path == f"{API}/projects/"
    assert parse_qs(urlsplit(second["previous"]).query) == {
        "status": ["completed"],
        "page_size": ["2"],
    }
    assert parse_qs(urlsplit(second["next"]).query)["page"] == ["3"]
    assert third["next"] is None
    every = slugs(first) + slugs(second) + slugs(third)
    # Latest first: CLEAN started in 2017, the others from 2013 back to 2010.
    assert every == ["clean", "zakljucen-3", "zakljucen-2", "zakljucen-1", "zakljucen-0"]


def test_a_page_holds_fifty_by_default(client, openapi, db):
    project = factories.make_project()
    for number in range(51):
        organisation = factories.make_organisation(slug=f"org-{number:02}")
        factories.make_partnership(project=project, organisation=organisation)

    first = get(client, openapi, f"{API}/organisations/")
    second = get(client, openapi, f"{API}/organisations/", {"page": 2})

    assert (len(first["results"]), len(second["results"])) == (50, 1)


def test_a_page_past_the_last_is_a_404_naming_the_page(client, openapi, world):
    answer = get(client, openapi, f"{API}/projects/", {"page": 3}, status=404)

    assert list(answer) == ["page"]
    assert answer["page"] == ["There is no page 3: the last page is 1."]


# Filters: the pages' own -------------------------------------------------------------------


@pytest.fixture
def filtered_world(world):
    """Besides CLEAN: a project led by the agency in 2024 with a Croatian partner."""
    agency = world["agency"]
    led = factories.make_project(
        slug="vodeni",
        acronym="VODENI",
        title_sl="Projekt s šumniki",
        status=Project.Status.IN_IMPLEMENTATION,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
    )
    factories.make_project_pillar(project=led, is_primary=True)
    factories.make_partnership(project=led, organisation=agency, role=Partnership.Role.LEAD)
    factories.make_partnership(
        project=led, organisation=factories.make_organisation(slug="zagreb", country="HR")
    )
    return world


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["vodeni", "clean", "narava-projekt"]),
        ({"status": "completed"}, ["clean"]),
        ({"pillar": "narava"}, ["clean", "narava-projekt"]),
        ({"programme": "interreg-europe"}, ["clean"]),
        ({"municipality": "celje"}, ["clean"]),
        ({"country": "HR"}, ["vodeni"]),
        ({"country": "AT"}, ["clean"]),
        ({"year": "2018"}, ["clean"]),
        ({"role": "lead"}, ["vodeni"]),
        ({"role": "partner"}, ["clean"]),
        ({"q": "ŠUMNIKI"}, ["vodeni"]),
        ({"q": "nizkoogljične"}, ["clean"]),
        ({"status": "completed", "pillar": "narava", "year": "2020"}, ["clean"]),
        ({"status": "idea", "role": "lead"}, []),
    ],
)
def test_the_project_filters_are_the_list_pages(client, openapi, filtered_world, params, expected):
    answer = get(client, openapi, f"{API}/projects/", params)

    assert slugs(answer) == expected
    assert answer["count"] == len(expected)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "AT"}, ["energieinstitut"]),
        ({"q": "linz"}, ["energieinstitut"]),
        ({"q": "savinja", "country": "SI"}, ["rasr"]),
    ],
)
def test_the_organisation_filters_are_the_partner_lists(client, openapi, world, params, expected):
    assert slugs(get(client, openapi, f"{API}/organisations/", params)) == expected


# Bad parameters and unknown addresses ------------------------------------------------------


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("status", "no-such-status"),
        ("pillar", "no-such-pillar"),
        ("programme", "no-such-programme"),
        ("municipality", "😀"),
        ("country", "XX"),
        ("role", "boss"),
        ("year", "abc"),
        ("year", "1.5"),
        ("year", "99999999999999999999"),
        ("year", "-1"),
        ("q", "x" * 5000),
        ("q", "\x00"),
        ("page", "abc"),
        ("page", "0"),
        ("page", "%00"),
        ("page_size", "0"),
        ("page_size", "201"),
        ("page_size", "99999999999999999999"),
        ("format", "xml"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, openapi, world, parameter, value):
    answer = get(client, openapi, f"{API}/projects/", {parameter: value}, status=400)

    assert list(answer) == [parameter]
    assert all(isinstance(message, str) and message for message in answer[parameter])


def test_every_bad_parameter_at_once_is_named(client, openapi, world):
    params = {"status": "x", "year": "x", "role": "x"}

    answer = get(client, openapi, f"{API}/projects/", params, status=400)

    assert set(answer) == set(params)


def test_the_messages_say_what_is_wrong_in_the_language_asked(client, world):
    english = client.get(f"{API}/projects/", {"year": "abc"}, HTTP_ACCEPT_LANGUAGE="en")

    assert english.json() == {"year": ["Enter a whole number."]}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_odd_values_in_any_parameter_never_give_an_error_page(client, world, endpoint):
    values = ["99999999999999999999", "\x00", "%00", "\u200f\u202eabc\u202c", "😀" * 300, "'--"]
    for parameter, value in itertools.product(["q", "page", "page_size", "country", "x"], values):
        response = client.get(f"{API}/{endpoint}/", {parameter: value})
        assert response.status_code in {200, 400, 404}, (parameter, value)
        assert response["Content-Type"] == "application/json", (parameter, value)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_record_is_a_404_in_json(client, openapi, world, endpoint):
    answer = get(client, openapi, f"{API}/{endpoint}/no-such-record/", status=404)

    assert set(answer) == {"detail"}


def test_an_unknown_address_under_the_api_is_a_404_in_json(client, db):
    response = client.get(f"{API}/no/such/thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}


def test_the_api_only_reads(client, world):
    for method in ("post", "put", "patch", "delete"):
        send = getattr(client, method)
        response = send(f"{API}/projects/clean/", content_type="application/json")
        assert response.status_code == 405, method
        assert response["Content-Type"] == "application/json"
    assert Project.objects.filter(slug="clean").exists()


# Query counts --------------------------------------------------------------------------------


def add_projects(count):
    """Projects with everything the API lists of them, in published records of every kind."""
    agency = Organisation.objects.filter(is_agency=True).first() or factories.make_agency()
    programme = factories.make_programme()
    for _ in range(count):
        project = factories.make_full_project(agency=agency, partners=2, programme=programme)
        project.goals.add(factories.make_goal(), factories.make_goal())
        project.municipalities.add(factories.make_municipality(), factories.make_municipality())


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_query_counts_do_not_grow_with_rows(assert_constant_queries, db, endpoint):
    add_projects(1)

    def add_rows():
        add_projects(6)

    assert_constant_queries(f"{API}/{endpoint}/", add_rows)


def test_a_project_record_query_count_does_not_grow_with_its_partners(assert_constant_queries, db):
    add_projects(1)
    project = Project.objects.get()
    factories.make_place(project=project, municipality=factories.make_municipality())

    def add_rows():
        for _ in range(5):
            factories.make_partnership(project=project)
            factories.make_result(project=project)
            factories.make_place(project=project, municipality=factories.make_municipality())

    assert_constant_queries(f"{API}/projects/{project.slug}/", add_rows)
