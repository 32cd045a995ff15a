"""The download of the development agreements' projects: the investments their page lists (of
every agreement, each with its agreement's period), with their category, lead and other
municipalities, codes beside names, and amounts to the cent."""

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
        slug="dogovor-za-razvoj-savinjske-regije",
        name_sl="Dogovor za razvoj Savinjske regije",
        period="2014–2020",
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
        eu_fund="cf",
        eu_amount=Decimal("680000.20"),
        status="completed",
        implementer="Komunala Celje",
        description_sl="=Obnova vodovoda",
        lead_municipality=celje,
        municipalities=[vojnik],
    )
    # The later agreement's investment is in the same download, after the older agreement's.
    later = factories.make_agreement(slug="dogovor-2021-2027", period="2021–2027")
    factories.make_agreement_project(
        category=factories.make_category(agreement=later, name_en="Cycling links"),
        slug="kolesarska-povezava",
        title_sl="Kolesarska povezava",
        status="planned",
    )
    # An unpublished investment is in neither the page nor the download.
    factories.make_agreement_project(category=water, slug="osnutek", state="draft")
    return agreement


def page_titles(client, url):
    content = client.get(url).content.decode()
    # Every agreement's table of projects, in the page's order.
    tables = re.findall(r'<caption id="[\w-]+-investments-caption">.*?</table>', content, re.S)
    # The title, without the span that marks a Slovenian title on an English page.
    return [
        re.sub(r"<[^>]+>", "", title)
        for table in tables
        for title in re.findall(r'<th scope="row">(.*?)(?:<br>|</th>)', table, re.S)
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("language", "stem"),
    [
        ("sl", "dogovor-za-razvoj-regije-projekti"),
        ("en", "regional-development-agreement-projects"),
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
    assert len(titles) == 3


def test_csv_has_codes_beside_names_and_amounts_to_the_cent(client, agreement):
    _response, body = download(client, "/en/funding/agreement/export.csv/")

    water, road, cycling = records("csv", body)
    assert water == {
        "Code": "vodovod-celje",
        "Project": "Vodovod Celje",
        "Agreement period": "2014–2020",
        "Category code": "pitna-voda",
        "Category": "Drinking water",
        "Other municipality codes": "SI-139",
        "Lead municipality code": "SI-011",
        "Lead municipality": "Celje",
        "Other municipalities": "Vojnik",
        "Investor or implementer": "Komunala Celje",
        "Status": "Completed",
        "Total value (EUR)": "1200000.50",
        "Cohesion funds (EUR)": "800000.25",
        "EU fund": "Cohesion Fund",
        "EU funds (EUR)": "680000.20",
        "Description": "'=Obnova vodovoda",
    }
    assert road["Project"] == "Ljubečna link road"
    assert (road["Lead municipality code"], road["Lead municipality"]) == ("", "")
    assert (road["Other municipality codes"], road["Other municipalities"]) == (
        "SI-011; SI-139",
        "Celje; Vojnik",
    )
    assert (road["Status"], road["EU fund"]) == ("Unknown", "")
    assert (road["Total value (EUR)"], road["Cohesion funds (EUR)"], road["EU funds (EUR)"]) == (
        "",
        "",
        "",
    )
    assert (cycling["Code"], cycling["Agreement period"], cycling["Category"]) == (
        "kolesarska-povezava",
        "2021–2027",
        "Cycling links",
    )
    assert cycling["Status"] == "Planned"


def test_json_has_amounts_as_exact_strings_and_lists(client, agreement):
    _response, body = download(client, "/sl/funding/agreement/export.json/")

    water, road, cycling = records("json", body)
    assert water["total_value"] == "1200000.50"
    assert water["cohesion_amount"] == "800000.25"
    assert water["eu_amount"] == "680000.20"
    assert water["description"] == "=Obnova vodovoda"
    assert water["category"] == "Oskrba s pitno vodo"
    assert (water["lead_municipality_code"], water["municipality_codes"]) == ("SI-011", ["SI-139"])
    assert water["status"] == "Zaključen"
    assert road["municipality_codes"] == ["SI-011", "SI-139"]
    assert road["lead_municipality"] is None  # no lead: null, as every empty value
    assert road["total_value"] is None
    assert cycling["agreement_period"] == "2021–2027"


def test_xlsx_has_numeric_amounts_and_text_descriptions(client, agreement):
    _response, body = download(client, "/en/funding/agreement/export.xlsx/")

    water = xlsx_cells(body)[0]
    for label, amount in [
        ("Total value (EUR)", "1200000.50"),
        ("EU funds (EUR)", "680000.20"),
    ]:
        cell = water[label]
        assert cell.data_type == "n"
        assert cell.number_format == "#,##0.00"
        assert Decimal(str(cell.value)) == Decimal(amount)
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
                lead_municipality=factories.make_municipality(),
                municipalities=[factories.make_municipality()],
            )

    assert_constant_queries(url, add_rows)
