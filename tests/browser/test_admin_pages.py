"""The admin pages staff use, in Slovenian, as a staff member's browser shows them: axe-core finds
no critical or serious violation (WCAG 2.1 A/AA), the project's form is compact, and the links of
the error summary lead to the fields."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from funding.models import AgreementProject
from projects.models import Organisation, Project
from regionportal.base import import_admin
from tests.imports import run_tasks_beside_the_live_server

PASSWORD = "a-long-test-password"
BLOCKING = {"critical", "serious"}
# The project form with CLEAN's 9 partners was 14,152 px high at the desktop width before its
# inlines became compact tables; it is about 5,300 px now.
PROJECT_FORM_MAX_HEIGHT = 7000


@pytest.fixture(scope="module")
def _staff(_content, django_db_blocker):
    """A superuser, committed with the module's content (and flushed with it)."""
    with django_db_blocker.unblock():
        get_user_model().objects.create_superuser("urednica", "urednica@example.com", PASSWORD)


def log_in(page, site):
    """Log the page in to the admin with the staff member's password."""
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Uporabniško ime").fill("urednica")
    page.get_by_label("Geslo").fill(PASSWORD)
    page.get_by_role("button", name="Prijava").click()
    expect(page.locator("#user-tools")).to_be_visible()
    return page


@pytest.fixture
def _password_only(_staff, settings):
    """The second factor has its own tests (tests/regionportal/test_two_factor.py); here it is
    optional, so that the password alone lets the staff member in."""
    settings.STAFF_2FA = "optional"


@pytest.fixture
def page(new_page, site, _password_only):
    """A page in a Slovenian browser, logged in to the admin."""
    return log_in(new_page(locale="sl-SI"), site)


@pytest.fixture
def page_without_js(new_page, site, _password_only):
    """The same with JavaScript switched off."""
    return log_in(new_page(locale="sl-SI", java_script_enabled=False), site)


def change_path(record):
    meta = record._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{record.pk}/change/"


def clean_project():
    return Project.objects.get(slug="clean")


# (name, the page's path, what shows that the page is what its name says)
PAGES = [
    ("index", lambda: "/admin/", "#content-main .app-projects"),
    ("projects", lambda: "/admin/projects/project/", "#changelist-filter"),
    ("organisations", lambda: "/admin/projects/organisation/", "#changelist-filter"),
    ("project-add", lambda: "/admin/projects/project/add/", "#partnerships-group"),
    ("project-change", lambda: change_path(clean_project()), "#partnerships-0 .field-budget"),
    (
        "organisation-change",
        lambda: change_path(Organisation.objects.get(slug="ernact")),
        "#id_name",
    ),
    (
        "agreement-project-change",
        lambda: change_path(AgreementProject.objects.order_by("pk").first()),
        ".selector #id_municipalities_from",
    ),
]


@pytest.mark.parametrize(("name", "path", "shows"), PAGES, ids=[name for name, *_ in PAGES])
def test_no_critical_or_serious_violation(page, site, axe_violations, name, path, shows):
    response = page.goto(f"{site}{path()}")
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "sl")
    expect(page.locator(shows).first).to_be_visible()
    page.wait_for_load_state("load")  # the admin's widgets are built on "load"
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"{name}:\n{report}"


def test_the_project_form_is_compact(page, site):
    page.goto(f"{site}{change_path(clean_project())}")
    page.wait_for_load_state("load")
    height = page.evaluate("document.body.scrollHeight")
    print(f"\nThe project change form of CLEAN is {height} px high.")
    assert height < PROJECT_FORM_MAX_HEIGHT
    # Nine partners, one table row each, and no empty row to fill in.
    expect(page.locator("#partnerships-group tbody tr.form-row.has_original")).to_have_count(9)
    expect(page.locator("#partnerships-group tbody tr.form-row:not(.has_original)")).to_have_count(
        1
    )
    expect(page.locator("#partnerships-empty")).to_be_hidden()


def test_the_error_summary_leads_to_each_field(page, site, axe_violations):
    page.goto(f"{site}{change_path(clean_project())}")
    page.locator("#id_end_date").fill("1.1.2000")
    page.locator("#id_partnerships-1-budget").fill("-5")
    page.get_by_role("button", name="Shrani in nadaljuj z urejanjem").click()

    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Prosimo, popravite spodnji napaki.")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    expect(links).to_have_text(
        [
            "Konec: Konec ne more biti pred začetkom.",
            "Partnerstva, vrstica 2: Proračun (EUR): "
            "Poskrbite, da bo ta vrednost večja ali enaka 0.",
        ]
    )
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, report

    links.nth(1).click()
    expect(page.locator("#id_partnerships-1-budget")).to_be_focused()
    assert page.evaluate("location.hash") == "#id_partnerships-1-budget"
    links.nth(0).click()
    expect(page.locator("#id_end_date")).to_be_focused()
    assert page.locator("#id_end_date").evaluate("field => field.matches(':target')")


