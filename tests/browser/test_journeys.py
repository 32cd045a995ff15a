"""What a visitor does with a mouse: browse from the home page, switch language, filter and sort,
and the same filtering and searching with JavaScript switched off."""

import re

from playwright.sync_api import expect

CLEAN_TITLE_SL = "CLEAN-Tehnologije in odprte inovacije za nizkoogljične regije"
CLEAN_TITLE_EN = "CLEAN – Technologies and open innovation for low-carbon regions"
ERNACT = "European Regions Network for the Application of Communications Technology"


def facts(page):
    """The page's first fact list as {term: description}, once the page has loaded."""
    page.wait_for_load_state()
    return page.locator("main dl.facts").first.evaluate(
        """list => Object.fromEntries([...list.querySelectorAll('dt')].map(
            term => [term.textContent.trim(), term.nextElementSibling.textContent.trim()]))"""
    )


def acronyms(page):
    """The first cells of the table's rows, once the page has loaded."""
    page.wait_for_load_state()
    return page.locator("main table tbody th[scope=row]").all_inner_texts()


def test_home_to_pillar_to_project_to_partner(page, site):
    page.goto(f"{site}/sl/")
    expect(page.locator("h1")).to_have_text("Savinjska regija na poti do integralne zelene regije")
    pillar_cards = page.locator("section[aria-labelledby=pillars-heading] li.pillar-card")
    expect(pillar_cards).to_have_count(4)

    pillar_cards.get_by_role("link", name="Ekonomija, Finance & Podjetja").click()
    expect(page).to_have_url(f"{site}/sl/pillars/gospodarstvo/")
    expect(page.locator("h1")).to_have_text("Ekonomija, Finance & Podjetja")
    projects = page.locator("section[aria-labelledby=projects-heading]")
    expect(projects.get_by_role("link", name="Regijska garancijska shema")).to_be_visible()

    projects.get_by_role("link", name="CLEAN", exact=True).click()
    expect(page).to_have_url(f"{site}/sl/projects/clean/")
    expect(page.locator("h1")).to_have_text(CLEAN_TITLE_SL)
    shown = facts(page)
    assert shown["Kratica"] == "CLEAN"
    assert shown["Skupni proračun"] == "1.598.948,00 €"
    assert shown["Delež agencije"] == "133.562,00 € (8,4 % skupnega proračuna)"
    assert shown["Obdobje"] == "2017–2021"
    assert shown["Program"] == "Interreg Europe (2014–2020)"
    partners = page.locator("table", has=page.locator("caption#partners-caption"))
    expect(partners.locator("caption")).to_have_text("9 partnerjev, vodilni partner na prvem mestu")
    lead = partners.locator("tbody tr").first
    expect(lead.locator("td").first).to_have_text("Vodilni partner")

    lead.get_by_role("link", name=ERNACT).click()
    expect(page).to_have_url(f"{site}/sl/partners/ernact/")
    expect(page.locator("h1")).to_have_text(ERNACT)
    assert facts(page) == {
        "Kratica": "ERNACT",
        "Država": "Irska",
        "Vrsta": "Društvo ali nevladna organizacija",
    }
    row = page.locator("main table tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th")).to_contain_text("CLEAN")
    expect(row.locator("td").nth(2)).to_have_text("Vodilni partner")


def test_language_switch_keeps_the_page(page, site):
    page.goto(f"{site}/sl/projects/clean/")
    expect(page.locator("html")).to_have_attribute("lang", "sl")
    switch = page.get_by_role("navigation", name="Jezik")
    expect(switch.locator("[aria-current=true]")).to_have_text("SL – slovenščina")

    switch.get_by_role("link", name="EN – English").click()
    expect(page).to_have_url(f"{site}/en/projects/clean/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(CLEAN_TITLE_EN)
    assert facts(page)["Total budget"] == "€1,598,948.00"
    expect(page.get_by_role("navigation", name="Main navigation")).to_be_visible()

    page.get_by_role("navigation", name="Language").get_by_role(
        "link", name="SL – slovenščina"
    ).click()
    expect(page).to_have_url(f"{site}/sl/projects/clean/")
    expect(page.locator("html")).to_have_attribute("lang", "sl")
    expect(page.locator("h1")).to_have_text(CLEAN_TITLE_SL)


def test_filter_then_sort_the_project_list(page, site):
    page.goto(f"{site}/en/projects/")
    expect(page.locator("#results-heading")).to_have_text("9 projects")
    assert len(acronyms(page)) == 9

    page.get_by_label("Status").select_option(label="Completed")
    page.get_by_label("Pillar").select_option(label="Economy, Finance & Enterprise")
    page.get_by_role("button", name="Show projects").click()
    expect(page).to_have_url(re.compile(r"[?&]status=completed(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]pillar=gospodarstvo(&|$)"))
    expect(page.locator("#results-heading")).to_have_text("1 project")
    assert acronyms(page) == ["CLEAN"]
    expect(page.get_by_label("Pillar")).to_have_value("gospodarstvo")

    page.get_by_label("Pillar").select_option(label="All pillars")
    page.get_by_role("button", name="Show projects").click()
    expect(page.locator("#results-heading")).to_have_text("5 projects")
    unsorted = acronyms(page)
    assert sorted(unsorted) == ["2SoKroG", "ActiveHome", "CLEAN", "InnovaSPA", "LIVING CASTLES"]

    page.locator("thead").get_by_role("link", name=re.compile(r"^Acronym")).click()
    expect(page).to_have_url(re.compile(r"[?&]sort=acronym(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]status=completed(&|$)"))
    ascending = acronyms(page)
    assert ascending == sorted(unsorted, key=str.casefold)
    assert ascending != unsorted
    expect(page.locator("thead th[aria-sort=ascending]")).to_contain_text("Acronym")
    expect(page.get_by_label("Status")).to_have_value("completed")

    page.locator("thead").get_by_role("link", name=re.compile(r"^Acronym")).click()
    expect(page).to_have_url(re.compile(r"[?&]sort=-acronym(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]status=completed(&|$)"))
    assert acronyms(page) == ascending[::-1]

    # Filtering again keeps the sort order.
    page.get_by_label("The agency's role").select_option(label="Partner")
    page.get_by_role("button", name="Show projects").click()
    expect(page).to_have_url(re.compile(r"[?&]sort=-acronym(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]role=partner(&|$)"))
    filtered = acronyms(page)
    assert filtered == sorted(filtered, key=str.casefold, reverse=True)
    assert set(filtered) <= set(ascending)


def test_filter_and_search_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(f"{site}/en/projects/")
    page.get_by_label("Status").select_option("completed")
    page.get_by_label("Partner country").select_option(label="Portugal")
    page.get_by_role("button", name="Show projects").click()
    expect(page).to_have_url(re.compile(r"/en/projects/\?.*status=completed&country=PT(&|$)"))
    expect(page.locator("#results-heading")).to_have_text("1 project")
    assert acronyms(page) == ["InnovaSPA"]

    page.goto(f"{site}/en/search/")
    page.get_by_role("searchbox", name="Search").fill("sostanj")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page).to_have_url(f"{site}/en/search/?q=sostanj")
    expect(page.get_by_role("status")).to_have_text("1 result for “sostanj”.")
    page.get_by_role("link", name="Šoštanj").click()
    expect(page).to_have_url(f"{site}/en/municipalities/sostanj/")
    expect(page.locator("h1")).to_have_text("Municipality of Šoštanj")
