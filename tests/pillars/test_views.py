"""The pillars list, a pillar's page and the vision page, in both languages."""

import re
from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from pillars.models import KeyMessage, PotentialExample, VisionGoal
from tests import factories

pytestmark = pytest.mark.django_db


def add_project(pillar, budget=None, *, secondary=None, state="published", **fields):
    project = factories.make_project(total_budget=budget, state=state, **fields)
    factories.make_project_pillar(project=project, pillar=pillar, is_primary=True)
    if secondary:
        factories.make_project_pillar(project=project, pillar=secondary, is_primary=False)
    return project


@pytest.fixture
def economy():
    return factories.make_pillar(
        slug="gospodarstvo",
        order=1,
        name_sl="Ekonomija, Finance & Podjetja",
        name_en="Economy, Finance & Enterprise",
        economic_model_sl="Življenjsko (zeleno) gospodarstvo",
        economic_model_en="Living (green) economy",
        colour="#2f5d8a",
    )


@pytest.fixture
def culture():
    return factories.make_pillar(
        slug="kultura",
        order=2,
        name_sl="Kultura & Ozaveščenost",
        name_en="Culture & Consciousness",
        economic_model_sl="Na kulturi temelječe razvojno gospodarstvo",
        economic_model_en="Culture-based development economy",
        other_wordings="Kultura & Ozaveščenost / Duhovnost (Vizija 2030/50)",
        potentials_sl="Kulturna dediščina. Trajnostni turizem.",
        potentials_en="Cultural heritage. Sustainable tourism.",
        in_implementation_sl="Študijski krožki, LIVING CASTLES.",
        in_implementation_en="Study circles and LIVING CASTLES.",
        colour="#8a4b2a",
        source=factories.make_source(title="Predstavitev RASR"),
        source_excerpt="ZELENE DESTINACIJE (9) IN NASTANITVE (7)",
    )


# The pillars list


@pytest.fixture
def budgets(economy, culture):
    """Economy: two projects summing to 1.598.948,00 €; culture: 538.302,63 €. A secondary
    pillar and an unpublished project add nothing."""
    add_project(economy, Decimal("1000000.25"), secondary=culture)
    add_project(economy, Decimal("598947.75"))
    add_project(economy, Decimal("999999.00"), state="draft")
    add_project(culture, Decimal("488705.06"))
    add_project(culture, Decimal("49597.57"))
    add_project(culture, None)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_list_answers_in_both_languages(get_page, economy, language):
    get_page(f"/{language}/pillars/")


def test_list_shows_each_pillar_as_a_card_with_both_names_and_its_model(get_page, economy):
    sl = get_page("/sl/pillars/")
    en = get_page("/en/pillars/")

    assertContains(
        sl, '<a href="/sl/pillars/gospodarstvo/">Ekonomija, Finance &amp; Podjetja</a>', html=True
    )
    assertContains(sl, '<span lang="en">Economy, Finance &amp; Enterprise</span>', html=True)
    assertContains(sl, "Življenjsko (zeleno) gospodarstvo")
    assertContains(
        en, '<a href="/en/pillars/gospodarstvo/">Economy, Finance &amp; Enterprise</a>', html=True
    )
    assertContains(en, '<span lang="sl">Ekonomija, Finance &amp; Podjetja</span>', html=True)
    assertContains(en, "Living (green) economy")
    assertContains(en, 'class="card pillar-card pillar--gospodarstvo"')


def test_list_shows_what_ties_the_pillars_together(get_page, economy):
    factories.make_key_message(
        kind=KeyMessage.Kind.SMART_INTEGRATION,
        title_sl="Pametna integracija",
        text_sl="Pametna integracija (“Smart Integration”)",
    )
    factories.make_key_message(
        kind=KeyMessage.Kind.MORAL_CORE,
        title_sl="Moralno jedro",
        title_en="Moral core",
        text_sl="Trajnostnost & družbena odgovornost",
        text_en="Sustainability and social responsibility",
    )

    sl = get_page("/sl/pillars/")
    en = get_page("/en/pillars/")

    assertContains(sl, "<dt>Moralno jedro</dt><dd>Trajnostnost &amp; družbena odgovornost</dd>")
    assertContains(sl, "<dd>Pametna integracija (“Smart Integration”)</dd>")
    assertContains(en, "<dt>Moral core</dt><dd>Sustainability and social responsibility</dd>")
    assertContains(en, "What ties the pillars together")


