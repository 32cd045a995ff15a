"""The funding pages: programmes with their sums, a programme's page, the regional development
agreement and the 2021–2027 perspective, in both languages."""

import datetime
import re
from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from funding.models import Programme
from projects.models import Organisation, Partnership
from regionportal.base.fields import DatePrecision
from tests import factories

pytestmark = pytest.mark.django_db


def add_project(programme, budget, agency_share=None, *, partners=0, **fields):
    """A project of the programme with the agency's share and some other partners, whose
    budgets must never enter the agency's sum."""
    project = factories.make_project(programme=programme, total_budget=budget, **fields)
    if agency_share is not None:
        agency = Organisation.objects.filter(is_agency=True).first()
        factories.make_partnership(
            project=project,
            organisation=agency or factories.make_agency(),
            role=Partnership.Role.PARTNER,
            budget=agency_share,
        )
    for _ in range(partners):
        factories.make_partnership(project=project, budget=Decimal("1000.00"))
    return project


@pytest.fixture
def programmes():
    interreg = factories.make_programme(
        slug="interreg-europe",
        order=1,
        name_sl="Interreg Europe",
        kind=Programme.Kind.INTERREG,
        period="2014–2020",
        fund="ERDF",
        is_eu_funded=True,
        co_funding_statement_sl="Projekt je sofinanciran iz ESRR.",
        co_funding_statement_en="The project is co-financed by the ERDF.",
        description_sl="Program medregionalnega sodelovanja.",
        description_en="The interregional cooperation programme.",
        website="https://www.interregeurope.eu/",
    )
    life = factories.make_programme(
        slug="life",
        order=4,
        name_sl="Program LIFE",
        name_en="LIFE programme",
        kind=Programme.Kind.LIFE,
        description_sl="Največji evropski finančni mehanizem za okolje.",
        description_en="The largest European funding instrument for the environment.",
    )
    cohesion = factories.make_programme(
        slug="kohezijska-politika", order=5, name_sl="Kohezijska politika", kind="cohesion"
    )
    national = factories.make_programme(
        slug="nacionalni",
        order=12,
        name_sl="Nacionalna sredstva",
        kind=Programme.Kind.NATIONAL,
        is_listed_as_potential=True,
    )
    factories.make_programme(
        slug="jzp",
        order=10,
        name_sl="Javno-zasebno partnerstvo",
        kind="other",
        is_listed_as_potential=True,
    )
    factories.make_programme(
        slug="banka-triodos",
        order=16,
        name_sl="Banka Triodos",
        name_en="Triodos Bank",
        kind="other",
        is_listed_as_potential=True,
        is_tentative=True,
    )
    add_project(
        interreg,
        Decimal("1598948.00"),
        Decimal("133562.00"),
        partners=3,
        slug="clean",
        acronym="CLEAN",
        start_date=datetime.date(2017, 1, 1),
        start_precision=DatePrecision.YEAR,
        end_date=datetime.date(2021, 12, 31),
        end_precision=DatePrecision.YEAR,
    )
    add_project(
        interreg, Decimal("1346163.00"), Decimal("139835.00"), partners=2, acronym="InnovaSPA"
    )
    add_project(interreg, Decimal("5000.00"), Decimal("50.00"), acronym="SKRIT", state="draft")
    add_project(life, None, acronym="LIFE netopirji")
    add_project(national, None, acronym="Študijski krožki")
    return {"interreg": interreg, "life": life, "cohesion": cohesion, "national": national}


# The funding index


@pytest.mark.parametrize("language", ["sl", "en"])
def test_index_answers_in_both_languages(get_page, programmes, language):
    get_page(f"/{language}/funding/")


