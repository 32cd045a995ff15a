"""The editorial workflow as the agency's staff go through it, in real browsers.

An editor creates a project with two partners, previews it in both languages and submits it;
a publisher returns it with a comment; the editor fixes it and submits it again; the publisher
publishes it. It then appears on the project list, in search, in the feed and in the API; the
audit page shows each step with its differences, and the public change log the publication.
"""

import json

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests import factories

PASSWORD = "a-long-test-password"


@pytest.fixture(scope="module")
def _staff(_content, django_db_blocker):
    """An editor and a publisher, committed with the module's content (and flushed with it)."""
    with django_db_blocker.unblock():
        for username, group, first_name in [
            ("urednica", "Urednik", "Špela"),
            ("odobritelj", "Odobritelj", "Marko"),
        ]:
            user = factories.make_user(username=username, password=PASSWORD, first_name=first_name)
            user.groups.add(Group.objects.get(name=group))


@pytest.fixture
def staff(new_page, site, _staff, settings):
    """Return a function that opens a Slovenian browser logged in to the admin as the user.

    The second factor has its own tests (tests/regionportal/test_two_factor.py and the
    two-factor browser checks); here the password alone lets staff in.
    """
    settings.STAFF_2FA = "optional"

    def log_in(username):
        page = new_page(locale="sl-SI")
        page.goto(f"{site}/admin/login/")
        page.get_by_label("Uporabniško ime").fill(username)
        page.get_by_label("Geslo").fill(PASSWORD)
        page.get_by_role("button", name="Prijava").click()
        expect(page.locator("#user-tools")).to_be_visible()
        return page

    return log_in


