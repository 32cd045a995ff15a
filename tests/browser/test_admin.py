"""The admin's index, with "Potrebuje pozornost" over the presentation's content: axe-core finds
no WCAG 2.1 A/AA violation, and each count is a link that says what it opens."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.browser.viewports import DESKTOP, PHONE_WIDTH
from tests.factories import make_user
from tests.staff import log_in_verified


@pytest.fixture(scope="module")
def staff_session(_content, django_db_blocker):
    """A superuser logged in past both factors, committed with the module's content (and
    flushed with it)."""
    with django_db_blocker.unblock():
        client = log_in_verified(Client(), make_user(is_superuser=True))
        return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def staff_page(page, site, staff_session):
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": staff_session,
                "url": site,
                "secure": settings.SESSION_COOKIE_SECURE,
                "httpOnly": True,
            }
        ]
    )
    page.set_extra_http_headers({"Accept-Language": "sl"})  # the staff's language
    return page


def test_the_admin_index_needs_attention_and_passes_axe(
    staff_page, site, axe_violations, screenshot
):
    response = staff_page.goto(f"{site}/admin/")
    assert response.status == 200

    section = staff_page.get_by_role("region", name="Potrebuje pozornost")
    expect(section.get_by_role("heading", name="Potrebuje pozornost")).to_be_visible()
    links = section.get_by_role("listitem").get_by_role("link")
    expect(links.first).to_be_visible()
    count, report = axe_violations()
    assert count == 0, f"axe-core on the admin's index:\n{report}"
    screenshot("admin-index", DESKTOP["width"])
    screenshot("admin-index", PHONE_WIDTH)

    text = links.first.inner_text()
    links.first.click()
    expect(staff_page.locator("#changelist")).to_be_visible()
    shown = staff_page.locator("#result_list tbody tr").count()
    assert text.startswith(f"{shown} "), f"{text!r} opened a list of {shown}"