@pytest.mark.parametrize(
    ("language", "total", "agency"),
    [("sl", "2.945.111,00 €", "273.397,00 €"), ("en", "€2,945,111.00", "€273,397.00")],
)
def test_index_sums_each_programmes_published_projects_exactly(
    get_page, programmes, language, total, agency
):
    response = get_page(f"/{language}/funding/")

    html = response.content.decode()
    section = html[html.index('id="programme-interreg-europe"') :]
    section = section[: section.index("</section>")]
    assert re.search(r"<dd>2</dd>", section)
    assert f'<dd><span class="money">{total}</span></dd>' in section
    assert f'<dd><span class="money">{agency}</span></dd>' in section
    assert f'<td class="number"><span class="money">{total}</span></td>' in section
    assert f'<td class="number"><span class="money">{agency}</span></td>' in section
    assert "CLEAN" in section
    assert "InnovaSPA" in section
    assert "SKRIT" not in section


def test_index_groups_programmes_by_kind_and_keeps_potential_only_sources_apart(
    get_page, programmes
):
    html = get_page("/en/funding/").content.decode()

    kinds = re.findall(r'<h3 id="kind-[a-z]+">([^<]+)</h3>', html)
    assert kinds == ["Interreg", "LIFE", "Cohesion policy", "National"]
    programmes_part = html[: html.index('id="budget-heading"')]
    assert "Javno-zasebno partnerstvo" not in programmes_part
    assert "Nacionalna sredstva" in programmes_part


def test_index_lists_the_potential_sources_marking_the_tentative_one(get_page, programmes):
    en = get_page("/en/funding/")
    sl = get_page("/sl/funding/")

    assertContains(
        en,
        '<li><a href="/en/funding/programmes/banka-triodos/">Triodos Bank</a> ?'
        '<span class="note"> – named with a question mark, as a tentative source</span></li>',
        html=True,
    )
    assertContains(
        en,
        '<li><a href="/en/funding/programmes/jzp/"><span lang="sl">Javno-zasebno partnerstvo'
        "</span></a></li>",
        html=True,
    )
    assertContains(sl, '<a href="/sl/funding/programmes/banka-triodos/">Banka Triodos</a> ?')


def test_index_links_to_the_agreement_and_the_perspective(get_page, programmes):
    response = get_page("/en/funding/")

    assertContains(response, '<a href="/en/funding/agreement/">', count=2)
    assertContains(response, '<a href="/en/funding/2021-2027/">')


@pytest.mark.parametrize("language", ["sl", "en"])
def test_budget_by_programme_chart_and_table_have_the_same_figures(get_page, programmes, language):
    html = get_page(f"/{language}/funding/").content.decode()

    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL).group()
    assert svg.count("<rect") == 3  # the programmes with published projects
    svg_values = re.findall(r'<text class="bar-chart__value"[^>]*>([^<]*)</text>', svg)
    chart_part = html[html.index('id="budget-heading"') :]
    table = chart_part[chart_part.index("<table") : chart_part.index("</table>")]
    table_values = re.findall(r'<span class="money">([^<]*)</span>', table)
    assert svg_values == table_values
    assert svg_values[0] == ("2.945.111,00 €" if language == "sl" else "€2,945,111.00")
    assert svg_values[1:] == ["–", "–"]


def test_a_programme_name_with_markup_is_shown_as_text_in_the_chart(get_page, db):
    programme = factories.make_programme(name_sl="<script>alert(1)</script> & Co")
    add_project(programme, Decimal("1000.00"))

    html = get_page("/sl/funding/").content.decode()

    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL).group()
    label = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
    assert f'<text class="bar-chart__label" x="0" y="16">{label}</text>' in svg
    assert f">{label}</a></th>" in html[html.index('id="budget-heading"') :]
    assert "<script>alert(1)" not in html


def test_index_queries_do_not_grow_with_rows(client, assert_constant_queries, programmes):
    client.get("/sl/funding/")

    def add_rows():
        for index in range(4):
            programme = factories.make_programme(kind=Programme.Kind.COHESION, order=20 + index)
            for _ in range(3):
                add_project(programme, Decimal("10.00"), Decimal("1.00"), partners=2)
            factories.make_programme(kind="other", is_listed_as_potential=True)

    assert_constant_queries("/sl/funding/", add_rows)


# A programme's page


