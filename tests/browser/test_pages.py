"""Every page type in both languages: axe-core finds no WCAG 2.1 A/AA violation, and at a phone's
width nothing sticks out sideways. Screenshots at 375 and 1280 px are kept as test artefacts."""

import pytest
from django.test.utils import override_settings
from playwright.sync_api import expect

from funding.models import Programme
from projects.models import Organisation, Project
from regionportal.base import publishing
from tests import factories
from tests.browser.viewports import DESKTOP, PHONE_WIDTH

# (name, path after the language prefix, expected HTTP status)
PAGES = [
    ("home", "/", 200),
    ("pillars", "/pillars/", 200),
    ("pillar", "/pillars/gospodarstvo/", 200),
    ("vision", "/pillars/vision/", 200),
    ("projects", "/projects/", 200),
    ("projects-filtered", "/projects/?status=completed&sort=acronym", 200),
    ("projects-form-error", "/projects/?year=abc&status=nonsense", 200),
    ("projects-no-results", "/projects/?q=zzzzqqqq", 200),
    ("project-clean", "/projects/clean/", 200),
    ("project-innovaspa", "/projects/innovaspa/", 200),
    ("partners", "/partners/", 200),
    ("organisation", "/partners/ernact/", 200),
    ("agency", "/partners/agency/", 200),
    ("countries", "/partners/countries/", 200),
    ("funding", "/funding/", 200),
    ("programme", "/funding/programmes/interreg-europe/", 200),
    ("agreement", "/funding/agreement/", 200),
    ("perspective-2021-2027", "/funding/2021-2027/", 200),
    ("municipalities", "/municipalities/", 200),
    ("municipality", "/municipalities/celje/", 200),
    ("search", "/search/", 200),
    ("search-results", "/search/?q=zelena", 200),
    ("search-no-results", "/search/?q=zzzzqqqq", 200),
    ("about", "/about/", 200),
    ("accessibility", "/accessibility/", 200),
    ("changes", "/changes/", 200),
    ("not-found", "/no-such-page/", 404),
]
LANGUAGES = ["sl", "en"]
# What makes a variant of a page what its name says.
SHOWS = {
    "projects-filtered": "thead th[aria-sort=ascending]",
    "projects-form-error": "#filter-errors + .filters__fields .errorlist",
    "projects-no-results": "section[aria-labelledby=results-heading] p.message",
    "search-results": ".search-results .search-hits a",
    "search-no-results": ".search-results p.message[role=status]",
    "changes": ".change-log li a",
    "project-clean": "img[srcset][loading=lazy]",
    "organisation": "img[srcset]",
    "programme": "img[srcset]",
}

# The elements that stick out to the right, to name the culprit when a page is too wide: not
# those inside a box that scrolls or clips (a wide table), unless positioned out of it.
WIDER_THAN = """width => {
    const clipped = element => {
        let box = element.parentElement;
        while (box !== document.body && getComputedStyle(box).overflowX === "visible") {
            box = box.parentElement;
        }
        const position = getComputedStyle(element).position;
        if (box === document.body || position === "fixed") return false;
        // Positioned absolutely, it is clipped only if placed within the box.
        return position !== "absolute" || box.contains(element.offsetParent);
    };
    return [...document.querySelectorAll("body *")]
        .filter(element => element.getBoundingClientRect().right > width + 0.5)
        .filter(element => !clipped(element))
        .slice(0, 8)
        .map(element => `${element.tagName.toLowerCase()}.${element.getAttribute("class") || ""}`
            + ` right=${Math.round(element.getBoundingClientRect().right)}`);
}"""


@pytest.fixture(scope="module", autouse=True)
def _public_changes(_content, django_db_blocker):
    """Entries for the change log: a project withdrawn and published again (it stays public, so
    the other pages show what they show without it), committed with the module's content."""
    with django_db_blocker.unblock():
        publisher = factories.make_user(is_superuser=True)
        project = Project.objects.published().order_by("pk").first()
        publishing.withdraw(record=project, user=publisher, comment="Popravek.")
        publishing.publish(record=project, user=publisher)


@pytest.fixture(scope="module", autouse=True)
def _uploads(_content, django_db_blocker, tmp_path_factory):
    """Images and a document on the pages that show them (CLEAN's page, ERNACT's, the Interreg
    Europe programme's), stored in a media folder of the module's own and served as the proxy
    serves them."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    with django_db_blocker.unblock():
        clean = Project.objects.get(slug="clean")
        factories.make_image(project=clean, caption_sl="Delavnica projekta", credit="RASR")
        factories.make_document(project=clean)
        factories.make_organisation_logo(organisation=Organisation.objects.get(slug="ernact"))
        factories.make_programme_logo(programme=Programme.objects.get(slug="interreg-europe"))
    yield
    media.disable()


CASES = [
    pytest.param(name, language, path, status, id=f"{language}-{name}")
    for name, path, status in PAGES
    for language in LANGUAGES
]


def open_page(page, problems, site, name, language, path, status):
    response = page.goto(f"{site}/{language}{path}")
    assert response.status == status
    assert problems == []
    # The stylesheet is in force: the skip link waits above the page.
    expect(page.locator(".skip-link")).to_have_css("position", "absolute")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_count(1)
    if name in SHOWS:
        expect(page.locator(SHOWS[name]).first).to_be_visible()


# One test for both checks: a page is opened once (and axe-core's run is the costly part).
@pytest.mark.parametrize(("name", "language", "path", "status"), CASES)
def test_no_accessibility_violations_and_fits_a_phone(
    page, page_problems, site, axe_violations, screenshot, name, language, path, status
):
    open_page(page, page_problems, site, name, language, path, status)
    count, report = axe_violations()
    assert count == 0, f"axe-core on /{language}{path}:\n{report}"

    screenshot(f"{language}-{name}", DESKTOP["width"])
    screenshot(f"{language}-{name}", PHONE_WIDTH)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(WIDER_THAN, PHONE_WIDTH)
    assert scroll_width <= PHONE_WIDTH, f"/{language}{path} is {scroll_width} px wide: {wide}"