@pytest.mark.parametrize(
    ("language", "economy_sum", "culture_sum"),
    [
        ("sl", "1.598.948,00 €", "538.302,63 €"),
        ("en", "€1,598,948.00", "€538,302.63"),
    ],
)
def test_budget_by_pillar_sums_the_primary_projects_exactly(
    get_page, budgets, language, economy_sum, culture_sum
):
    response = get_page(f"/{language}/pillars/")
    html = response.content.decode()

    for slug, amount in [("gospodarstvo", economy_sum), ("kultura", culture_sum)]:
        assertContains(
            response,
            f'<td class="number"><span class="money">{amount}</span></td>',
            html=True,
        )
        assert f'<a href="/{language}/pillars/{slug}/">' in html
    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL).group()
    assert svg.count("<rect") == 2
    assert f">{economy_sum}</text>" in svg
    assert f">{culture_sum}</text>" in svg
    assert 'fill="#2f5d8a"' in svg
    assert 'role="img"' in svg


def test_list_counts_projects_under_their_primary_pillar(get_page, budgets):
    response = get_page("/en/pillars/")

    assertContains(response, "2 projects have this as their primary pillar.")
    assertContains(response, "3 projects have this as their primary pillar.")


def test_list_queries_do_not_grow_with_rows(client, assert_constant_queries, economy, culture):
    add_project(economy, Decimal("1.00"))
    client.get("/sl/pillars/")

    def add_rows():
        for index in range(5):
            pillar = factories.make_pillar(name_sl=f"Nov steber {index}")
            for _ in range(3):
                add_project(pillar, Decimal("10.00"), secondary=economy)

    assert_constant_queries("/sl/pillars/", add_rows)


# A pillar's page


@pytest.fixture
def culture_page_data(culture, economy):
    factories.make_example(
        pillar=culture,
        order=1,
        name_sl="Zelene destinacije",
        name_en="Green destinations",
        kind=PotentialExample.Kind.GROUP,
        count=9,
        description_sl="Zelene destinacije v regiji.",
        description_en="The region's green destinations.",
    )
    factories.make_example(pillar=culture, order=2, name_sl="Solčavsko", kind="place")
    factories.make_goal(
        pillar=culture,
        slug="kultura-vodilni-partner",
        statement_sl="Vodilni partner v medregijskih programih.",
        statement_en="A leading partner in interregional programmes.",
    )
    add_project(
        culture,
        Decimal("1236470.80"),
        slug="living-castles",
        acronym="LIVING CASTLES",
        title_sl="LIVING CASTLES",
        status="completed",
    )
    add_project(
        economy,
        Decimal("100.00"),
        secondary=culture,
        slug="life-netopirji",
        acronym="LIFE netopirji",
        title_sl="Ohranjanje vrst netopirjev",
        title_en="Conserving bat species",
    )
    add_project(culture, Decimal("5.00"), acronym="SKRIT", state="draft")
    add_project(economy, Decimal("5.00"), acronym="DRUGI")


@pytest.mark.parametrize("language", ["sl", "en"])
def test_detail_answers_in_both_languages(get_page, culture_page_data, language):
    get_page(f"/{language}/pillars/kultura/")


def test_detail_shows_the_pillar_its_model_wordings_potentials_and_implementation(
    get_page, culture_page_data
):
    sl = get_page("/sl/pillars/kultura/")
    en = get_page("/en/pillars/kultura/")

    assertContains(sl, "<h1>Kultura &amp; Ozaveščenost</h1>", html=True)
    assertContains(sl, '<span lang="en">Culture &amp; Consciousness</span>', html=True)
    assertContains(sl, "<dd>Na kulturi temelječe razvojno gospodarstvo</dd>", html=True)
    assertContains(
        sl, '<dd lang="sl">Kultura &amp; Ozaveščenost / Duhovnost (Vizija 2030/50)</dd>', html=True
    )
    assertContains(sl, "<p>Kulturna dediščina. Trajnostni turizem.</p>", html=True)
    assertContains(sl, "<p>Študijski krožki, LIVING CASTLES.</p>", html=True)
    assertContains(en, "<h1>Culture &amp; Consciousness</h1>", html=True)
    assertContains(en, '<span lang="sl">Kultura &amp; Ozaveščenost</span>', html=True)
    assertContains(en, "<dt>Economic model</dt>", html=True)
    assertContains(en, "<dd>Culture-based development economy</dd>", html=True)
    assertContains(en, "<p>Study circles and LIVING CASTLES.</p>", html=True)


def test_detail_lists_the_examples_with_kind_and_count(get_page, culture_page_data):
    en = get_page("/en/pillars/kultura/")
    sl = get_page("/sl/pillars/kultura/")

    assertContains(
        en,
        '<tr><th scope="row">Green destinations</th><td>Group</td><td class="number">9</td>'
        "<td>The region's green destinations.</td></tr>",
        html=True,
    )
    assertContains(
        en,
        '<tr><th scope="row" lang="sl">Solčavsko</th><td>Place or area</td><td class="number"></td>'
        "<td></td></tr>",
        html=True,
    )
    assertContains(sl, '<th scope="row">Zelene destinacije</th>', html=True)