@pytest.mark.parametrize("language", ["sl", "en"])
def test_programme_answers_in_both_languages(get_page, programmes, language):
    get_page(f"/{language}/funding/programmes/interreg-europe/")


def test_programme_shows_its_facts_projects_and_sums(get_page, programmes):
    en = get_page("/en/funding/programmes/interreg-europe/")
    sl = get_page("/sl/funding/programmes/interreg-europe/")

    assertContains(en, '<h1><span lang="sl">Interreg Europe</span></h1>', html=True)
    assertContains(en, "<dt>Kind</dt><dd>Interreg</dd>", html=True)
    assertContains(en, "<dt>Period</dt><dd>2014–2020</dd>", html=True)
    assertContains(en, "<dt>EU fund</dt><dd>ERDF</dd>", html=True)
    assertContains(en, "The project is co-financed by the ERDF.")
    assertContains(en, "<p>The interregional cooperation programme.</p>", html=True)
    assertContains(
        en, '<a href="https://www.interregeurope.eu/">https://www.interregeurope.eu/</a>', html=True
    )
    assertContains(en, '<a href="/en/projects/clean/">CLEAN</a>', html=True)
    assertContains(en, '<td class="period">2017–2021</td>', html=True)
    assertContains(en, '<span class="money">€1,598,948.00</span>', html=True)
    assertContains(en, '<span class="money">€133,562.00</span>', html=True)
    assertContains(en, '<span class="money">€2,945,111.00</span>', html=True)
    assertContains(en, '<span class="money">€273,397.00</span>', html=True)
    assertContains(en, "Together, 2 projects")
    assertNotContains(en, "SKRIT")
    assertContains(sl, "Projekt je sofinanciran iz ESRR.")
    assertContains(sl, '<span class="money">2.945.111,00 €</span>', html=True)


def test_life_programme_shows_its_description(get_page, programmes):
    response = get_page("/en/funding/programmes/life/")

    assertContains(response, "<h1>LIFE programme</h1>", html=True)
    assertContains(
        response, "<p>The largest European funding instrument for the environment.</p>", html=True
    )
    assertContains(response, "LIFE netopirji")
    # Its one project states no budget: the sum is not known rather than nought.
    assertContains(response, '<span class="note">not stated</span>', count=4, html=True)
    assertNotContains(response, "€0.00")


def test_a_tentative_source_says_so(get_page, programmes):
    response = get_page("/en/funding/programmes/banka-triodos/")

    assertContains(response, "<h1>Triodos Bank ?</h1>", html=True)
    assertContains(response, "The source names this source of money with a question mark")
    assertContains(response, "No published project of the agency is funded by this programme.")


def test_unknown_programme_is_404(client, programmes):
    assert client.get("/sl/funding/programmes/ni-takega/").status_code == 404


def test_programme_queries_do_not_grow_with_rows(client, assert_constant_queries, programmes):
    url = "/sl/funding/programmes/interreg-europe/"
    client.get(url)

    def add_rows():
        for _ in range(6):
            add_project(programmes["interreg"], Decimal("10.00"), Decimal("1.00"), partners=3)

    assert_constant_queries(url, add_rows)


# The regional development agreement


