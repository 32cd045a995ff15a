"""Staff preview an agreement project that is not public on the agreement page, which lists
the agreement's projects; for anyone else the page stays as the public sees it."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from regionportal.base.publishing import State
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def investments():
    agreement = factories.make_agreement(slug="dogovor", approved_projects_stated=29)
    category = factories.make_category(agreement=agreement)
    factories.make_agreement_project(category=category, slug="javna", title_sl="Javna naložba")
    return factories.make_agreement_project(
        category=category, slug="nova", title_sl="Nova naložba", state=State.REVIEW
    )


@pytest.mark.parametrize(
    ("language", "banner"), [("sl", "Predogled – ni objavljeno"), ("en", "Preview – not published")]
)
def test_staff_see_the_agreement_project_in_its_page(editor_client, investments, language, banner):
    response = editor_client.get(f"/{language}/funding/agreement/", {"preview": "nova"})

    assertContains(response, banner)
    assertContains(response, '<tr id="nova" class="previewed">', html=False)
    assertContains(response, "Nova naložba")
    assertContains(response, "Javna naložba")
    # As it will be once published: counted among the entered projects.
    assertContains(response, "2 of them entered" if language == "en" else "od tega sta 2 vnesena")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.parametrize("preview", ["nova", "javna", "ni-je", "", "x" * 500])
def test_the_parameter_changes_nothing_for_visitors_or_public_records(client, investments, preview):
    response = client.get("/sl/funding/agreement/", {"preview": preview})
    assert response.status_code == 200
    assertNotContains(response, "Nova naložba")
    assertNotContains(response, "Predogled")
    assert "X-Robots-Tag" not in response


def test_the_admin_links_to_the_preview(editor_client, investments):
    response = editor_client.get(f"/admin/funding/agreementproject/{investments.pk}/change/")
    assertContains(response, 'href="/sl/funding/agreement/?preview=nova#nova"', html=False)
    assertContains(response, 'href="/en/funding/agreement/?preview=nova#nova"', html=False)


def test_the_previewed_row_is_marked(editor_client, investments):
    response = editor_client.get("/sl/funding/agreement/", {"preview": "nova"})
    assertContains(response, '<strong class="preview-mark">(predogled)</strong>', html=True)
