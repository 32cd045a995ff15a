"""Staff preview a project that is not public on its real page and PDF, in both languages;
nobody else sees it, and a preview is never cached, listed or indexed."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from regionportal.base.publishing import State
from tests import factories
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

NOT_PUBLIC = [State.DRAFT, State.REVIEW, State.WITHDRAWN]


@pytest.mark.parametrize("state", NOT_PUBLIC)
@pytest.mark.parametrize(
    ("language", "banner"),
    [("sl", "Predogled – ni objavljeno"), ("en", "Preview – not published")],
)
def test_staff_see_a_preview_with_a_banner(editor_client, state, language, banner):
    factories.make_project(slug="osnutek", acronym="OSN", title_sl="Osnutek projekta", state=state)

    response = editor_client.get(f"/{language}/projects/osnutek/")

    assert response.status_code == 200
    assertContains(response, banner)
    assertContains(response, "Osnutek projekta")
    assertContains(response, '<meta name="robots" content="noindex, nofollow">', html=True)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assertNotContains(response, "application/ld+json")


def test_the_banner_names_the_state_and_the_embargo(editor_client):
    factories.make_project(
        slug="kasneje",
        state=State.PUBLISHED,
        publish_at=timezone.make_aware(datetime.datetime(2099, 3, 1, 9, 0)),
    )
    response = editor_client.get("/sl/projects/kasneje/")
    assertContains(response, "Ta zapis je v stanju »Objavljeno«")
    assertContains(response, "Javno bo viden od 1. marca 2099, 09:00.")


@pytest.mark.parametrize("language", ["sl", "en"])
def test_staff_get_the_pdf_of_a_preview_marked_and_not_cached(editor_client, language):
    factories.make_project(slug="osnutek", acronym="OSN", state=State.REVIEW)

    first = editor_client.get(f"/{language}/projects/osnutek/summary.pdf")

    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert "no-store" in first["Cache-Control"]
    text = pdf_text(first.content)
    assert {"sl": "Predogled – ni objavljeno", "en": "Preview – not published"}[language] in text


@pytest.mark.parametrize("state", NOT_PUBLIC)
def test_visitors_get_not_found(client, state):
    factories.make_project(slug="osnutek", state=state)
    assert client.get("/sl/projects/osnutek/").status_code == 404
    assert client.get("/en/projects/osnutek/summary.pdf").status_code == 404


def test_staff_without_the_second_factor_see_no_preview(editor):
    """A password alone is not the admin's login: someone who still has to give their code
    sees what a visitor sees."""
    factories.make_project(slug="osnutek", state=State.DRAFT)
    client = Client()
    client.force_login(editor)
    assert client.get("/sl/projects/osnutek/").status_code == 404


def test_a_preview_is_listed_nowhere_even_for_staff(editor_client):
    factories.make_project(slug="osnutek", title_sl="Skriti zmajček", state=State.DRAFT)
    for path in ["/sl/projects/", "/sl/search/?q=zmajček", "/sl/projects/feed/", "/sitemap.xml"]:
        assertNotContains(editor_client.get(path), "Skriti zmajček")
        assertNotContains(editor_client.get(path), "/projects/osnutek/")


def test_a_published_page_is_no_preview(editor_client, client):
    factories.make_project(slug="javni", state=State.PUBLISHED)
    for each in (editor_client, client):
        response = each.get("/sl/projects/javni/")
        assertNotContains(response, "Predogled")
        assertNotContains(response, 'name="robots"')
        assert "X-Robots-Tag" not in response


def test_the_admin_links_to_the_preview_in_both_languages(editor_client):
    project = factories.make_project(slug="osnutek", state=State.DRAFT)
    response = editor_client.get(
        f"/admin/projects/project/{project.pk}/change/", headers={"accept-language": "sl"}
    )
    assertContains(
        response, '<a href="/sl/projects/osnutek/" hreflang="sl" class="viewsitelink">', html=False
    )
    assertContains(
        response, '<a href="/en/projects/osnutek/" hreflang="en" class="viewsitelink">', html=False
    )
    assertContains(response, "Predogled (")