@pytest.fixture
def agreement():
    source = factories.make_source(title="celje.info (2018)", url="https://www.celje.info/")
    agreement = factories.make_agreement(
        slug="dogovor",
        name_sl="Dogovor za razvoj Savinjske regije",
        name_en="Development Agreement for the Savinjska Region",
        period="2014–2020",
        description_sl="V juniju 2018 je bila podpisana Dopolnitev Dogovora.",
        description_en="The supplement to the agreement was signed in June 2018.",
        agency_role_sl="načrtujemo delo\npripravljamo vloge\nsodelujemo z občinami",
        agency_role_en="We plan the work.\nWe prepare applications.\nWe work with municipalities.",
        supplement_signed=datetime.date(2018, 6, 1),
        supplement_signed_precision=DatePrecision.MONTH,
        approved_projects_stated=29,
        cohesion_funds_stated_sl="Dobrih 51 mio EUR kohezijskih sredstev",
        cohesion_funds_stated_en="Just over EUR 51 million in cohesion funds",
        cohesion_funds_at_least=Decimal("51000000.00"),
        total_value=Decimal("81334538.39"),
        committed_funds=Decimal("51486997.71"),
        figures_source=source,
        later_amendments_sl="Spremembo Dogovora št. 3 so podpisali 18. februarja 2021.",
        later_amendments_en="Amendment no. 3 was signed on 18 February 2021.",
    )
    stated = [
        ("podjetnistvo", "Spodbujanje podjetništva", "Promoting entrepreneurship", 9),
        ("kolesarsko", "Kolesarsko omrežje", "Cycling network", 9),
        ("odpadne-vode", "Odpadne vode", "Wastewater", 7),
        ("pitna-voda", "Pitna voda", "Drinking water", 3),
        ("mobilnost", "Regionalna mobilnost", "Regional mobility", 1),
    ]
    categories = {
        slug: factories.make_category(
            agreement=agreement,
            slug=slug,
            order=order,
            name_sl=name_sl,
            name_en=name_en,
            projects_stated=count,
        )
        for order, (slug, name_sl, name_en, count) in enumerate(stated)
    }
    celje = factories.make_municipality(slug="celje", name="Celje")
    vojnik = factories.make_municipality(slug="vojnik", name="Vojnik")
    factories.make_agreement_project(
        category=categories["mobilnost"],
        title_sl="Povezovalna cesta Ljubečna",
        title_en="Ljubečna link road",
        municipalities=[celje, vojnik],
    )
    factories.make_agreement_project(
        category=categories["pitna-voda"],
        title_sl="Vodovod Celje",
        total_value=Decimal("1200000.50"),
        cohesion_amount=Decimal("800000.25"),
        municipalities=[celje],
    )
    factories.make_discrepancy(
        about=agreement,
        field_label_sl="število projektov",
        field_label_en="number of projects",
        other_value="30",
        note_en="Another source counts 30 projects.",
        source=factories.make_source(title="Drugi vir"),
    )
    return agreement


@pytest.mark.parametrize("language", ["sl", "en"])
def test_agreement_answers_in_both_languages(get_page, agreement, language):
    get_page(f"/{language}/funding/agreement/")


def test_agreement_shows_its_name_period_supplement_and_role(get_page, agreement):
    en = get_page("/en/funding/agreement/")
    sl = get_page("/sl/funding/agreement/")

    assertContains(en, "<h1>Development Agreement for the Savinjska Region</h1>", html=True)
    assertContains(en, "The supplement to the agreement was signed in June 2018.")
    assertContains(en, "<dt>Period</dt><dd>2014–2020</dd>", html=True)
    assertContains(en, "<dt>Supplement signed</dt><dd>June 2018</dd>", html=True)
    assertContains(sl, "<dd>junij 2018</dd>", html=True)
    assertContains(
        en,
        "<ol><li>We plan the work.</li><li>We prepare applications.</li>"
        "<li>We work with municipalities.</li></ol>",
        html=True,
    )
    assertContains(sl, "<li>Načrtujemo delo</li>", html=True)
    assertContains(en, "<p>Amendment no. 3 was signed on 18 February 2021.</p>", html=True)


@pytest.mark.parametrize(
    ("language", "at_least", "total", "committed", "stated"),
    [
        (
            "sl",
            "51.000.000,00 €",
            "81.334.538,39 €",
            "51.486.997,71 €",
            "Dobrih 51 mio EUR kohezijskih sredstev",
        ),
        (
            "en",
            "€51,000,000.00",
            "€81,334,538.39",
            "€51,486,997.71",
            "Just over EUR 51 million in cohesion funds",
        ),
    ],
)
def test_agreement_figures_are_shown_with_their_source_and_never_added(
    get_page, agreement, language, at_least, total, committed, stated
):
    response = get_page(f"/{language}/funding/agreement/")

    assertContains(response, f"<dd><q>{stated}</q></dd>", html=True)
    assertContains(response, f'<span class="money">{at_least}</span>', html=True)
    assertContains(response, f'<span class="money">{total}</span>', count=1, html=True)
    assertContains(response, f'<span class="money">{committed}</span>', count=1, html=True)
    assertContains(response, '<a href="https://www.celje.info/" lang="sl">celje.info (2018)</a>')
    for added in ["132.821.536,10", "132,821,536.10"]:
        assertNotContains(response, added)


