"""The download of the municipality list: every municipality of the region the page lists, with
its codes, figures and counts as the page counts them."""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains

from projects.models import Project
from tests import factories
from tests.downloads import (
    CONTENT_TYPES,
    attachment_name,
    dated,
    download,
    records,
    xlsx_cells,
)

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "json"]


@pytest.fixture
def data(db):
    region = factories.make_region(
        slug="savinjska", name_sl="Savinjska regija", name_en="Savinja region", nuts_code="SI034"
    )
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
        slug="lasko", name="Laško", iso_code="SI-057", region=region
    )
    # Outside the region: not on the list, not in the download.
    factories.make_municipality(slug="bistrica-ob-sotli", name="Bistrica ob Sotli", region=None)
    project = factories.make_project(slug="clean", acronym="CLEAN")
    project.municipalities.add(celje)
    # Through a related place in Laško, twice: counted once.
    spa = factories.make_project(slug="spa", acronym="SPA")
    factories.make_place(project=spa, municipality=lasko)
    factories.make_place(project=spa, municipality=lasko)
    factories.make_agreement_project(title_sl="Vodovod", municipalities=[celje])
    return {"region": region, "celje": celje, "lasko": lasko}


def page_rows(client, url):
    content = client.get(url).content.decode()
    body = re.search(r"<tbody>(.*?)</tbody>", content, re.S).group(1)
    return re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', body)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("language", "stem"), [("sl", "obcine"), ("en", "municipalities")])
def test_the_download_has_its_type_a_dated_file_name_and_the_pages_rows(
    client, data, fmt, language, stem
):
    response, body = download(client, f"/{language}/municipalities/export.{fmt}/")

    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert attachment_name(response) == dated(stem, fmt)
    with translation.override(language):
        key = "name" if fmt == "json" else translation.gettext("Municipality")
    names = [row[key] for row in records(fmt, body)]
    assert names == page_rows(client, f"/{language}/municipalities/")
    assert names == ["Celje", "Laško"]


def test_csv_has_codes_figures_and_counts(client, data):
    _response, body = download(client, "/en/municipalities/export.csv/")

    celje, lasko = records("csv", body)
    assert celje == {
        "Municipality": "Celje",
        "ISO 3166-2 code": "SI-011",
        "Urban municipality": "true",
        "NUTS 3 code": "SI034",
        "Region": "Savinja region",
        "Area (km²)": "94.9",
        "Population": "48868",
        "Population year": "2014",
        "Projects": "1",
        "Agreement investments": "1",
        "Page": "http://testserver/en/municipalities/celje/",
    }
    assert (lasko["Urban municipality"], lasko["Area (km²)"], lasko["Population"]) == (
        "false",
        "",
        "",
    )
    assert (lasko["Projects"], lasko["Agreement investments"]) == ("1", "0")


def test_json_has_typed_values(client, data):
    _response, body = download(client, "/sl/municipalities/export.json/")

    celje, lasko = records("json", body)
    assert celje["is_urban"] is True
    assert celje["area_km2"] == "94.9"
    assert celje["population"] == 48868
    assert celje["project_count"] == 1
    assert celje["region"] == "Savinjska regija"
    assert celje["url"] == "http://testserver/sl/municipalities/celje/"
    assert lasko["population"] is None
    assert lasko["project_count"] == 1


def test_xlsx_has_typed_cells(client, data):
    _response, body = download(client, "/en/municipalities/export.xlsx/")

    celje = xlsx_cells(body)[0]
    assert celje["Urban municipality"].data_type == "b"
    assert celje["Urban municipality"].value is True
    assert celje["Area (km²)"].data_type == "n"
    assert Decimal(str(celje["Area (km²)"].value)) == Decimal("94.9")
    assert celje["Population"].data_type == "n"
    assert celje["Population"].value == 48868
    assert celje["ISO 3166-2 code"].data_type == "s"


def test_the_address_parameters_are_ignored_as_the_page_ignores_them(client, data):
    _response, body = download(client, "/en/municipalities/export.csv/", {"q": "x", "page": "9"})

    assert len(records("csv", body)) == 2


def test_the_municipality_list_links_its_downloads(client, data):
    response = client.get("/en/municipalities/")

    assertContains(response, '<h2 id="downloads-title">Downloads</h2>', html=True)
    assertContains(
        response,
        '<a href="/en/municipalities/export.csv/" type="text/csv">Data (CSV)</a>',
        html=True,
    )
    assertContains(response, 'href="/en/municipalities/export.json/"')


@pytest.mark.parametrize("fmt", FORMATS)
def test_download_queries_do_not_grow_with_the_rows(assert_constant_queries, data, fmt):
    url = f"/en/municipalities/export.{fmt}/"

    def add_rows():
        for number in range(10):
            municipality = factories.make_municipality(region=data["region"])
            project = factories.make_project(status=Project.Status.APPROVED)
            project.municipalities.add(municipality)
            factories.make_place(project=project, municipality=data["lasko"])
            factories.make_agreement_project(municipalities=[municipality], title_sl=f"N{number}")

    assert_constant_queries(url, add_rows)