def test_the_error_summary_links_work_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(f"{site}{change_path(clean_project())}")
    page.locator("#id_end_date").fill("2000-01-01")
    page.get_by_role("button", name="Shrani in nadaljuj z urejanjem").click()

    link = page.get_by_role("alert").get_by_role("link")
    expect(link).to_have_text("Konec: Konec ne more biti pred začetkom.")
    link.click()
    assert page.locator("#id_end_date").evaluate("field => field.matches(':target')")


IMPORT_FILE = (
    "slug,acronym,title,status,programme_code,pillar_codes,municipality_codes,total_budget\n"
    'zelena-pot,ZELENA,Zelena pot,idea,INTERREG-EUROPE,,Celje,"1.234,56"\n'
    "napaka,NAPAKA,Projekt z napako,idea,NI-TAKEGA,,Celje,\n"
)


def test_the_import_and_its_dry_run_report(page, site, axe_violations):
    """The import page and the dry run's report (a new row and a row with an error) as staff
    see them: in Slovenian, with no critical or serious violation."""
    page.goto(f"{site}/admin/projects/project/import/")
    expect(page.locator("h1")).to_contain_text("Uvoz")
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"import page:\n{report}"

    page.locator("input[type=file]").set_input_files(
        {"name": "projekti.csv", "mimeType": "text/csv", "buffer": IMPORT_FILE.encode()}
    )
    page.locator("select[name=format]").select_option(label="csv")
    page.locator("#content-main form [type=submit]").first.click()

    expect(page.locator("#content-main")).to_contain_text("NI-TAKEGA")
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"dry run report:\n{report}"
    # A file with an error cannot be confirmed.
    expect(page.get_by_role("button", name="Potrdi uvoz")).to_have_count(0)


def test_a_valid_file_is_confirmed_and_arrives_as_a_draft(page, site, axe_violations):
    page.goto(f"{site}/admin/projects/project/import/")
    valid = "\n".join(IMPORT_FILE.splitlines()[:2]) + "\n"
    page.locator("input[type=file]").set_input_files(
        {"name": "projekti.csv", "mimeType": "text/csv", "buffer": valid.encode()}
    )
    page.locator("select[name=format]").select_option(label="csv")
    page.locator("#content-main form [type=submit]").first.click()

    confirm = page.get_by_role("button", name="Potrdi uvoz")
    expect(confirm).to_be_visible()
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"dry run report:\n{report}"
    confirm.click()

    expect(page.locator(".messagelist")).to_be_visible()
    page.goto(f"{site}/admin/projects/project/?state__exact=draft")
    expect(page.locator("#result_list")).to_contain_text("ZELENA")


def test_a_large_file_is_followed_in_the_background_until_it_is_imported(
    page, site, axe_violations, monkeypatch
):
    """A file above the request's limit (made 1 row here): its page follows the background job
    by itself (the script reloads it when the state changes), and every state of it passes axe."""
    monkeypatch.setattr(import_admin, "REQUEST_ROWS", 1)
    page.goto(f"{site}/admin/projects/project/import/")
    two_rows = (
        IMPORT_FILE.splitlines()[0]
        + "\n"
        + (
            'modra-pot,MODRA,Modra pot,idea,INTERREG-EUROPE,,Celje,"10,00"\n'
            'bela-pot,BELA,Bela pot,idea,INTERREG-EUROPE,,Celje,"20,00"\n'
        )
    )
    page.locator("input[type=file]").set_input_files(
        {"name": "veliki.csv", "mimeType": "text/csv", "buffer": two_rows.encode()}
    )
    page.locator("select[name=format]").select_option(label="csv")
    page.locator("#content-main form [type=submit]").first.click()

    state = page.locator("#import-job-state")
    expect(state).to_have_text("Čaka na preverjanje")
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"waiting job:\n{report}"

    assert run_tasks_beside_the_live_server() == 1
    expect(state).to_have_text("Preverjeno", timeout=10_000)
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"checked job:\n{report}"
    page.get_by_role("button", name="Potrdi uvoz").click()

    expect(state).to_have_text("Čaka na uvoz")
    assert run_tasks_beside_the_live_server() == 1
    expect(state).to_have_text("Uvoženo", timeout=10_000)
    expect(page.locator("#content-main")).to_contain_text("Uvoz je končan: novih 2")
    count, report = axe_violations(impacts=BLOCKING)
    assert count == 0, f"imported job:\n{report}"
    assert set(
        Project.objects.filter(slug__in=["modra-pot", "bela-pot"]).values_list("state", flat=True)
    ) == {"draft"}
