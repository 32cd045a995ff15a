"""The PDF service (regionportal.base.pdf): static files only, embedded fonts, the cache; and the
municipality summary (municipalities:pdf)."""

import logging
import socket
from decimal import Decimal

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains

from regionportal.base import pdf
from tests import factories
from tests.pdfs import fonts_of, pdf_text

# Every test here builds PDFs with WeasyPrint, which needs the system's Pango.
pytestmark = pytest.mark.usefixtures("pdf_engine")

BASE_URL = "http://testserver/"


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test builds its PDFs afresh: none comes from an earlier test."""
    cache.clear()


def today():
    return timezone.localdate().isoformat()


# The fetcher


def static_address(name):
    return BASE_URL.rstrip("/") + staticfiles_storage.url(name)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("css/pdf.css", "text/css"),
        ("fonts/DejaVuSans-2.37.ttf", "font/ttf"),
        ("img/eu-emblem.svg", "image/svg+xml"),
    ],
)
def test_the_fetcher_serves_the_portals_static_files_from_disk(name, content_type):
    fetcher = pdf.StaticFilesFetcher(base_url=BASE_URL)

    response = fetcher.fetch(static_address(name))

    # The copy collectstatic made: in the stylesheet, url()s point to the fonts' hashed names.
    with staticfiles_storage.open(staticfiles_storage.stored_name(name)) as file:
        assert response.read() == file.read()
    assert response.content_type == content_type


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/static/css/pdf.css",
        "https://testserver/static/css/pdf.css",
        "//example.com/static/css/pdf.css",
        "file:///etc/passwd",
        "data:text/css,body{}",
        "http://testserver/static/../../etc/passwd",
        "http://testserver/static/%2e%2e/%2e%2e/etc/passwd",
        "http://testserver/static/css/",
        "http://testserver/static/css/no-such-file.css",
        "http://testserver/en/projects/",
        "http://testserver/en/pillars/colours.css",
    ],
)
def test_the_fetcher_refuses_every_other_address(url):
    fetcher = pdf.StaticFilesFetcher(base_url=BASE_URL)

    with pytest.raises(ValueError, match="Not one of the portal's static files"):
        fetcher.fetch(url)


def test_the_fetcher_reads_uploaded_files_through_the_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "projects").mkdir(parents=True)
    (tmp_path / "media" / "projects" / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    (tmp_path / "secret.txt").write_text("outside the media")
    fetcher = pdf.StaticFilesFetcher(base_url=BASE_URL)

    response = fetcher.fetch(f"http://testserver{pdf.media_path('projects/photo.jpg')}")

    assert response.read() == b"\xff\xd8 a photo"
    assert response.content_type == "image/jpeg"
    for url in [
        "http://testserver/media/../secret.txt",
        "http://testserver/media/%2e%2e/secret.txt",
        "http://testserver/media/projects/no-such-photo.jpg",
        "http://example.com/media/projects/photo.jpg",
    ]:
        with pytest.raises(ValueError, match="Not one of the portal's static files"):
            fetcher.fetch(url)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("WeasyPrint tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_a_document_with_outside_addresses_is_built_without_touching_the_network(
    no_network, caplog
):
    html = (
        '<link rel="stylesheet" href="https://cdn.example.com/style.css">'
        '<p>Čaša</p><img src="http://example.com/logo.png" alt="">'
        '<img src="file:///etc/hostname" alt="">'
    )

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        content = pdf.html_to_pdf(html, base_url=BASE_URL)

    assert content.startswith(b"%PDF-")
    assert "Čaša" in pdf_text(content)
    refused = [
        record for record in caplog.records if "Not one of the portal" in record.getMessage()
    ]
    assert len(refused) == 3


# The cache


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


def test_the_same_page_is_built_once_and_then_served_from_the_cache(client, db, builds):
    municipality = factories.make_municipality(slug="zalec", name="Žalec")

    first = client.get("/sl/municipalities/zalec/summary.pdf")
    second = client.get("/sl/municipalities/zalec/summary.pdf")

    assert len(builds) == 1
    assert first.content == second.content

    factories.make_project(acronym="ŽALEC-NOVI").municipalities.add(municipality)
    third = client.get("/sl/municipalities/zalec/summary.pdf")

    assert len(builds) == 2
    assert "ŽALEC-NOVI" in pdf_text(third.content)


def test_each_language_has_its_own_pdf(client, db, builds):
    factories.make_municipality(slug="zalec", name="Žalec")

    client.get("/sl/municipalities/zalec/summary.pdf")
    client.get("/en/municipalities/zalec/summary.pdf")

    assert len(builds) == 2
    assert '<html lang="sl">' in builds[0]
    assert '<html lang="en">' in builds[1]


# The municipality summary on the whole content


@pytest.fixture(scope="module")
def municipality_pdfs(loaded_content, django_db_blocker):
    """The summaries of Šoštanj (sl) and Celje (en), built once for the module."""
    cache.clear()
    with django_db_blocker.unblock():
        client = Client()
        return {
            "sostanj-sl": client.get("/sl/municipalities/sostanj/summary.pdf"),
            "celje-en": client.get("/en/municipalities/celje/summary.pdf"),
        }


def test_the_municipality_summary_is_a_pdf_named_after_the_municipality_and_the_day(
    municipality_pdfs,
):
    slovenian, english = municipality_pdfs["sostanj-sl"], municipality_pdfs["celje-en"]

    assert slovenian.status_code == english.status_code == 200
    assert slovenian["Content-Type"] == english["Content-Type"] == "application/pdf"
    assert slovenian["Content-Disposition"] == (
        f'attachment; filename="sostanj-povzetek-{today()}.pdf"'
    )
    assert english["Content-Disposition"] == f'attachment; filename="celje-summary-{today()}.pdf"'


def test_the_slovenian_municipality_summary_lists_the_projects_touching_it_with_sums(
    municipality_pdfs,
):
    text = pdf_text(municipality_pdfs["sostanj-sl"].content)

    assert "Občina Šoštanj" in text
    assert "InnovaSPA-Inovativne zdravstvene rešitve za termalne regije" in text
    assert text.count("1.346.163,00 €") == 2  # the project's budget and the sum
    assert text.count("139.835,00 €") == 2  # the agency's share and the sum
    assert "http://testserver/sl/municipalities/sostanj/" in text


def test_the_english_municipality_summary_has_projects_and_agreement_investments(
    municipality_pdfs,
):
    text = pdf_text(municipality_pdfs["celje-en"].content)

    assert "Urban municipality of Celje" in text
    assert "CLEAN CLEAN – Technologies and open innovation" in text
    assert "2017–2021 Completed €1,598,948.00 €133,562.00" in text
    assert "Together, 1 project €1,598,948.00 €133,562.00" in text
    assert "Regional development agreement investments" in text
    assert "Navezovalna cesta Ljubečna - AC priključek Celje vzhod" in text
    # Celje leads the wastewater project and takes part in the five others.
    assert (
        "Odvajanje in čiščenje odpadnih voda v porečju Savinje – Občine Celje, Štore in Vojnik "
        "Wastewater collection and treatment (2014– 2020) Leads it Celje Vojnik, Štore Completed"
    ) in text
    assert text.count("Takes part") == 5
    # The six investments, with their lead and other municipalities, take a second page.
    assert "page 1 of 2" in text
    assert "page 2 of 2" in text
    assert "http://testserver/en/municipalities/celje/" in text


def test_the_fonts_of_a_summary_are_the_portals_own_and_embedded(municipality_pdfs):
    fonts = fonts_of(municipality_pdfs["sostanj-sl"].content)

    # Subsets (ABCDEF+) of the @font-face family of static/css/pdf.css, regular and bold.
    assert {name.split("+", 1)[1] for name in fonts} == {"Portal-Sans", "Portal-Sans-Bold"}
    assert all(files for files in fonts.values()), fonts


def test_the_municipality_page_links_its_summary(client, db):
    factories.make_municipality(slug="zalec", name="Žalec")

    response = client.get("/en/municipalities/zalec/")

    assertContains(
        response,
        '<a href="/en/municipalities/zalec/summary.pdf" type="application/pdf">'
        "Municipality summary (PDF)</a>",
        html=True,
    )


def test_an_unknown_municipality_or_one_outside_the_region_has_no_summary(client, db):
    factories.make_municipality(slug="bistrica-ob-sotli", region=None)

    assert client.get("/sl/municipalities/no-such-place/summary.pdf").status_code == 404
    assert client.get("/sl/municipalities/bistrica-ob-sotli/summary.pdf").status_code == 404


@pytest.fixture
def quick_pdfs(monkeypatch):
    """WeasyPrint left out: the query counts do not depend on it, and it is slow."""
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, *, base_url: b"%PDF-1.7 quick")


def test_the_municipality_summary_needs_as_many_queries_however_many_projects(
    assert_constant_queries, db, quick_pdfs
):
    municipality = factories.make_municipality(slug="zalec", name="Žalec")
    agency = factories.make_agency()

    def add_rows(count):
        for _ in range(count):
            project = factories.make_full_project(agency=agency)
            project.municipalities.add(municipality)
            factories.make_place(project=project, municipality=municipality)
            factories.make_agreement_project(
                municipalities=[municipality, factories.make_municipality()],
                total_value=Decimal("1000.00"),
            )

    add_rows(1)
    assert_constant_queries("/sl/municipalities/zalec/summary.pdf", lambda: add_rows(5))
