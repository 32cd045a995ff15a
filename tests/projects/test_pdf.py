"""PDF summaries of a project (projects:pdf) and of the agency's portfolio (partners:agency-pdf)."""

import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import formats, timezone, translation
from pypdf import PdfReader
from pytest_django.asserts import assertContains

from projects.models import Partnership
from regionportal.base import pdf
from tests import factories
from tests.pdfs import fonts_of, pdf_text

# Every test here builds PDFs with WeasyPrint, which needs the system's Pango.
pytestmark = pytest.mark.usefixtures("pdf_engine")


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test builds its PDFs afresh: none comes from an earlier test."""
    cache.clear()


def today():
    return timezone.localdate()


def page_count(response):
    return len(PdfReader(io.BytesIO(response.content)).pages)


# The real projects, each summary built once for the module ------------------------------------


@pytest.fixture(scope="module")
def summaries(loaded_content, django_db_blocker):
    """The summaries of the whole content's projects and of the agency, and the addresses
    WeasyPrint fetched while it built the first one."""
    cache.clear()
    fetched = []
    fetch = pdf.StaticFilesFetcher.fetch

    def recording_fetch(self, url, headers=None):
        fetched.append(url)
        return fetch(self, url, headers)

    client = Client()
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf.StaticFilesFetcher, "fetch", recording_fetch)
        responses = {"clean-sl": client.get("/sl/projects/clean/summary.pdf")}
        patch.undo()
        responses |= {
            "clean-en": client.get("/en/projects/clean/summary.pdf"),
            "innovaspa-sl": client.get("/sl/projects/innovaspa/summary.pdf"),
            "living-castles-en": client.get("/en/projects/living-castles/summary.pdf"),
            "agency-sl": client.get("/sl/partners/agency/summary.pdf"),
            "agency-en": client.get("/en/partners/agency/summary.pdf"),
        }
    return {"responses": responses, "fetched": fetched}


@pytest.fixture
def responses(summaries):
    return summaries["responses"]


@pytest.mark.parametrize(
    ("key", "filename"),
    [
        ("clean-sl", "clean-povzetek-{date}.pdf"),
        ("clean-en", "clean-summary-{date}.pdf"),
        ("agency-sl", "rasr-povzetek-{date}.pdf"),
        ("agency-en", "rasr-summary-{date}.pdf"),
    ],
)
def test_a_summary_is_a_pdf_download_named_after_the_slug_and_the_day(responses, key, filename):
    response = responses[key]

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{filename.format(date=today().isoformat())}"'
    )
    assert response.content.startswith(b"%PDF-")


def test_the_slovenian_project_summary_has_the_projects_facts(responses):
    text = pdf_text(responses["clean-sl"].content)

    assert "CLEAN-Tehnologije in odprte inovacije za nizkoogljične regije" in text
    assert "Interreg Europe (2014–2020)" in text
    assert "Projekt je sofinanciran iz Evropskega sklada za regionalni razvoj (ESRR)" in text
    assert "2017–2021" in text
    assert "1.598.948,00 €" in text
    assert "133.562,00 € (8,4 %" in text
    assert "Razvojna agencija Savinjske regije, d.o.o." in text
    assert "Regionalni akcijski načrt 2019" in text  # the result, its date on the next line
    assert "Mednarodna konferenca „Kako znižati energetske stroške?“" in text
    assert "2022 (s 12-mesečnim podaljšanjem)" in text  # a discrepancy
    assert "PROJEKT: 1.598.948,00 EUR RASR: 133.562,00 EUR" in text  # the source's words
    with translation.override("sl"):
        assert formats.date_format(today(), "DATE_FORMAT") in text
    assert "http://testserver/sl/projects/clean/" in text


def test_the_partners_table_puts_the_lead_partner_first(responses):
    text = pdf_text(responses["clean-sl"].content)

    lead = text.index("European Regions Network for the Application of Communications Technology")
    assert lead < text.index("Agenzia Napoletana Energia e Ambiente")
    assert lead < text.index("Razvojna agencija Savinjske regije")


def test_the_english_project_summary_has_english_labels_and_amounts(responses):
    response = responses["clean-en"]
    text = pdf_text(response.content)
    pages = page_count(response)

    assert "CLEAN – Technologies and open innovation for low-carbon regions" in text
    assert "Status Completed" in text
    assert "Programme Interreg Europe (2014–2020)" in text
    assert "Period 2017–2021" in text
    assert "Total budget €1,598,948.00" in text
    assert "The agency's share €133,562.00 (8.4% of the total)" in text
    assert "The project is co-financed by the European Union" in text
    assert "Lead partner Ireland" in text
    assert "Partner Slovenia €133,562.00" in text
    assert "Economy, Finance & Enterprise (primary pillar)" in text
    assert "Better energy efficiency in public buildings: 4 %" in text
    assert f"Made on {formats.date_format(today(), 'DATE_FORMAT')} from" in text
    assert "http://testserver/en/projects/clean/" in text
    assert f"page {pages} of {pages}" in text


def test_the_clean_summary_fills_one_or_two_a4_pages(responses):
    for key in ["clean-sl", "clean-en"]:
        reader = PdfReader(io.BytesIO(responses[key].content))
        assert 1 <= len(reader.pages) <= 2
        for page in reader.pages:  # A4: 210 × 297 mm in points
            assert round(float(page.mediabox.width)) == 595
            assert round(float(page.mediabox.height)) == 842


def test_names_with_diacritics_come_out_whole(responses):
    innovaspa = pdf_text(responses["innovaspa-sl"].content)
    living_castles = pdf_text(responses["living-castles-en"].content)

    assert "Thermana Laško" in innovaspa
    assert "Terme Topolšica" in innovaspa
    assert "Šoštanj" in innovaspa
    assert "Međimursko veleučilište u Čakovcu" in living_castles


def test_the_fonts_are_the_portals_own_embedded_from_its_static_files(summaries):
    fonts = fonts_of(summaries["responses"]["clean-sl"].content)
    fetched = summaries["fetched"]

    assert {name.split("+", 1)[1] for name in fonts} == {"Portal-Sans", "Portal-Sans-Bold"}
    assert all(files for files in fonts.values()), fonts
    assert len(fetched) == 4
    for name in [
        "/css/pdf.",
        "/fonts/DejaVuSans-2.37.",
        "/fonts/DejaVuSans-Bold-2.37.",
        "/img/eu-emblem.",
    ]:
        assert any(url.startswith("http://testserver/static/") and name in url for url in fetched)


def test_the_agency_summary_has_its_portfolio_in_slovenian(responses):
    text = pdf_text(responses["agency-sl"].content)

    assert "Razvojna agencija Savinjske regije, d.o.o. (RASR)" in text
    assert "4.719.884,43 €" in text
    assert "527.405,35 €" in text
    assert "11,2 %" in text
    assert "LIVING CASTLES" in text
    assert "Regijska garancijska shema" in text  # run without a partnership
    assert "http://testserver/sl/partners/agency/" in text


def test_the_agency_summary_has_its_portfolio_in_english(responses):
    text = pdf_text(responses["agency-en"].content)

    assert "The agency's portfolio" in text
    assert "Their total budget €4,719,884.43" in text
    assert "The agency's share €527,405.35 11.2% of the total" in text
    assert "Other projects the agency runs" in text
    assert "Interreg projects as a partner" in text
    assert "http://testserver/en/partners/agency/" in text


# Made for the test -----------------------------------------------------------------------------


@pytest.fixture
def builds(monkeypatch):
    """The HTML documents WeasyPrint was asked to turn into PDFs (it still does)."""
    documents = []
    build = pdf.html_to_pdf

    def counting_build(html, *, base_url):
        documents.append(html)
        return build(html, base_url=base_url)

    monkeypatch.setattr(pdf, "html_to_pdf", counting_build)
    return documents


def test_a_project_summary_comes_from_the_cache_until_the_project_changes(client, db, builds):
    project = factories.make_project(slug="zeleni-celjski", title_sl="Zeleni Celjski")

    first = client.get("/sl/projects/zeleni-celjski/summary.pdf")
    factories.make_project()  # another project: not in this summary
    second = client.get("/sl/projects/zeleni-celjski/summary.pdf")

    assert len(builds) == 1
    assert second.content == first.content

    project.title_sl = "Zeleni Šaleški"
    project.save()
    third = client.get("/sl/projects/zeleni-celjski/summary.pdf")

    assert len(builds) == 2
    assert "Zeleni Šaleški" in pdf_text(third.content)


def test_an_unknown_or_unpublished_project_has_no_summary(client, db):
    factories.make_project(slug="osnutek", state="draft")

    assert client.get("/sl/projects/no-such-project/summary.pdf").status_code == 404
    assert client.get("/en/projects/osnutek/summary.pdf").status_code == 404


def test_without_an_agency_there_is_no_portfolio_summary(client, db):
    factories.make_project()

    assert client.get("/en/partners/agency/summary.pdf").status_code == 404


def test_the_project_page_and_the_agency_page_link_their_summaries(client, db):
    factories.make_full_project(slug="zeleni-celjski")

    assertContains(
        client.get("/en/projects/zeleni-celjski/"),
        '<a href="/en/projects/zeleni-celjski/summary.pdf" type="application/pdf">'
        "Project summary (PDF)</a>",
        html=True,
    )
    assertContains(
        client.get("/en/partners/agency/"),
        '<a href="/en/partners/agency/summary.pdf" type="application/pdf">'
        "Portfolio summary (PDF)</a>",
        html=True,
    )


@pytest.fixture
def quick_pdfs(monkeypatch):
    """WeasyPrint left out: the query counts do not depend on it, and it is slow."""
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, *, base_url: b"%PDF-1.7 quick")


def test_the_project_summary_needs_as_many_queries_however_many_partners_and_results(
    assert_constant_queries, db, quick_pdfs
):
    project = factories.make_full_project(slug="zeleni-celjski", partners=1)
    factories.make_place(project=project, municipality=factories.make_municipality())
    factories.make_goal().projects.add(project)
    factories.make_discrepancy(about=project)
    url = "/sl/projects/zeleni-celjski/summary.pdf"

    def add_rows():
        for _ in range(5):
            factories.make_partnership(project=project, budget=Decimal("100.00"))
            factories.make_result(project=project)
            factories.make_place(project=project, municipality=factories.make_municipality())
            factories.make_link(project=project)
            factories.make_project_pillar(project=project)
            factories.make_goal().projects.add(project)
            factories.make_discrepancy(about=project)
            project.municipalities.add(factories.make_municipality())

    assert_constant_queries(url, add_rows)


def test_the_agency_summary_needs_as_many_queries_however_many_projects(
    assert_constant_queries, db, quick_pdfs
):
    agency = factories.make_agency()
    factories.make_agency_record()
    factories.make_full_project(agency=agency)
    factories.make_project()  # run without a partnership
    url = "/en/partners/agency/summary.pdf"

    def add_rows():
        for _ in range(5):
            project = factories.make_full_project(agency=agency)
            factories.make_partnership(
                project=project,
                organisation=factories.make_organisation(country="HR"),
                role=Partnership.Role.PARTNER,
            )
            factories.make_project()

    assert_constant_queries(url, add_rows)