def test_agreement_says_the_commitment_is_part_of_the_total(get_page, agreement):
    response = get_page("/en/funding/agreement/")

    assertContains(
        response,
        "The state's commitment is part of the total value of the projects, not an addition to "
        "it: the two amounts must not be added together.",
    )
    assertContains(response, "(63.3% of the total value)")


def test_agreement_shows_stated_counts_beside_the_entered_ones(get_page, agreement):
    response = get_page("/en/funding/agreement/")

    assertContains(
        response,
        "<dt>Approved projects (as stated)</dt><dd>29</dd>",
        html=True,
    )
    assertContains(response, "<dt>Projects entered on this portal</dt><dd>2</dd>", html=True)
    assertContains(
        response,
        '<tr><th scope="row">Promoting entrepreneurship</th><td class="number">9</td>'
        '<td class="number">0</td></tr>',
        html=True,
    )
    assertContains(
        response,
        '<tr><th scope="row">Regional mobility</th><td class="number">1</td>'
        '<td class="number">1</td></tr>',
        html=True,
    )
    assertContains(
        response,
        '<tr><th scope="row">Together</th><td class="number">29</td><td class="number">2</td></tr>',
        html=True,
    )
    assertContains(
        response,
        "Only 2 of the 29 approved projects have been entered individually on this portal.",
    )


def test_agreement_lists_the_entered_projects_with_municipalities_and_amounts(get_page, agreement):
    response = get_page("/en/funding/agreement/")

    assertContains(
        response,
        '<td><a href="/en/municipalities/celje/">Celje</a>, '
        '<a href="/en/municipalities/vojnik/">Vojnik</a></td>',
        html=True,
    )
    assertContains(response, '<th scope="row">Ljubečna link road</th>', html=True)
    # Each category with projects entered heads its rows; one without has no row.
    assertContains(
        response,
        '<tr class="group"><th scope="colgroup" colspan="7">Regional mobility</th></tr>',
        html=True,
    )
    assertContains(
        response,
        '<tr class="group"><th scope="colgroup" colspan="7">Drinking water</th></tr>',
        html=True,
    )
    assertNotContains(response, '<th scope="colgroup" colspan="7">Wastewater</th>', html=True)
    assertContains(response, '<span class="money">€1,200,000.50</span>', html=True)
    assertContains(response, '<span class="money">€800,000.25</span>', html=True)


