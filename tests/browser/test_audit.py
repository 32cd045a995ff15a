"""The admin's "Zadnje spremembe" in a browser: axe-core finds no critical or serious WCAG 2.1
A/AA violation on the list, filtered, and on a record's history page."""

import pytest
import reversion
from django.test import Client
from playwright.sync_api import expect

from projects.models import Project
from tests import factories
from tests.staff import log_in_verified


@pytest.fixture(scope="module")
def staff_session(_content, django_db_blocker):
    """A superuser's session, past the second factor, and a project changed twice; committed
    for the live server and flushed with the module's content."""
    with django_db_blocker.unblock():
        user = factories.make_user(is_superuser=True, first_name="Ana", last_name="Novak")
        project = Project.objects.order_by("pk").first()
        for title in ["Prvi naslov", "Drugi naslov"]:
            with reversion.create_revision():
                reversion.set_user(user)
                project.title_sl = title
                project.save()
        client = log_in_verified(Client(), user)
        return client.cookies["sessionid"].value, project


@pytest.fixture
def staff_page(page, site, staff_session):
    session_key, _project = staff_session
    page.context.add_cookies([{"name": "sessionid", "value": session_key, "url": site}])
    page.set_extra_http_headers({"Accept-Language": "sl"})
    return page


def serious(axe_violations):
    """The lines of axe-core's report about critical or serious violations."""
    _count, report = axe_violations()
    return [line for line in report.splitlines() if "(critical)" in line or "(serious)" in line]


@pytest.mark.parametrize("query", ["", "?date=today&page=1", "?user=abc&page=99999"])
def test_recent_changes_pass_axe(staff_page, site, axe_violations, query):
    response = staff_page.goto(f"{site}/admin/changes/{query}")
    assert response.status == 200
    expect(staff_page.locator("h1")).to_have_text("Zadnje spremembe")
    expect(staff_page.locator("table#recent-changes caption")).to_be_visible()
    expect(staff_page.locator("table#recent-changes").get_by_text("Drugi naslov")).to_be_visible()
    assert serious(axe_violations) == []


def test_history_page_passes_axe(staff_page, site, staff_session, axe_violations):
    _session_key, project = staff_session
    response = staff_page.goto(f"{site}/admin/projects/project/{project.pk}/history/")
    assert response.status == 200
    history = staff_page.locator("#change-history")
    expect(history.locator("ins", has_text="Prvi naslov")).to_have_count(1)
    expect(history.locator("del", has_text="Prvi naslov")).to_have_count(1)
    expect(history.locator("ins", has_text="Drugi naslov")).to_have_count(1)
    assert serious(axe_violations) == []
