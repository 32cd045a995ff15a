"""The downloads of the project list, the partner list and the list of operations: CSV, XLSX and
JSON with exactly the rows the list page shows, codes beside labels, typed amounts and dates,
no formula injection, 400 for filters that cannot be used, and queries that do not grow."""

import datetime
import html
import io
import re
import zipfile
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F
from django.db.models.signals import post_init
from django.utils import timezone, translation
from pytest_django.asserts import assertContains

from projects.exports import (
    OperationsExport,
    OrganisationExport,
    PartnershipExport,
    ProjectExport,
    partner_summaries,
)
from projects.filters import ProjectFilter
from projects.models import Organisation, Partnership, Project
from regionportal.base.exporting import AmongValues
from tests import factories
from tests.downloads import (
    CONTENT_TYPES,
    attachment_name,
    csv_rows,
    dated,
    download,
    json_results,
    page_count,
    records,
    xlsx_cells,
    xlsx_sheet,
)

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "json"]
FORMULAS = ['=HYPERLINK("http://evil.example/","klik")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture
def agency(db):
    return factories.make_agency(slug="rasr", name="Razvojna agencija Savinja", country="SI")


@pytest.fixture
def data(agency):
    """Three published projects (two of them operations) and an unpublished one, with
    partners from Austria and Croatia, pillars, programmes and a municipality."""
    region = factories.make_region(slug="savinjska", name_sl="Savinjska regija", nuts_code="SI034")
    celje = factories.make_municipality(
        slug="celje", name="Celje", iso_code="SI-011", region=region
    )
    interreg = factories.make_programme(
        slug="interreg-europe",
        code="INTERREG-EUROPE",
        name_sl="Interreg Evropa",
        name_en="Interreg Europe",
        fund="ERDF",
    )
    life = factories.make_programme(slug="life", code="LIFE", name_sl="LIFE", fund="LIFE")
    economy = factories.make_pillar(slug="gospodarstvo", name_sl="Gospodarstvo", name_en="Economy")
    nature = factories.make_pillar(slug="narava", name_sl="Narava", name_en="Nature")
    austrian = factories.make_organisation(
        slug="energie-ag", name="Energie AG", country="AT", kind="company"
    )
    croatian = factories.make_organisation(slug="zagreb", name="Grad Zagreb", country="HR")

    clean = factories.make_project(
        slug="clean",
        acronym="CLEAN",
        title_sl="CLEAN – nizkoogljične regije",
        title_en="CLEAN – low-carbon regions",
        summary_sl="Energetska učinkovitost javnih stavb.",
        summary_en="Energy efficiency of public buildings.",
        status=Project.Status.COMPLETED,
        programme=interreg,
        priority_area_en="Low-carbon economy",
        start_date=datetime.date(2017, 1, 1),
        start_precision="year",
        end_date=datetime.date(2021, 12, 31),
        end_precision="year",
        total_budget=Decimal("1598948.00"),
    )
    factories.make_project_pillar(project=clean, pillar=nature)
    factories.make_project_pillar(project=clean, pillar=economy, is_primary=True)
    factories.make_partnership(
        project=clean,
        organisation=austrian,
        role=Partnership.Role.LEAD,
        budget=Decimal("1000000.00"),
        eu_contribution=Decimal("850000.00"),
    )
    factories.make_partnership(
        project=clean,
        organisation=agency,
        budget=Decimal("133562.57"),
        eu_contribution=Decimal("113528.18"),
    )
    clean.municipalities.add(celje)

    innova = factories.make_project(
        slug="innova",
        acronym="INNOVA",
        title_sl="Inovativne toplice",
        status=Project.Status.IN_IMPLEMENTATION,
        programme=life,
        start_date=datetime.date(2023, 6, 1),
        start_precision="month",
        end_date=None,
        total_budget=Decimal("49597.57"),
    )
    factories.make_project_pillar(project=innova, pillar=nature, is_primary=True)
    factories.make_partnership(
        project=innova, organisation=agency, role=Partnership.Role.LEAD, budget=Decimal("17790.05")
    )
    factories.make_partnership(project=innova, organisation=croatian)

    idea = factories.make_project(
        slug="ideja",
        acronym="IDEJA",
        title_sl="Zamisel brez denarja",
        status=Project.Status.IDEA,
        start_date=None,
        end_date=None,
        total_budget=None,
    )
    factories.make_partnership(project=idea, organisation=austrian)

    factories.make_project(slug="skrit", acronym="SKRIT", state="draft")
    return {"clean": clean, "innova": innova, "idea": idea, "celje": celje}


def by_key(rows, key, value):
    [row] = [row for row in rows if row[key] == value]
    return row


# Type, file name, BOM, parsing ----------------------------------------------------------------


DOWNLOADS = [
    # (path after the language, format, Slovenian file name, English file name)
    *[(f"projects/export.{fmt}/", fmt, "projekti", "projects") for fmt in FORMATS],
    *[(f"partners/export.{fmt}/", fmt, "partnerji", "partners") for fmt in FORMATS],
    *[
        (f"projects/operations.{fmt}/", fmt, "seznam-operacij", "list-of-operations")
        for fmt in ("csv", "xlsx")
    ],
    *[(f"projects/partnerships.{fmt}/", fmt, "partnerstva", "partnerships") for fmt in FORMATS],
]


@pytest.mark.parametrize(("path", "fmt", "stem_sl", "stem_en"), DOWNLOADS)
@pytest.mark.parametrize("language", ["sl", "en"])
def test_a_download_has_its_type_and_a_dated_file_name_in_the_language(
    client, data, path, fmt, stem_sl, stem_en, language
):
    response, body = download(client, f"/{language}/{path}")

    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    stem = stem_sl if language == "sl" else stem_en
    assert attachment_name(response) == dated(stem, fmt)
    assert records(fmt, body)  # parses, and has rows


def test_csv_begins_with_the_bom_and_parses(client, data):
    _response, body = download(client, "/sl/projects/export.csv/")

    assert body[:3] == b"\xef\xbb\xbf"
    rows = csv_rows(body)
    assert all(len(row) == len(rows[0]) for row in rows)
    assert "CLEAN – nizkoogljične regije" in [row[1] for row in rows]


def test_json_is_a_count_and_the_results(client, data):
    _response, body = download(client, "/en/projects/export.json/")

    results = json_results(body)
    assert [result["acronym"] for result in results] == ["INNOVA", "CLEAN", "IDEJA"]


def test_the_header_row_is_in_the_language_of_the_page(client, data):
    _response, body = download(client, "/en/projects/export.csv/")

    header = csv_rows(body)[0]
    assert header[:4] == ["Acronym", "Title", "Status code", "Status"]
    assert "Total budget (EUR)" in header
    assert "Agency's share (EUR)" in header


def test_an_unknown_format_is_not_found(client, data):
    assert client.get("/en/projects/export.pdf/").status_code == 404
    assert client.get("/en/projects/operations.json/").status_code == 404


# Rows: exactly the page's --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"status": "completed"},
        {"programme": "interreg-europe"},
        {"pillar": "narava"},
        {"country": "AT"},
        {"country": "HR"},
        {"municipality": "celje"},
        {"year": "2019"},
        {"role": "lead"},
        {"role": "partner"},
        {"q": "toplice"},
        {"status": "completed", "country": "AT", "pillar": "gospodarstvo"},
        {"q": "nothing like it"},
        {"page": "7", "per_page": "1", "sort": "no-such-column"},
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_project_download_has_the_rows_of_the_filtered_page(client, data, query, fmt):
    _response, body = download(client, f"/en/projects/export.{fmt}/", query)

    assert len(records(fmt, body)) == page_count(client, "/en/projects/", query)


@pytest.mark.parametrize(
    "query", [{}, {"country": "AT"}, {"country": "SI"}, {"q": "zagreb"}, {"q": "nič"}]
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_partner_download_has_the_rows_of_the_filtered_page(client, data, query, fmt):
    _response, body = download(client, f"/en/partners/export.{fmt}/", query)

    assert len(records(fmt, body)) == page_count(client, "/en/partners/", query)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_partner_download_leaves_out_organisations_in_no_published_project(client, data, fmt):
    hidden = Project.objects.get(slug="skrit")
    factories.make_partnership(
        project=hidden, organisation=factories.make_organisation(name="Samo v osnutku")
    )
    factories.make_organisation(name="Brez projekta")

    def names():
        _response, body = download(client, f"/en/partners/export.{fmt}/")
        return {row["name" if fmt == "json" else "Name"] for row in records(fmt, body)}

    assert "Razvojna agencija Savinja" in names()
    assert not {"Samo v osnutku", "Brez projekta"} & names()
    hidden.state = "published"
    hidden.save()
    assert "Samo v osnutku" in names()


def page_order(client, url, query):
    """The first cell of each row of the list page's table (the linked acronym or name)."""
    content = client.get(url, query).content.decode()
    body = re.search(r"<tbody[^>]*>(.*?)</tbody>", content, re.S).group(1)
    return [
        html.unescape(text)
        for text in re.findall(r'<th scope="row"[^>]*><a [^>]*>([^<]+)</a>', body)
    ]


@pytest.mark.parametrize(
    "sort", [None, "acronym", "-acronym", "total_budget", "-agency_share", "status", "-period"]
)
def test_the_project_download_is_in_the_order_of_the_page(client, data, sort):
    query = {"sort": sort} if sort else {}

    _response, body = download(client, "/en/projects/export.json/", query)

    exported = [result["acronym"] for result in json_results(body)]
    assert exported == page_order(client, "/en/projects/", query)


@pytest.mark.parametrize("sort", [None, "-name", "country", "-project_count"])
def test_the_partner_download_is_in_the_order_of_the_page(client, data, sort):
    query = {"sort": sort} if sort else {}

    _response, body = download(client, "/sl/partners/export.json/", query)

    exported = [result["name"] for result in json_results(body)]
    assert exported == page_order(client, "/sl/partners/", query)


def test_unpublished_projects_are_left_out(client, data):
    _response, body = download(client, "/en/projects/export.csv/")

    assert "SKRIT" not in [row[0] for row in csv_rows(body)]


# Codes beside labels, amounts, dates -----------------------------------------------------------


def test_csv_has_codes_beside_labels_plain_amounts_and_iso_dates(client, data):
    _response, body = download(client, "/en/projects/export.csv/")

    clean = by_key(records("csv", body), "Acronym", "CLEAN")
    assert clean["Title"] == "CLEAN – low-carbon regions"
    assert (clean["Status code"], clean["Status"]) == ("completed", "Completed")
    assert (clean["Programme code"], clean["Programme"]) == ("INTERREG-EUROPE", "Interreg Europe")
    assert clean["EU fund"] == "ERDF"
    assert clean["Pillar codes"] == "gospodarstvo; narava"
    assert clean["Pillars (the primary one first)"] == "Economy; Nature"
    assert (clean["Start"], clean["Start precision"]) == ("2017-01-01", "year")
    assert (clean["End"], clean["End precision"]) == ("2021-12-31", "year")
    assert clean["Total budget (EUR)"] == "1598948.00"
    assert clean["Agency's share (EUR)"] == "133562.57"
    assert (clean["Agency's role code"], clean["The agency's role"]) == ("partner", "Partner")
    assert clean["Partners (the agency included)"] == "2"
    assert (clean["Partner country codes"], clean["Partner countries"]) == ("AT", "Austria")
    assert (clean["Municipality codes"], clean["Municipalities"]) == ("SI-011", "Celje")
    assert clean["Page"] == "http://testserver/en/projects/clean/"


@pytest.mark.parametrize(
    ("language", "codes", "names"),
    [
        ("en", "AT; HR; DE; IT", "Austria; Croatia; Germany; Italy"),
        ("sl", "AT; HR; IT; DE", "Avstrija; Hrvaška; Italija; Nemčija"),
    ],
)
def test_partner_countries_are_each_named_once_in_the_order_of_their_names(
    client, data, language, codes, names
):
    # Energie AG, CLEAN's lead, is Austrian too; the agency (Slovenian) is not counted among the
    # partners' countries, but is among the partners.
    for slug, country in [("roma", "IT"), ("graz", "AT"), ("split", "HR"), ("berlin", "DE")]:
        organisation = factories.make_organisation(slug=slug, country=country)
        factories.make_partnership(project=data["clean"], organisation=organisation)

    _response, body = download(client, f"/{language}/projects/export.csv/")

    with translation.override(language):
        clean = by_key(records("csv", body), translation.gettext("Acronym"), "CLEAN")
        assert clean[translation.gettext("Partner country codes")] == codes
        assert clean[translation.gettext("Partner countries")] == names
        assert clean[translation.gettext("Partners (the agency included)")] == "6"


def test_unknown_values_are_empty(client, data):
    _response, body = download(client, "/en/projects/export.csv/")

    idea = by_key(records("csv", body), "Acronym", "IDEJA")
    for header in ["Programme code", "Start", "End", "Total budget (EUR)", "Agency's share (EUR)"]:
        assert idea[header] == "", header


def test_names_and_labels_are_in_the_language_of_the_page(client, data):
    _response, body = download(client, "/sl/projects/export.json/")

    clean = by_key(json_results(body), "acronym", "CLEAN")
    assert clean["title"] == "CLEAN – nizkoogljične regije"
    assert clean["partner_countries"] == ["Avstrija"]
    assert clean["pillars"] == ["Gospodarstvo", "Narava"]
    assert clean["programme"] == "Interreg Evropa"
    assert clean["url"] == "http://testserver/sl/projects/clean/"


def test_json_has_amounts_as_exact_strings_dates_iso_and_lists(client, data):
    _response, body = download(client, "/en/projects/export.json/")

    results = json_results(body)
    clean = by_key(results, "acronym", "CLEAN")
    assert clean["total_budget"] == "1598948.00"
    assert clean["agency_share"] == "133562.57"
    assert clean["start_date"] == "2017-01-01"
    assert clean["partner_count"] == 2
    assert clean["partner_country_codes"] == ["AT"]
    innova = by_key(results, "acronym", "INNOVA")
    assert innova["total_budget"] == "49597.57"
    assert innova["end_date"] is None
    assert (innova["agency_role_code"], innova["agency_role"]) == ("lead", "Lead partner")
    idea = by_key(results, "acronym", "IDEJA")
    assert idea["total_budget"] is None
    assert idea["agency_share"] is None


def test_xlsx_has_numeric_amounts_and_date_cells(client, data):
    _response, body = download(client, "/en/projects/export.xlsx/")

    clean = next(row for row in xlsx_cells(body) if row["Acronym"].value == "CLEAN")
    total = clean["Total budget (EUR)"]
    assert total.data_type == "n"
    assert total.number_format == "#,##0.00"
    assert Decimal(str(total.value)) == Decimal("1598948.00")
    share = clean["Agency's share (EUR)"]
    assert share.data_type == "n"
    assert Decimal(str(share.value)) == Decimal("133562.57")
    start = clean["Start"]
    assert start.is_date
    assert start.value == datetime.datetime(2017, 1, 1)
    assert clean["Start precision"].value == "year"
    assert clean["Partners (the agency included)"].data_type == "n"
    assert clean["Partners (the agency included)"].value == 2
    assert clean["Title"].data_type == "s"
    assert clean["Page"].value == "http://testserver/en/projects/clean/"


def test_xlsx_has_a_header_row_and_a_named_sheet(client, data):
    _response, body = download(client, "/sl/projects/export.xlsx/")

    sheet = xlsx_sheet(body)
    with translation.override("sl"):
        assert sheet.title == translation.gettext("Projects")
    assert sheet.max_row == 4  # the header and three projects
    assert sheet.freeze_panes == "A2"


@pytest.mark.parametrize("path", ["projects/export", "projects/operations", "partners/export"])
def test_an_xlsx_without_rows_has_its_header_row_alone(client, data, path):
    _response, body = download(client, f"/en/{path}.xlsx/", {"q": "no such thing"})

    [header] = list(xlsx_sheet(body).iter_rows(values_only=True))
    assert header[0] in {"Acronym", "Operation code", "Name"}
    assert None not in header


@pytest.mark.parametrize("language", ["sl", "en"])
def test_every_download_names_its_columns_differently(language, agency):
    # An XLSX sheet's rows are written by header: two columns of one name would be one.
    exports = [
        ProjectExport(),
        OperationsExport(agency=agency, region=None),
        OrganisationExport(),
        PartnershipExport(),
    ]
    with translation.override(language):
        for export in exports:
            labels = [str(column.label) for column in export.columns]
            assert len(set(labels)) == len(labels), labels


# Formula injection -------------------------------------------------------------------------------


@pytest.fixture
def formula_partners(data):
    """Organisations named like formulas, each a partner in CLEAN (and so listed)."""
    for number, name in enumerate(FORMULAS):
        organisation = factories.make_organisation(
            slug=f"formula-{number}", name=name, city=name, country="AT"
        )
        factories.make_partnership(project=data["clean"], organisation=organisation)


def test_csv_neutralises_cells_that_a_spreadsheet_would_take_for_formulas(client, formula_partners):
    _response, body = download(client, "/en/partners/export.csv/")

    rows = records("csv", body)
    names = {row["Name"] for row in rows}
    for name in FORMULAS:
        assert "'" + name in names
        assert name not in names
    row = by_key(rows, "Name", "'+1")
    assert row["City"] == "'+1"
    # Numbers stay numbers; ordinary names stay as they are.
    assert row["Projects"] == "1"
    assert "Energie AG" in names


def test_xlsx_writes_formula_like_names_as_text_never_as_formulas(client, formula_partners):
    _response, body = download(client, "/en/partners/export.xlsx/")

    cells = {row["Name"].value: row["Name"] for row in xlsx_cells(body)}
    for name in FORMULAS:
        text = name.replace("\r", "\n")  # XML turns a carriage return into a line end
        found = cells.get(name) or cells.get(text)
        assert found is not None, name
        assert found.data_type == "s"


def test_xlsx_holds_no_formula(client, formula_partners):
    _response, body = download(client, "/en/partners/export.xlsx/")

    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        xml = "".join(archive.read(name).decode() for name in sheets)
    assert "<f>" not in xml
    assert "<f " not in xml
    assert "HYPERLINK" in xml  # as text


def test_json_keeps_names_as_they_are(client, formula_partners):
    _response, body = download(client, "/en/partners/export.json/")

    names = {result["name"] for result in json_results(body)}
    assert set(FORMULAS) <= names


def test_a_formula_like_acronym_is_neutralised_in_the_project_download(client, data):
    Project.objects.filter(pk=data["clean"].pk).update(acronym="=1+1")

    _response, body = download(client, "/en/projects/export.csv/")

    assert "'=1+1" in [row[0] for row in csv_rows(body)]


# Bad parameters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("status", "bogus"),
        ("programme", "no-such-programme"),
        ("pillar", "no-such-pillar"),
        ("country", "ZZ"),
        ("municipality", "no-such-place"),
        ("year", "abc"),
        ("year", "99999999999999999999"),
        ("role", "boss"),
        ("q", "x" * 5000),
        ("q", "\x00"),
    ],
)
@pytest.mark.parametrize(
    "path", ["projects/export.csv/", "projects/operations.xlsx/", "projects/partnerships.json/"]
)
def test_a_filter_that_cannot_be_used_is_a_400_that_names_it(client, data, path, parameter, value):
    response = client.get(f"/en/{path}", {parameter: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assertContains(
        response, "<h1>The data could not be downloaded</h1>", status_code=400, html=True
    )
    assertContains(response, f"(parameter <code>{parameter}</code>):", status_code=400)
    assert "Content-Disposition" not in response


def test_the_400_page_says_why_and_links_back_to_the_list(client, data):
    response = client.get("/en/projects/export.json/", {"status": "bogus", "q": "clean"})

    assertContains(
        response,
        "<li>Status (parameter <code>status</code>): Select a valid choice. bogus is not one "
        "of the available choices.</li>",
        status_code=400,
        html=True,
    )
    assertContains(response, 'href="/en/projects/?status=bogus&amp;q=clean"', status_code=400)


def test_the_400_page_is_in_the_language_of_the_address(client, data):
    with translation.override("sl"):
        filterset = ProjectFilter({"status": "bogus"}, queryset=Project.objects.all())
        message = filterset.form.errors["status"][0]

    response = client.get("/sl/partners/export.csv/", {"country": "ZZ"})
    assert response.status_code == 400
    assertContains(response, '<html lang="sl">', status_code=400)
    response = client.get("/sl/projects/export.csv/", {"status": "bogus"})
    assertContains(response, message, status_code=400)


def test_a_partner_filter_that_cannot_be_used_is_a_400(client, data):
    response = client.get("/en/partners/export.xlsx/", {"country": "ZZ"})

    assert response.status_code == 400
    assertContains(response, "(parameter <code>country</code>):", status_code=400)


# The list of operations -----------------------------------------------------------------------


def test_operations_are_the_projects_selected_for_funding(client, data):
    _response, body = download(client, "/en/projects/operations.csv/")

    rows = records("csv", body)
    assert [row["Acronym"] for row in rows] == ["INNOVA", "CLEAN"]


def test_an_operation_has_the_columns_the_cohesion_rules_ask_for(client, data):
    _response, body = download(client, "/en/projects/operations.csv/")

    clean = by_key(records("csv", body), "Acronym", "CLEAN")
    assert clean["Operation code"] == "RASR-INTERREG-EUROPE-clean"
    assert clean["Beneficiary"] == "Energie AG"  # the lead partner
    assert clean["Beneficiary's country code"] == "AT"
    assert clean["Name of the operation"] == "CLEAN – low-carbon regions"
    assert clean["Purpose and achievements"] == "Energy efficiency of public buildings."
    assert (clean["Start"], clean["End"]) == ("2017-01-01", "2021-12-31")
    assert clean["Total cost (EUR)"] == "1598948.00"
    # Every partner's EU contribution is known: 850,000.00 + 113,528.18.
    assert clean["EU contribution (EUR)"] == "963528.18"
    assert clean["EU co-financing rate (%)"] == "60.26"
    assert (clean["Location codes"], clean["Location"]) == ("SI-011", "Celje")
    assert clean["Category of intervention"] == ""
    assert clean["EU fund"] == "ERDF"
    assert (clean["Programme code"], clean["Programme"]) == ("INTERREG-EUROPE", "Interreg Europe")
    assert clean["Priority area"] == "Low-carbon economy"
    assert clean["Date of last update"] == timezone.localdate().isoformat()
    assert clean["Page"] == "http://testserver/en/projects/clean/"


def test_an_operation_without_every_eu_contribution_or_a_place_says_what_is_known(client, data):
    _response, body = download(client, "/en/projects/operations.csv/")

    innova = by_key(records("csv", body), "Acronym", "INNOVA")
    assert innova["Operation code"] == "RASR-LIFE-innova"
    assert innova["Beneficiary"] == "Razvojna agencija Savinja"  # the agency leads it
    assert innova["EU contribution (EUR)"] == ""
    assert innova["EU co-financing rate (%)"] == ""
    # No municipality named: the region, by its NUTS 3 code.
    assert (innova["Location codes"], innova["Location"]) == ("SI034", "Savinjska regija")
    assert (innova["Start"], innova["Start precision"], innova["End"]) == (
        "2023-06-01",
        "month",
        "",
    )


def test_a_project_with_no_lead_partner_is_the_agencys_operation(client, data, agency):
    Partnership.objects.filter(project=data["clean"], role=Partnership.Role.LEAD).update(
        role=Partnership.Role.PARTNER
    )

    _response, body = download(client, "/en/projects/operations.csv/")

    clean = by_key(records("csv", body), "Acronym", "CLEAN")
    assert clean["Beneficiary"] == agency.name


def test_operation_codes_are_unique(client, data):
    other = factories.make_programme(code="OTHER")
    for number in range(5):
        factories.make_project(slug=f"op-{number}", status=Project.Status.APPROVED, programme=other)

    _response, body = download(client, "/en/projects/operations.csv/")

    codes = [row["Operation code"] for row in records("csv", body)]
    assert len(codes) == 7
    assert len(set(codes)) == len(codes)
    assert "RASR-OTHER-op-3" in codes


def test_operations_xlsx_has_numeric_amounts_and_rate_and_date_cells(client, data):
    _response, body = download(client, "/en/projects/operations.xlsx/")

    clean = next(row for row in xlsx_cells(body) if row["Acronym"].value == "CLEAN")
    assert clean["EU contribution (EUR)"].data_type == "n"
    assert Decimal(str(clean["EU contribution (EUR)"].value)) == Decimal("963528.18")
    assert clean["EU contribution (EUR)"].number_format == "#,##0.00"
    assert clean["EU co-financing rate (%)"].data_type == "n"
    assert clean["Date of last update"].is_date
    assert clean["Category of intervention"].value is None


def test_operations_follow_the_project_lists_filters(client, data):
    _response, body = download(client, "/en/projects/operations.csv/", {"programme": "life"})

    assert [row["Acronym"] for row in records("csv", body)] == ["INNOVA"]


# Partnerships ---------------------------------------------------------------------------------


def test_partnerships_are_those_of_the_listed_projects_lead_partner_first(client, data):
    _response, body = download(client, "/en/projects/partnerships.csv/")

    rows = records("csv", body)
    assert [(row["Project"], row["Organisation"]) for row in rows] == [
        ("INNOVA", "Razvojna agencija Savinja"),
        ("INNOVA", "Grad Zagreb"),
        ("CLEAN", "Energie AG"),
        ("CLEAN", "Razvojna agencija Savinja"),
        ("IDEJA", "Energie AG"),
    ]


def test_a_partnership_has_codes_beside_labels_and_amounts_to_the_cent(client, data):
    _response, body = download(client, "/en/projects/partnerships.csv/")

    lead, agency = [row for row in records("csv", body) if row["Project"] == "CLEAN"]
    assert (lead["Country code"], lead["Country"]) == ("AT", "Austria")
    assert (lead["Role code"], lead["Role"]) == ("lead", "Lead partner")
    assert (lead["Budget (EUR)"], lead["EU contribution (EUR)"]) == ("1000000.00", "850000.00")
    assert lead["Share of the project's total budget (%)"] == "62.54"
    assert lead["The agency itself"] == "false"
    assert lead["Programme code"] == "INTERREG-EUROPE"
    assert lead["Organisation page"] == "http://testserver/en/partners/energie-ag/"
    assert (agency["Budget (EUR)"], agency["Share of the project's total budget (%)"]) == (
        "133562.57",
        "8.35",
    )
    assert agency["The agency itself"] == "true"


@pytest.mark.parametrize(
    ("query", "projects"),
    [
        ({"country": "HR"}, ["INNOVA"]),
        ({"status": "completed"}, ["CLEAN"]),
        ({"q": "nothing like it"}, []),
    ],
)
def test_partnerships_follow_the_project_lists_filters(client, data, query, projects):
    _response, body = download(client, "/en/projects/partnerships.json/", query)

    assert sorted({result["project_acronym"] for result in json_results(body)}) == projects


def test_partnership_xlsx_has_numeric_amounts(client, data):
    _response, body = download(client, "/en/projects/partnerships.xlsx/")

    lead = next(row for row in xlsx_cells(body) if row["Organisation"].value == "Energie AG")
    assert lead["Budget (EUR)"].data_type == "n"
    assert Decimal(str(lead["Budget (EUR)"].value)) == Decimal("1000000.00")
    assert lead["The agency itself"].data_type == "b"


# Links on the pages ---------------------------------------------------------------------------


def test_the_project_list_links_its_downloads_with_its_query_string(client, data):
    response = client.get("/en/projects/", {"status": "completed", "sort": "acronym"})

    query = "?status=completed&amp;sort=acronym"
    assertContains(response, '<h2 id="downloads-title">Downloads</h2>', html=True)
    for fmt, label in [("csv", "Data (CSV)"), ("xlsx", "Data (XLSX)"), ("json", "Data (JSON)")]:
        assertContains(response, f'href="/en/projects/export.{fmt}/{query}"')
        assertContains(response, label)
    assertContains(response, f'href="/en/projects/operations.csv/{query}"')
    assertContains(response, "List of operations (XLSX)")
    assertContains(response, f'href="/en/projects/partnerships.json/{query}"')
    assertContains(response, "Partners of these projects, with their budgets (CSV)")


def test_the_partner_list_links_its_downloads(client, data):
    response = client.get("/sl/partners/", {"country": "AT"})

    assertContains(response, 'href="/sl/partners/export.xlsx/?country=AT"')


def test_links_without_a_query_string_have_none(client, data):
    response = client.get("/en/projects/")

    assertContains(response, 'href="/en/projects/export.csv/"')


# Queries -------------------------------------------------------------------------------------


def add_projects(count, agency, municipality):
    for _ in range(count):
        project = factories.make_full_project(agency=agency, status=Project.Status.APPROVED)
        project.municipalities.add(municipality)


@pytest.mark.parametrize(
    "path",
    [
        *[f"/en/projects/export.{fmt}/" for fmt in FORMATS],
        *[f"/en/partners/export.{fmt}/" for fmt in FORMATS],
        "/en/projects/operations.csv/",
        "/en/projects/operations.xlsx/",
        "/en/projects/partnerships.csv/",
    ],
)
def test_download_queries_do_not_grow_with_the_rows(assert_constant_queries, data, agency, path):
    add_projects(2, agency, data["celje"])

    def add_rows():
        add_projects(10, agency, data["celje"])

    assert_constant_queries(path, add_rows)


@pytest.mark.parametrize(
    "path",
    [
        "/en/projects/export.csv/",
        "/en/projects/operations.xlsx/",
        "/en/projects/partnerships.json/",
        "/en/partners/export.csv/",
    ],
)
def test_a_long_list_is_downloaded_without_a_model_instance_per_row(client, data, path):
    made = []

    def count(sender, **kwargs):
        made.append(sender)

    post_init.connect(count)
    try:
        download(client, path)
    finally:
        post_init.disconnect(count)

    assert made.count(Project) == made.count(Partnership) == 0
    assert made.count(Organisation) <= 1  # the agency, for the list of operations


def test_the_partners_summed_up_read_the_organisations_from_their_index_on_sqlite(db):
    """Migration 0014: on SQLite the summary of a chunk's partners reads each partner's country
    and whether it is the agency from an index beside the organisation's key, not from its whole
    row, once its planner knows the table (as the migration leaves it); PostgreSQL, which
    hashes the organisations for that join either way, has no such index."""
    projects = [factories.make_project() for _ in range(3)]
    for project in projects:
        for _ in range(3):
            factories.make_partnership(project=project)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE projects_organisation")
    summaries = partner_summaries(
        AmongValues(F("project_id"), [project.pk for project in projects]), operations=False
    )
    plan = summaries.explain()
    assert len(summaries) == 3
    if connection.vendor == "sqlite":
        assert "COVERING INDEX organisation_country_by_id" in plan, plan
    else:
        assert "organisation_country_by_id" not in plan, plan