def test_detail_links_its_goals_to_the_vision_page(get_page, culture_page_data):
    response = get_page("/en/pillars/kultura/")

    assertContains(
        response,
        '<a href="/en/pillars/vision/#kultura-vodilni-partner">'
        "A leading partner in interregional programmes.</a>",
        html=True,
    )


def test_detail_lists_primary_and_secondary_published_projects(get_page, culture_page_data):
    response = get_page("/en/pillars/kultura/")

    assertContains(response, '<a href="/en/projects/living-castles/">LIVING CASTLES</a>', html=True)
    assertContains(response, '<a href="/en/projects/life-netopirji/">LIFE netopirji</a>', html=True)
    assertContains(response, "<td>primary</td>", count=1, html=True)
    assertContains(response, "<td>secondary</td>", count=1, html=True)
    assertContains(response, "<td>Completed</td>", html=True)
    assertContains(response, '<td class="period">Jan. 1, 2020 – Dec. 31, 2022</td>', html=True)
    assertContains(response, '<span class="money">€1,236,470.80</span>', html=True)
    assertNotContains(response, "SKRIT")
    assertNotContains(response, "DRUGI")


def test_detail_quotes_its_source(get_page, culture_page_data):
    response = get_page("/en/pillars/kultura/")

    assertContains(response, "Predstavitev RASR")
    assertContains(
        response, '<blockquote lang="sl">ZELENE DESTINACIJE (9) IN NASTANITVE (7)</blockquote>'
    )


def test_unknown_pillar_is_404(client, culture):
    assert client.get("/sl/pillars/ni-takega/").status_code == 404
    assert client.get("/en/pillars/no-such-pillar/").status_code == 404


def test_detail_queries_do_not_grow_with_rows(
    client, assert_constant_queries, culture_page_data, culture, economy
):
    client.get("/sl/pillars/kultura/")

    def add_rows():
        for index in range(5):
            factories.make_example(pillar=culture, name_sl=f"Primer {index}", count=index)
            goal = factories.make_goal(pillar=culture)
            project = add_project(culture, Decimal("1.00"), secondary=economy)
            project.goals.add(goal)
            add_project(economy, Decimal("2.00"), secondary=culture)

    assert_constant_queries("/sl/pillars/kultura/", add_rows)


# The vision


@pytest.fixture
def vision(economy, culture):
    factories.make_key_message(
        kind=KeyMessage.Kind.OVERALL_VISION,
        title_sl="Splošna vizija",
        title_en="Overall vision",
        text_sl="Blaginja (dobro živeti) za vse",
        text_en="Prosperity – a good life – for everyone",
    )
    jobs = factories.make_goal(
        pillar=culture,
        slug="kultura-zelena-shema",
        horizon=VisionGoal.Horizon.Y2030_50,
        statement_sl="Večina destinacij v Zeleni shemi.",
        statement_en="Most destinations in the Green Scheme.",
        indicator_sl="Destinacije v Zeleni shemi",
        indicator_en="Destinations in the Green Scheme",
        unit="%",
        baseline_value=Decimal("20"),
        baseline_year=2018,
        target_value=Decimal("60"),
        target_year=2030,
        latest_value=Decimal("30"),
        latest_year=2022,
        indicator_source="Slovenska turistična organizacija",
    )
    factories.make_goal(
        pillar=economy,
        slug="gospodarstvo-2050",
        horizon=VisionGoal.Horizon.Y2050,
        statement_sl="Zeleno gospodarstvo do 2050.",
        statement_en="A green economy by 2050.",
    )
    factories.make_goal(
        pillar=None,
        slug="regija-2030-minus-30",
        horizon=VisionGoal.Horizon.Y2030,
        statement_sl="Do leta 2030: −30 %?",
        statement_en="By 2030: −30 %?",
        unit="%",
        target_value=Decimal("-30"),
        target_year=2030,
        target_confirmed=False,
    )
    serving = factories.make_project(slug="clean", acronym="CLEAN")
    serving.goals.add(jobs)
    hidden = factories.make_project(acronym="SKRIT", state="draft")
    hidden.goals.add(jobs)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_vision_answers_in_both_languages(get_page, vision, language):
    get_page(f"/{language}/pillars/vision/")


def test_vision_shows_the_overall_vision(get_page, vision):
    assertContains(get_page("/sl/pillars/vision/"), "Blaginja (dobro živeti) za vse", count=1)
    assertContains(get_page("/en/pillars/vision/"), "Prosperity – a good life – for everyone")