def add_partner(page, row, organisation, role, budget):
    """Add a row to the partners' table and fill it in as a person does, choosing the
    organisation in the autocomplete box by typing part of its name."""
    page.locator("#partnerships-group .add-row a").click()
    page.locator(f"#partnerships-{row} td.field-organisation .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(organisation)
    page.locator(".select2-results__option", has_text=organisation).first.click()
    page.locator(f"#id_partnerships-{row}-role").select_option(role)
    page.locator(f"#id_partnerships-{row}-budget").fill(budget)


def take_step(page, button, comment=""):
    """Click a workflow button above the form, write the comment and confirm."""
    page.get_by_role("link", name=button, exact=True).click()
    expect(page.locator("h1")).to_contain_text(button)
    if comment:
        page.get_by_label("Komentar").fill(comment)
    page.get_by_role("button", name=button, exact=True).click()


def test_from_draft_to_publication(staff, new_page, site, axe_violations):
    # The editor creates the project with two partners.
    editor = staff("urednica")
    editor.goto(f"{site}/admin/projects/project/add/")
    editor.locator("#id_acronym").press_sequentially("ZELENA")
    # The address is made from the acronym as it is typed.
    expect(editor.locator("#id_slug")).to_have_value("zelena")
    editor.locator("#id_title_sl").fill("Zelena regija v akciji")
    editor.locator("#id_summary_sl").fill("Občine Savinjske regije skupaj za čistejši zrak.")
    editor.locator("#id_total_budget").fill("500000")
    add_partner(editor, 0, "Razvojna agencija Savinjske regije", "lead", "300000")
    add_partner(editor, 1, "Les 7 Vents", "partner", "150000")
    editor.get_by_role("button", name="Shrani in nadaljuj z urejanjem").click()
    expect(editor.locator(".messagelist")).to_contain_text("Uspešno dodano: projekt „ZELENA“")
    expect(editor.locator(".publication-state")).to_contain_text("Osnutek")
    change_page = editor.url
    expect(editor.locator("#partnerships-group tr.has_original")).to_have_count(2)

    # It is not public yet: a visitor gets "not found", nothing lists it.
    visitor = new_page(locale="sl-SI")
    assert visitor.goto(f"{site}/sl/projects/zelena/").status == 404

    # The editor previews it in both languages.
    editor.get_by_role("link", name="Predogled (slovenščina)").click()
    expect(editor.locator(".preview-banner")).to_contain_text("Predogled – ni objavljeno")
    expect(editor.locator("h1")).to_have_text("Zelena regija v akciji")
    expect(editor.locator("main table").first).to_contain_text("Les 7 Vents")
    editor.goto(change_page)
    editor.get_by_role("link", name="Predogled (angleščina)").click()
    expect(editor.locator(".preview-banner")).to_contain_text("Preview – not published")
    # No English title yet: the Slovenian one stands in, marked as Slovenian.
    expect(editor.locator('h1 [lang="sl"]')).to_have_text("Zelena regija v akciji")

    # … and submits it for review.
    editor.goto(change_page)
    take_step(editor, "Pošlji v pregled", "Prosim za pregled.")
    expect(editor.locator(".messagelist")).to_contain_text(
        "»ZELENA« je zdaj v stanju »V pregledu«."
    )

    # The publisher returns it with a comment.
    publisher = staff("odobritelj")
    publisher.goto(change_page)
    expect(publisher.get_by_role("link", name="Objavi", exact=True)).to_be_visible()
    publisher.get_by_role("link", name="Vrni uredniku").click()
    assert axe_violations({"critical", "serious"}, on=publisher) == (0, "")
    publisher.get_by_role("button", name="Vrni uredniku").click()  # no comment: refused
    expect(publisher.locator(".errorlist")).to_contain_text("To polje je obvezno.")
    publisher.get_by_label("Komentar").fill("Dodajte angleški naslov.")
    publisher.get_by_role("button", name="Vrni uredniku").click()
    expect(publisher.locator(".publication-state")).to_contain_text("Osnutek")

    # The editor sees why, fixes it and submits it again.
    editor.goto(change_page)
    expect(editor.locator(".publication-steps")).to_contain_text("Dodajte angleški naslov.")
    editor.locator("#id_title_en").fill("Green region in action")
    editor.get_by_role("button", name="Shrani in nadaljuj z urejanjem").click()
    expect(editor.locator(".messagelist")).to_contain_text("Uspešno spremenjeno: projekt „ZELENA“")
    take_step(editor, "Pošlji v pregled")
    expect(editor.locator(".publication-state")).to_contain_text("V pregledu")
    # An editor is offered no way to publish.
    expect(editor.get_by_role("link", name="Objavi", exact=True)).to_have_count(0)

    # The publisher publishes it.
    publisher.goto(change_page)
    take_step(publisher, "Objavi")
    expect(publisher.locator(".publication-state")).to_contain_text("Objavljeno")

    # It is public: on the list, in search, in the feed and in the API.
    visitor.goto(f"{site}/sl/projects/")
    expect(visitor.locator("main")).to_contain_text("ZELENA")
    visitor.goto(f"{site}/sl/search/?q=zelena+regija")
    expect(visitor.get_by_role("link", name="Zelena regija v akciji")).to_be_visible()
    feed = visitor.goto(f"{site}/sl/projects/feed/")
    assert "Zelena regija v akciji" in feed.text()
    answer = visitor.goto(f"{site}/api/v1/projects/zelena/")
    assert answer.status == 200, answer.text()
    assert json.loads(answer.text())["title"]["en"] == "Green region in action"
    visitor.goto(f"{site}/en/projects/zelena/")
    expect(visitor.locator("h1")).to_have_text("Green region in action")
    expect(visitor.locator(".preview-banner")).to_have_count(0)

    # The audit page shows each step with its differences.
    publisher.goto(f"{site}/admin/changes/")
    changes = publisher.locator("table#recent-changes")
    expect(changes).to_contain_text("Osnutek → V pregledu: Prosim za pregled.")
    expect(changes).to_contain_text("V pregledu → Osnutek: Dodajte angleški naslov.")
    expect(changes).to_contain_text("V pregledu → Objavljeno")
    expect(changes.locator("ins", has_text="Green region in action")).to_have_count(1)
    assert axe_violations({"critical", "serious"}, on=publisher) == (0, "")

    # The public change log shows the publication, linked to the project.
    visitor.goto(f"{site}/sl/changes/")
    entry = visitor.locator("main li", has_text="ZELENA").first
    expect(entry).to_contain_text("Objavljeno")
    expect(entry.get_by_role("link")).to_have_attribute("href", "/sl/projects/zelena/")
