"""Every search box, list filter and the API's `q` match text the same way: every word,
blind to case and to č/š/ž/ć/đ, on PostgreSQL and SQLite alike ("sostanj" finds Šoštanj)."""

import pytest

from projects.models import Project
from regionportal.base.text import matching
from tests.factories import make_municipality, make_organisation, make_partnership, make_project

pytestmark = pytest.mark.django_db

QUERIES = ["sostanj", "ŠOŠTANJ", "šoštanj"]


@pytest.fixture
def records():
    """A project, a partner and a municipality named after Šoštanj, and one of each that is
    not; each partner takes part in the project of its town (only such partners are listed)."""
    records = {
        "project": make_project(
            acronym="TOPLO", title_sl="Toplotna oskrba Šoštanja", title_en="Heat for Šoštanj"
        ),
        "other_project": make_project(acronym="CLEAN", title_sl="Čisti zrak v Celju"),
        "organisation": make_organisation(name="Občina Šoštanj", city="Šoštanj"),
        "other_organisation": make_organisation(name="Mestna občina Celje", city="Celje"),
        "municipality": make_municipality(name="Šoštanj"),
        "other_municipality": make_municipality(name="Žalec"),
    }
    make_partnership(project=records["project"], organisation=records["organisation"])
    make_partnership(project=records["other_project"], organisation=records["other_organisation"])
    return records


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(
    ("url", "found", "not_found"),
    [
        ("/sl/projects/", "Toplotna oskrba Šoštanja", "Čisti zrak v Celju"),
        ("/en/projects/", "Heat for Šoštanj", "Čisti zrak v Celju"),
        ("/sl/partners/", "Občina Šoštanj", "Mestna občina Celje"),
        ("/en/partners/", "Občina Šoštanj", "Mestna občina Celje"),
        ("/sl/search/", "Toplotna oskrba Šoštanja", "Čisti zrak v Celju"),
        ("/en/search/", "Občina Šoštanj", "Mestna občina Celje"),
    ],
)
def test_every_public_search_box_finds_soštanj_however_it_is_typed(
    client, records, query, url, found, not_found
):
    page = client.get(url, {"q": query}).content.decode()

    assert found in page
    assert not_found not in page


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(
    ("endpoint", "found", "not_found"),
    [
        ("projects", "TOPLO", "CLEAN"),
        ("organisations", "Občina Šoštanj", "Mestna občina Celje"),
    ],
)
def test_the_api_q_finds_soštanj_however_it_is_typed(
    client, records, query, endpoint, found, not_found
):
    response = client.get(f"/api/v1/{endpoint}/", {"q": query})

    assert response.status_code == 200
    names = [item.get("acronym") or item["name"] for item in response.json()["results"]]
    assert names == [found]
    assert not_found not in names


@pytest.mark.parametrize("query", ["sostanj", "ŠOŠTANJ"])
@pytest.mark.parametrize(
    ("changelist", "found", "not_found"),
    [
        ("/admin/projects/project/", "Toplotna oskrba Šoštanja", "Čisti zrak v Celju"),
        ("/admin/projects/organisation/", "Občina Šoštanj", "Mestna občina Celje"),
        ("/admin/regionportal/municipality/", "Šoštanj", "Žalec"),
    ],
)
def test_the_admin_search_finds_soštanj_as_the_public_pages_do(
    admin_client, records, query, changelist, found, not_found
):
    response = admin_client.get(changelist, {"q": query})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    page = response.content.decode()
    assert found in page
    assert not_found not in page


def test_a_match_needs_every_word_anywhere_in_the_fields(records):
    projects = Project.objects.all()
    fields = ["acronym", "title_sl", "title_en"]

    assert list(matching(projects, fields, "toplo HEAT sostanj")) == [records["project"]]
    assert list(matching(projects, fields, "toplo celju")) == []
    assert list(matching(projects, fields, "čisti CELJU")) == [records["other_project"]]


def test_a_text_without_words_matches_every_row(records):
    projects = Project.objects.all()

    assert matching(projects, ["acronym"], " \u200b\x00 ").count() == projects.count()