def test_agreement_project_rows_show_lead_status_eu_funds_and_other_sources(get_page, agreement):
    zalec = factories.make_municipality(slug="zalec", name="Žalec")
    polzela = factories.make_municipality(slug="polzela", name="Polzela")
    water = factories.make_agreement_project(
        category=agreement.categories.get(slug="pitna-voda"),
        slug="oskrba-zalec",
        title_sl="Oskrba s pitno vodo Žalec",
        lead_municipality=zalec,
        municipalities=[polzela],
        status="completed",
        implementer="Javno podjetje Komunala",
        total_value=Decimal("6216922.00"),
        cohesion_amount=Decimal("3032409.00"),
        eu_fund="cf",
        eu_amount=Decimal("2577548.00"),
        source=factories.make_source(title="Občina Žalec", url="https://www.zalec.si/"),
    )
    factories.make_discrepancy(
        about=water,
        field_label_sl="vrednost",
        field_label_en="value",
        other_value="3,8 mio EUR",
        source=factories.make_source(title="Savinjske novice", url="https://savinjske.com/"),
    )

    response = get_page("/en/funding/agreement/")

    assertContains(
        response,
        '<tr id="oskrba-zalec"><th scope="row"><span lang="sl">Oskrba s pitno vodo Žalec</span>'
        '<br><span class="note">Investor or implementer: '
        '<span lang="sl">Javno podjetje Komunala</span></span>'
        '<br><span class="note">Other sources: value: <span lang="sl">3,8 mio EUR</span> '
        '(<a href="https://savinjske.com/" lang="sl">Savinjske novice</a>)</span>'
        '<br><span class="note">Source: '
        '<a href="https://www.zalec.si/" lang="sl">Občina Žalec</a></span></th>'
        '<td><a href="/en/municipalities/zalec/">Žalec</a></td>'
        '<td><a href="/en/municipalities/polzela/">Polzela</a></td>'
        "<td>Completed</td>"
        '<td class="number"><span class="money">€6,216,922.00</span></td>'
        '<td class="number"><span class="money">€3,032,409.00</span></td>'
        '<td class="number"><span class="money">€2,577,548.00</span>'
        '<br><span class="note">Cohesion Fund</span></td></tr>',
        html=True,
    )
    sl = get_page("/sl/funding/agreement/")
    assertContains(sl, '<td class="number"><span class="money">2.577.548,00 €</span>', count=1)


def test_agreement_counts_come_from_the_projects_entered(get_page, agreement):
    before = get_page("/en/funding/agreement/")
    assertContains(before, "<dt>Projects entered on this portal</dt><dd>2</dd>", html=True)

    factories.make_agreement_project(category=agreement.categories.get(slug="pitna-voda"))
    # Not public: counted nowhere.
    factories.make_agreement_project(
        category=agreement.categories.get(slug="pitna-voda"), state="draft"
    )
    after = get_page("/en/funding/agreement/")

    assertContains(after, "<dt>Projects entered on this portal</dt><dd>3</dd>", html=True)
    assertContains(
        after,
        '<tr><th scope="row">Drinking water</th><td class="number">3</td>'
        '<td class="number">2</td></tr>',
        html=True,
    )
    assertContains(
        after,
        '<tr><th scope="row">Together</th><td class="number">29</td><td class="number">3</td></tr>',
        html=True,
    )
    assertContains(
        after,
        '<p class="note">Only 3 of the 29 approved projects have been entered individually on '
        "this portal.</p>",
        html=True,
    )


def test_two_agreements_are_named_in_the_one_heading_and_each_in_its_section(get_page, agreement):
    later = factories.make_agreement(
        slug="dogovor-2021-2027",
        name_sl="Dogovor za razvoj Savinjske razvojne regije 2021–2027",
        period="2021–2027",
    )
    factories.make_agreement_project(
        category=factories.make_category(agreement=later, name_sl="Kolesarske povezave"),
        title_sl="Kolesarska povezava Celje–Vojnik",
        status="planned",
    )

    en = get_page("/en/funding/agreement/")
    sl = get_page("/sl/funding/agreement/")

    assertContains(
        en, "<h1>Regional development agreements 2014–2020 and 2021–2027</h1>", html=True
    )
    assertContains(sl, "<h1>Dogovori za razvoj regije 2014–2020 in 2021–2027</h1>", html=True)
    assertContains(
        en,
        '<h2 id="dogovor-heading">Development Agreement for the Savinjska Region</h2>',
        html=True,
    )
    assertContains(
        en,
        '<h2 id="dogovor-2021-2027-heading"><span lang="sl">Dogovor za razvoj Savinjske razvojne '
        "regije 2021–2027</span></h2>",
        html=True,
    )
    assertContains(en, "<td>Planned</td>", html=True)
    assertContains(sl, "<td>Načrtovan</td>", html=True)


def test_agreement_shows_where_the_sources_differ(get_page, agreement):
    response = get_page("/en/funding/agreement/")

    assertContains(
        response,
        '<tr><th scope="row">number of projects</th><td>30</td><td lang="sl">Drugi vir</td>'
        "<td>Another source counts 30 projects.</td></tr>",
        html=True,
    )


