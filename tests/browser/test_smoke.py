from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import WCAG_21_AA


def test_home_renders_in_chromium_and_axe_runs(page, site):
    page.goto(f"{site}/sl/")
    assert page.locator("h1").count() == 1
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    print(results.generate_report())
    assert results.violations_count == 0
