"""A server without Pango: the portal runs, and a PDF address says the summary cannot be made."""

import pytest
from pytest_django.asserts import assertContains

from regionportal.base import pdf
from tests import factories


@pytest.fixture
def without_pango(monkeypatch):
    monkeypatch.setattr(pdf, "weasyprint", None)
    monkeypatch.setattr(pdf, "UNAVAILABLE", "WeasyPrint cannot load the system's Pango library")


@pytest.mark.parametrize(
    ("language", "heading"),
    [("sl", "Povzetek ni na voljo"), ("en", "Summary not available")],
)
def test_a_summary_that_cannot_be_made_is_a_503_page_in_the_language_of_the_address(
    client, db, without_pango, language, heading
):
    factories.make_municipality(slug="zalec", name="Žalec")

    response = client.get(f"/{language}/municipalities/zalec/summary.pdf")

    assert response.status_code == 503
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assertContains(response, f"<h1>{heading}</h1>", html=True, status_code=503)
    assertContains(response, f'<html lang="{language}"', status_code=503)


def test_the_page_the_summary_summarises_still_answers(client, db, without_pango):
    factories.make_municipality(slug="zalec", name="Žalec")

    assert client.get("/en/municipalities/zalec/").status_code == 200