def test_agreement_page_without_an_agreement_says_so(get_page):
    get_page("/sl/funding/agreement/")
    response = get_page("/en/funding/agreement/")

    assertContains(response, "The regional development agreement has not been entered yet.")


def test_agreement_queries_do_not_grow_with_rows(client, assert_constant_queries, agreement):
    client.get("/sl/funding/agreement/")

    def add_rows():
        later = factories.make_agreement(period="2021–2027")
        for index in range(4):
            category = factories.make_category(
                agreement=agreement if index % 2 else later, order=10 + index
            )
            for _ in range(3):
                project = factories.make_agreement_project(
                    category=category,
                    lead_municipality=factories.make_municipality(),
                    municipalities=[factories.make_municipality(), factories.make_municipality()],
                    source=factories.make_source(),
                )
                factories.make_discrepancy(about=project, source=factories.make_source())
            factories.make_discrepancy(about=agreement)

    assert_constant_queries("/sl/funding/agreement/", add_rows)


# 2021–2027


@pytest.fixture
def perspective():
    perspective = factories.make_perspective(
        title_sl="Priprave na novo finančno perspektivo 2021‒2027",
        title_en="Preparing for the new 2021–2027 financial perspective",
        description_sl="Trije splošni cilji regionalne politike:",
        description_en="The three general goals of regional policy:",
    )
    for number, text_sl, text_en in [
        (2, "odprava strukturnih težav", "Solving structural problems."),
        (1, "dvig regionalne blaginje", "Greater prosperity in every region."),
        (3, "uresničevanje razvojnih potencialov", "Realising development potential."),
    ]:
        factories.make_policy_goal(
            perspective=perspective, number=number, text_sl=text_sl, text_en=text_en
        )
    return perspective


@pytest.mark.parametrize("language", ["sl", "en"])
def test_perspective_answers_in_both_languages(get_page, perspective, language):
    get_page(f"/{language}/funding/2021-2027/")


def test_perspective_shows_the_three_goals_numbered(get_page, perspective):
    en = get_page("/en/funding/2021-2027/")
    sl = get_page("/sl/funding/2021-2027/")

    assertContains(en, "<h1>Preparing for the new 2021–2027 financial perspective</h1>", html=True)
    assertContains(en, "<p>The three general goals of regional policy:</p>", html=True)
    assertContains(
        en,
        '<ol class="policy-goals"><li value="1">Greater prosperity in every region.</li>'
        '<li value="2">Solving structural problems.</li>'
        '<li value="3">Realising development potential.</li></ol>',
        html=True,
    )
    assertContains(sl, "<h1>Priprave na novo finančno perspektivo 2021‒2027</h1>", html=True)
    assertContains(sl, '<li value="1">Dvig regionalne blaginje</li>', html=True)


def test_perspective_page_without_a_perspective_says_so(get_page):
    get_page("/sl/funding/2021-2027/")
    response = get_page("/en/funding/2021-2027/")

    assertContains(response, "The 2021–2027 financial perspective has not been entered yet.")


def test_perspective_queries_do_not_grow_with_rows(client, assert_constant_queries, perspective):
    client.get("/sl/funding/2021-2027/")

    def add_rows():
        for number in range(4, 12):
            factories.make_policy_goal(perspective=perspective, number=number)

    assert_constant_queries("/sl/funding/2021-2027/", add_rows)


ODD_PARAMETERS = [
    {"page": "99999999999999999999"},
    {"sort": "<script>", "q": "\x00"},
    {"q": "x" * 5000, "kind": "%00"},
    {"q": "\u202eabc 🌲"},
]


@pytest.mark.parametrize("params", ODD_PARAMETERS)
def test_odd_query_parameters_are_ignored(client, programmes, agreement, perspective, params):
    for url in [
        "/sl/funding/",
        "/en/funding/programmes/interreg-europe/",
        "/sl/funding/agreement/",
        "/en/funding/2021-2027/",
    ]:
        response = client.get(url, params)
        assert response.status_code == 200
        assert response.content.decode().count("<h1") == 1