def test_vision_groups_goals_by_pillar_then_horizon_with_the_region_last(get_page, vision):
    html = get_page("/en/pillars/vision/").content.decode()

    headings = re.findall(r"<h([23])[^>]*>(.*?)</h\1>", html, re.DOTALL)
    texts = [(level, re.sub(r"<[^>]+>", "", text).strip()) for level, text in headings]
    assert texts[1:] == [
        ("2", "Pillar Economy, Finance &amp; Enterprise"),
        ("3", "By 2050"),
        ("2", "Pillar Culture &amp; Consciousness"),
        ("3", "By 2030/50"),
        ("2", "The region as a whole"),
        ("3", "By 2030"),
    ]
    assert html.index('id="gospodarstvo-2050"') < html.index('id="kultura-zelena-shema"')
    assert html.index('id="kultura-zelena-shema"') < html.index('id="regija-2030-minus-30"')


def test_a_measurable_goal_shows_its_progress_bar_and_figures(get_page, vision):
    en = get_page("/en/pillars/vision/")
    sl = get_page("/sl/pillars/vision/")

    assertContains(
        en,
        '<progress id="progress-kultura-zelena-shema" max="100" value="25.0">25.0%</progress>',
        html=True,
    )
    assertContains(
        en,
        '<label for="progress-kultura-zelena-shema">'
        "Progress from the baseline to the target: 25.0%</label>",
        html=True,
    )
    assertContains(en, "<dd>20 % (2018)</dd>", html=True)
    assertContains(en, "<dd>60 % (2030)</dd>", html=True)
    assertContains(en, "<dd>30 % (2022)</dd>", html=True)
    assertContains(en, "<dd>Destinations in the Green Scheme</dd>", html=True)
    assertContains(en, "<dd>Slovenska turistična organizacija</dd>", html=True)
    assertContains(sl, 'value="25.0">25,0 %</progress>')


def test_an_unconfirmed_target_is_marked_in_words_and_its_progress_not_measured(get_page, vision):
    response = get_page("/en/pillars/vision/")
    html = response.content.decode()
    goal = html[html.index('id="regija-2030-minus-30"') :]
    goal = goal[: goal.index("</li>")]

    assert '<span class="unconfirmed">-30 % (2030) ?</span>' in goal
    assert "Unconfirmed target: the source gives it with a question mark." in goal
    assert "Progress cannot be measured yet" in goal
    assert "<progress" not in goal
    assert goal.count("Unconfirmed") == 1
    assertContains(response, "Unconfirmed target", count=1)


def test_a_goal_without_a_target_shows_no_figures(get_page, vision):
    html = get_page("/en/pillars/vision/").content.decode()
    goal = html[html.index('id="gospodarstvo-2050"') :]
    goal = goal[: goal.index("</li>")]

    assert "A green economy by 2050." in goal
    assert "<dl" not in goal
    assert "Progress" not in goal


def test_vision_lists_the_published_projects_serving_each_goal(get_page, vision):
    response = get_page("/en/pillars/vision/")

    assertContains(response, '<a href="/en/projects/clean/">CLEAN</a>', html=True, count=1)
    assertNotContains(response, "SKRIT")


def test_vision_queries_do_not_grow_with_rows(client, assert_constant_queries, vision, culture):
    client.get("/sl/pillars/vision/")

    def add_rows():
        for index in range(5):
            pillar = factories.make_pillar(name_sl=f"Steber {index}")
            goal = factories.make_goal(pillar=pillar, target_value=Decimal(10), target_year=2030)
            for _ in range(2):
                factories.make_project().goals.add(goal)
            factories.make_goal(pillar=None)

    assert_constant_queries("/sl/pillars/vision/", add_rows)


# Progress from the baseline to the target


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "expected"),
    [
        ("20", "60", "30", Decimal("25.0")),
        ("100", "70", "91", Decimal("30.0")),  # a falling target: −30 %, 9 of 30 points done
        ("20", "60", "80", Decimal("100.0")),  # past the target
        ("20", "60", "10", Decimal("0.0")),  # moved away from it
        ("0", "3", "1", Decimal("33.3")),
        ("20", "20", "20", None),  # baseline and target equal: nothing to measure
        (None, "60", "30", None),
        ("20", "60", None, None),
        ("20", None, "30", None),
    ],
)
def test_progress_percent(baseline, target, latest, expected):
    goal = VisionGoal(
        baseline_value=None if baseline is None else Decimal(baseline),
        target_value=None if target is None else Decimal(target),
        latest_value=None if latest is None else Decimal(latest),
    )

    assert goal.progress_percent == expected


ODD_PARAMETERS = [
    {"page": "99999999999999999999"},
    {"sort": "<script>", "q": "\x00"},
    {"q": "x" * 5000, "pillar": "%00"},
    {"q": "\u202eabc 🌲"},
]


@pytest.mark.parametrize("params", ODD_PARAMETERS)
def test_odd_query_parameters_are_ignored(client, culture_page_data, params):
    for url in ["/sl/pillars/", "/en/pillars/kultura/", "/sl/pillars/vision/"]:
        response = client.get(url, params)
        assert response.status_code == 200
        assert response.content.decode().count("<h1") == 1
