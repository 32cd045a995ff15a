"""A pillar's PDF summary (pillars:pdf): its model, potentials, examples and goals, and its
projects with their sums, in both languages."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone
from pytest_django.asserts import assertContains

from pillars.models import PotentialExample
from projects.models import Partnership
from regionportal.base import pdf
from tests import factories
from tests.pdfs import pdf_text

# Every test here builds PDFs with WeasyPrint, which needs the system's Pango.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test builds its PDFs afresh: none comes from an earlier test."""
    cache.clear()


def add_project(pillar, budget, agency_share=None, *, primary=True, **fields):
    project = factories.make_project(total_budget=budget, **fields)
    factories.make_project_pillar(project=project, pillar=pillar, is_primary=primary)
    if agency_share is not None:
        factories.make_partnership(
            project=project,
            organisation=factories.make_agency(),
            role=Partnership.Role.LEAD,
            budget=agency_share,
        )
    return project


@pytest.fixture
def nature():
    pillar = factories.make_pillar(
        slug="narava",
        name_sl="Narava & Skupnost",
        name_en="Nature & Community",
        economic_model_sl="Na skupnosti temelječa samozadostnost",
        economic_model_en="Community-based self-sufficiency",
        potentials_sl="Bogastvo in lepote narave: gozdovi, vode in termalni izviri.",
        potentials_en="The riches and beauty of nature: forests, waters and thermal springs.",
        colour="#2e7d32",
    )
    factories.make_example(pillar=pillar, name_sl="Občina Vojnik", order=1)
    factories.make_example(
        pillar=pillar, name_sl="Zelene destinacije", kind=PotentialExample.Kind.GROUP, count=9
    )
    factories.make_goal(pillar=pillar, statement_sl="Večina občin z lastnimi zelenimi modeli.")
    add_project(
        pillar,
        Decimal("1346163.00"),
        Decimal("139835.00"),
        acronym="InnovaSPA",
        title_sl="Inovativne zdravstvene rešitve za termalne regije",
    )
    add_project(
        pillar,
        Decimal("250000.50"),
        primary=False,
        acronym="Šaleški gozdovi",
        title_sl="Šaleški gozdovi",
        title_en="Forests of the Šalek valley",
    )
    add_project(pillar, Decimal("999.00"), acronym="SKRITI", state="draft")
    return pillar


def today():
    return timezone.localdate().isoformat()


def test_the_slovenian_pillar_summary_has_the_pillar_and_its_projects_with_sums(client, nature):
    response = client.get("/sl/pillars/narava/summary.pdf")
    text = pdf_text(response.content)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="narava-povzetek-{today()}.pdf"'
    )
    assert "Narava & Skupnost Nature & Community" in text
    assert "Na skupnosti temelječa samozadostnost" in text
    assert "gozdovi, vode in termalni izviri" in text
    assert "Občina Vojnik" in text
    assert "Zelene destinacije" in text
    assert "Večina občin z lastnimi zelenimi modeli." in text
    assert "Inovativne zdravstvene rešitve za termalne regije" in text
    assert "1.346.163,00 € 139.835,00 €" in text
    assert "Šaleški gozdovi" in text
    assert "1.596.163,50 € 139.835,00 €" in text  # the sums of both projects
    assert "SKRITI" not in text  # unpublished
    assert "http://testserver/sl/pillars/narava/" in text


def test_the_english_pillar_summary_has_english_labels_and_amounts(client, nature):
    response = client.get("/en/pillars/narava/summary.pdf")
    text = pdf_text(response.content)

    assert response["Content-Disposition"] == f'attachment; filename="narava-summary-{today()}.pdf"'
    assert "Nature & Community Narava & Skupnost" in text
    assert "Economic model Community-based self-sufficiency" in text
    assert "Forests of the Šalek valley" in text
    assert "secondary" in text
    assert "Together, 2 projects €1,596,163.50 €139,835.00" in text
    assert "page 1 of 1" in text


def test_an_unknown_pillar_has_no_summary(client):
    assert client.get("/en/pillars/no-such-pillar/summary.pdf").status_code == 404


def test_the_pillar_page_links_its_summary(client, nature):
    assertContains(
        client.get("/en/pillars/narava/"),
        '<a href="/en/pillars/narava/summary.pdf" type="application/pdf">Pillar summary (PDF)</a>',
        html=True,
    )


def test_the_pillar_summary_needs_as_many_queries_however_many_projects(
    assert_constant_queries, nature, monkeypatch
):
    # WeasyPrint left out: the query counts do not depend on it, and it is slow.
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, *, base_url: b"%PDF-1.7 quick")

    def add_rows():
        for number in range(5):
            project = add_project(nature, Decimal("1000.00"), primary=number % 2 == 0)
            factories.make_partnership(project=project, budget=Decimal("10.00"))
            factories.make_example(pillar=nature)
            factories.make_goal(pillar=nature)

    assert_constant_queries("/sl/pillars/narava/summary.pdf", add_rows)
