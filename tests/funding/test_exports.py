"""The download of the development agreement's projects: the investments its page lists, with
their category and municipalities, codes beside names, and amounts to the cent."""

import re
from decimal import Decimal

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains

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
def agreement(db):
    agreement = factories.make_agreement(
        slug="dogovor-za-razvoj-savinjske-regije", name_sl="Dogovor za razvoj Savinjske regije"
    )
    water = factories.make_category(
        agreement=agreement,
        slug="pitna-voda",
        order=1,
        name_sl="Oskrba s pitno vodo",
        name_en="Drinking water",
    )
    roads = factories.make_category(
        agreement=agreement, slug="mobilnost", order=2, name_sl="Mobilnost", name_en="Mobility"
    )
    celje = factories.make_municipality(slug="celje", name="Celje", iso_code="SI-011")
    vojnik = factories.make_municipality(slug="vojnik", name="Vojnik", iso_code="SI-139")
    factories.make_agreement_project(
        category=roads,
        slug="cesta-ljubecna",
        title_sl="Povezovalna cesta Ljubečna",
        title_en="Ljubečna link road",
        municipalities=[celje, vojnik],
    )
    factories.make_agreement_project(
        category=water,
        slug="vodovod-celje",
        title_sl="Vodovod Celje",
        total_value=Decimal("1200000.50"),
        cohesion_amount=Decimal("800000.25"),
        description_sl="=Obnova vodovoda",
        municipalities=[celje],
    )
    # Another agreement's investment is not this one's.
    factories.make_agreement_project(slug="drug-dogovor", title_sl="Drug dogovor")
    return agreement


def page_titles(client, url):
    content = client.get(url).content.decode()
    table = re.search(r'<caption id="investments-caption">.*?</table>', content, re.S).group(0)
    # The title, without the span that marks a Slovenian title on an English page.
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<th scope="row">(.*?)(?:<br>|</th>)', table, re.S)
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("language", "stem"),
    [
        ("sl", "dogovor-za-razvoj-savinjske-regije-projekti"),
        ("en", "dogovor-za-razvoj-savinjske-regije-projects"),
    ],
)
def test_the_download_has_its_type_a_dated_file_name_and_the_pages_rows(
    client, agreement, fmt, language, stem
):
    response, body = download(client, f"/{language}/funding/agreement/export.{fmt}/")

    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert attachment_name(response) == dated(stem, fmt)
    with translation.override(language):
        key = "title" if fmt == "json" else translation.gettext("Project")
    titles = [row[key] for row in records(fmt, body)]
    assert titles == page_titles(client, f"/{language}/funding/agreement/")
    assert len(titles) == 2


def test_csv_has_codes_beside_names_and_amounts_to_the_cent(client, agreement):
    _response, body = download(client, "/en/funding/agreement/export.csv/")

    water, road = records("csv", body)
    assert water == {
        "Code": "vodovod-celje",
        "Project": "Vodovod Celje",
        "Category code": "pitna-voda",
        "Category": "Drinking water",
        "Municipality codes": "SI-011",
        "Municipalities": "Celje",
        "Total value (EUR)": "1200000.50",
        "Cohesion funds (EUR)": "800000.25",
        "Description": "'=Obnova vodovoda",
    }
    assert road["Project"] == "Ljubečna link road"
    assert (road["Municipality codes"], road["Municipalities"]) == (
        "SI-011; SI-139",
        "Celje; Vojnik",
    )
    assert (road["Total value (EUR)"], road["Cohesion funds (EUR)"]) == ("", "")


def test_json_has_amounts_as_exact_strings_and_lists(client, agreement):
    _response, body = download(client, "/sl/funding/agreement/export.json/")

    water, road = records("json", body)
    assert water["total_value"] == "1200000.50"
    assert water["cohesion_amount"] == "800000.25"
    assert water["description"] == "=Obnova vodovoda"
    assert water["category"] == "Oskrba s pitno vodo"
    assert road["municipality_codes"] == ["SI-011", "SI-139"]
    assert road["total_value"] is None


def test_xlsx_has_numeric_amounts_and_text_descriptions(client, agreement):
    _response, body = download(client, "/en/funding/agreement/export.xlsx/")

    water = xlsx_cells(body)[0]
    total = water["Total value (EUR)"]
    assert total.data_type == "n"
    assert total.number_format == "#,##0.00"
    assert Decimal(str(total.value)) == Decimal("1200000.50")
    assert water["Description"].data_type == "s"
    assert water["Description"].value == "=Obnova vodovoda"


def test_the_agreement_page_links_its_downloads(client, agreement):
    response = client.get("/en/funding/agreement/")

    assertContains(response, '<h2 id="downloads-title">Downloads</h2>', html=True)
    for fmt in FORMATS:
        assertContains(response, f'href="/en/funding/agreement/export.{fmt}/"')


def test_the_funding_page_links_the_list_of_operations(client, agreement):
    response = client.get("/sl/funding/")

    assertContains(response, 'href="/sl/projects/operations.csv/"')
    assertContains(response, 'href="/sl/projects/operations.xlsx/"')


def test_without_an_agreement_there_is_nothing_to_download(client, db):
    assert client.get("/en/funding/agreement/export.csv/").status_code == 404


@pytest.mark.parametrize("fmt", FORMATS)
def test_download_queries_do_not_grow_with_the_rows(assert_constant_queries, agreement, fmt):
    url = f"/en/funding/agreement/export.{fmt}/"

    def add_rows():
        category = agreement.categories.first()
        for number in range(10):
            factories.make_agreement_project(
                category=category,
                title_sl=f"Naložba {number}",
                municipalities=[factories.make_municipality()],
            )

    assert_constant_queries(url, add_rows)
