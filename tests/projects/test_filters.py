"""The project and partner filters: each narrows the list as its label says, alone and together,
and a value it cannot use becomes a form error while the other filters still apply."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains

from projects.filters import OrganisationFilter, ProjectFilter, name_sort_key
from projects.models import Organisation, Partnership, Project
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    """Four published projects that differ in every filtered respect, and an unpublished one
    that would match every filter."""
    agency = factories.make_agency(slug="rasr")
    nature = factories.make_pillar(slug="narava", name_sl="Narava")
    economy = factories.make_pillar(slug="gospodarstvo", name_sl="Gospodarstvo")
    interreg = factories.make_programme(slug="interreg-europe", name_sl="Interreg Europe")
    life = factories.make_programme(slug="life", name_sl="LIFE", kind="life")
    celje = factories.make_municipality(slug="celje", name="Celje")
    lasko = factories.make_municipality(slug="lasko", name="Laško")
    italian = factories.make_organisation(slug="anea", name="ANEA", country="IT")
    croatian = factories.make_organisation(slug="redea", name="REDEA", country="HR")
    austrian = factories.make_organisation(slug="wien", name="Wien", country="AT")

    def project(acronym, *, pillars, municipalities=(), partners=(), agency_role=None, **fields):
        project = factories.make_project(acronym=acronym, slug=acronym.lower(), **fields)
        for index, pillar in enumerate(pillars):
            factories.make_project_pillar(project=project, pillar=pillar, is_primary=index == 0)
        project.municipalities.set(municipalities)
        for order, organisation in enumerate(partners, start=1):
            factories.make_partnership(project=project, organisation=organisation, order=order)
        if agency_role:
            factories.make_partnership(
                project=project, organisation=agency, role=agency_role, budget=Decimal("1000")
            )
        return project

    project(
        "CLEAN",
        title_sl="Tehnologije za nizkoogljične regije",
        title_en="Technologies for low-carbon regions",
        summary_sl="Energetska učinkovitost javnih stavb.",
        pillars=[economy],
        programme=interreg,
        status=Project.Status.COMPLETED,
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2021, 12, 31),
        municipalities=[celje],
        partners=[italian],
        agency_role=Partnership.Role.PARTNER,
    )
    project(
        "InnovaSPA",
        title_sl="Zdravstvene rešitve za termalne regije",
        title_en="Health solutions for thermal regions",
        summary_en="Thermal spas and preventive treatment.",
        pillars=[nature],
        programme=interreg,
        status=Project.Status.COMPLETED,
        start_date=datetime.date(2018, 6, 1),
        end_date=datetime.date(2022, 11, 30),
        municipalities=[lasko],
        partners=[croatian],
        agency_role=Partnership.Role.PARTNER,
    )
    project(
        "ActiveHome",
        title_sl="Aktivni dom",
        pillars=[economy, nature],
        programme=life,
        status=Project.Status.IN_IMPLEMENTATION,
        start_date=datetime.date(2020, 3, 1),
        end_date=None,
        municipalities=[celje, lasko],
        partners=[austrian, croatian],
        agency_role=Partnership.Role.LEAD,
    )
    project(
        "Študijski krožki",
        title_sl="Študijski krožki",
        title_en="Study circles",
        pillars=[nature],
        status=Project.Status.IDEA,
        start_date=None,
        end_date=None,
    )
    project(
        "HIDDEN",
        title_sl="Neobjavljen CLEAN",
        pillars=[economy, nature],
        programme=interreg,
        status=Project.Status.COMPLETED,
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2030, 1, 1),
        municipalities=[celje, lasko],
        partners=[italian, croatian, austrian],
        agency_role=Partnership.Role.LEAD,
        state="draft",
    )


def filtered(**params):
    filterset = ProjectFilter(params, queryset=Project.objects.published())
    return filterset, sorted(filterset.qs.values_list("acronym", flat=True))


ALL = ["ActiveHome", "CLEAN", "InnovaSPA", "Študijski krožki"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL),
        ({"pillar": "narava"}, ["ActiveHome", "InnovaSPA", "Študijski krožki"]),
        ({"pillar": "gospodarstvo"}, ["ActiveHome", "CLEAN"]),
        ({"programme": "interreg-europe"}, ["CLEAN", "InnovaSPA"]),
        ({"programme": "life"}, ["ActiveHome"]),
        ({"status": "completed"}, ["CLEAN", "InnovaSPA"]),
        ({"status": "in_implementation"}, ["ActiveHome"]),
        ({"status": "approved"}, []),
        ({"country": "HR"}, ["ActiveHome", "InnovaSPA"]),
        ({"country": "IT"}, ["CLEAN"]),
        ({"municipality": "celje"}, ["ActiveHome", "CLEAN"]),
        ({"municipality": "lasko"}, ["ActiveHome", "InnovaSPA"]),
        ({"role": "lead"}, ["ActiveHome"]),
        ({"role": "partner"}, ["CLEAN", "InnovaSPA"]),
        # Running in the year: start year ≤ year ≤ end year; only a start counts from then.
        ({"year": "2016"}, []),
        ({"year": "2017"}, ["CLEAN"]),
        ({"year": "2018"}, ["CLEAN", "InnovaSPA"]),
        ({"year": "2020"}, ["ActiveHome", "CLEAN", "InnovaSPA"]),
        ({"year": "2021"}, ["ActiveHome", "CLEAN", "InnovaSPA"]),
        ({"year": "2022"}, ["ActiveHome", "InnovaSPA"]),
        ({"year": "2023"}, ["ActiveHome"]),
        ({"year": "2040"}, ["ActiveHome"]),
    ],
)
def test_each_filter_alone_narrows_the_list(data, params, expected):
    filterset, acronyms = filtered(**params)
    assert filterset.is_valid(), filterset.errors
    assert acronyms == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"pillar": "narava", "programme": "interreg-europe"}, ["InnovaSPA"]),
        ({"pillar": "gospodarstvo", "role": "lead"}, ["ActiveHome"]),
        ({"country": "HR", "year": "2019"}, ["InnovaSPA"]),
        ({"municipality": "celje", "status": "completed"}, ["CLEAN"]),
        ({"municipality": "lasko", "country": "HR", "role": "partner"}, ["InnovaSPA"]),
        ({"q": "regij", "year": "2018"}, ["CLEAN", "InnovaSPA"]),
        (
            {
                "q": "thermal",
                "pillar": "narava",
                "programme": "interreg-europe",
                "status": "completed",
                "country": "HR",
                "municipality": "lasko",
                "year": "2022",
                "role": "partner",
            },
            ["InnovaSPA"],
        ),
        ({"pillar": "narava", "programme": "life", "role": "partner"}, []),
    ],
)
def test_filters_combine(data, params, expected):
    filterset, acronyms = filtered(**params)
    assert filterset.is_valid(), filterset.errors
    assert acronyms == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("clean", ["CLEAN"]),  # the acronym, any case
        ("nizkoogljične", ["CLEAN"]),  # the Slovenian title
        ("LOW-CARBON", ["CLEAN"]),  # the English title
        ("javnih stavb", ["CLEAN"]),  # the Slovenian summary
        ("preventive", ["InnovaSPA"]),  # the English summary
        ("študijski", ["Študijski krožki"]),
        ("ŠTUDIJSKI", ["Študijski krožki"]),  # case of a non-ASCII letter
        ("study circles", ["Študijski krožki"]),
        ("regij", ["CLEAN", "InnovaSPA"]),
        ("nothing like it", []),
    ],
)
def test_free_text_searches_acronym_titles_and_summaries_in_both_languages(data, text, expected):
    filterset, acronyms = filtered(q=text)
    assert filterset.is_valid(), filterset.errors
    assert acronyms == expected


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"pillar": "no-such-pillar"}, "pillar", "Select a valid choice."),
        ({"programme": "\x00"}, "programme", "Null characters are not allowed."),
        ({"status": "finished"}, "status", "Select a valid choice."),
        ({"country": "XX"}, "country", "Select a valid choice."),
        ({"country": "SI"}, "country", "Select a valid choice."),  # no partner from there
        ({"municipality": "😀"}, "municipality", "Select a valid choice."),
        ({"role": "boss"}, "role", "Select a valid choice."),
        ({"year": "twenty"}, "year", "Enter a whole number."),
        ({"year": "2019.5"}, "year", "Enter a whole number."),
        ({"year": "99999999999999999999"}, "year", "less than or equal to 9999"),
        ({"year": "-5"}, "year", "greater than or equal to 1000"),
        ({"year": "9" * 5000}, "year", "Enter a whole number."),
        ({"q": "x" * 5000}, "q", "at most 200 characters"),
        ({"q": "\x00"}, "q", "Null characters are not allowed."),
    ],
)
def test_a_value_a_filter_cannot_use_is_a_form_error(data, params, field, message):
    with translation.override("en"):
        filterset, _acronyms = filtered(**params)
        assert not filterset.is_valid()
        assert message in " ".join(filterset.errors[field])


def test_the_other_filters_apply_when_one_is_in_error(data):
    filterset, acronyms = filtered(pillar="narava", year="abc", role="boss")
    assert set(filterset.errors) == {"year", "role"}
    assert acronyms == ["ActiveHome", "InnovaSPA", "Študijski krožki"]


def test_country_choices_are_the_partners_countries_by_name(data):
    with translation.override("sl"):
        choices = list(ProjectFilter({}, queryset=Project.objects.all()).form["country"])
        # The empty choice's label is lazy: it is read while Slovenian is active.
        labels = [str(choice.data["label"]) for choice in choices]
    assert labels == [
        "Vse države",
        "Avstrija",
        "Hrvaška",
        "Italija",
    ]


@pytest.mark.django_db
def test_the_partner_countries_are_those_of_partners_in_published_projects():
    """The country filter's options: the countries of the organisations other than the agency
    that take part in a published project, once each, in the order of their codes, and the
    same as partner_countries_in() the published projects gives (on PostgreSQL they are looked
    up a country at a time)."""
    published = factories.make_project()
    draft = factories.make_project(state="draft")
    factories.make_partnership(project=published, organisation=factories.make_agency(country="SI"))
    for country in ["IT", "AT", "IT", "HR"]:
        factories.make_partnership(
            project=published, organisation=factories.make_organisation(country=country)
        )
    factories.make_partnership(
        project=draft, organisation=factories.make_organisation(country="DE")
    )
    factories.make_organisation(country="FR")  # in no project

    countries = Organisation.objects.published_partner_countries()

    assert countries == ["AT", "HR", "IT"]
    assert countries == list(Organisation.objects.partner_countries_in(Project.objects.published()))


def test_slovenian_names_sort_c_s_z_with_caron_after_the_plain_letter():
    names = ["Švedska", "Srbija", "Slovenija", "Španija", "Češka", "Ciper", "Dánsko"]
    with translation.override("sl"):
        assert sorted(names, key=name_sort_key) == [
            "Ciper",
            "Češka",
            "Dánsko",
            "Slovenija",
            "Srbija",
            "Španija",
            "Švedska",
        ]
    with translation.override("en"):
        assert sorted(names, key=name_sort_key)[:2] == ["Češka", "Ciper"]


def organisations(**params):
    filterset = OrganisationFilter(params, queryset=Organisation.objects.for_list_page())
    return filterset, sorted(filterset.qs.values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["anea", "rasr", "redea", "wien"]),
        ({"country": "HR"}, ["redea"]),
        ({"country": "SI"}, ["rasr"]),
        ({"q": "ane"}, ["anea"]),
        ({"q": "RASR"}, ["rasr"]),  # the acronym
        ({"q": "savinja"}, ["rasr"]),  # the name, any case
        ({"q": "wien", "country": "AT"}, ["wien"]),
        ({"q": "wien", "country": "HR"}, []),
    ],
)
def test_organisation_filters(data, params, expected):
    filterset, slugs = organisations(**params)
    assert filterset.is_valid(), filterset.errors
    assert slugs == expected


def test_organisation_filter_rejects_an_unknown_country(data):
    with translation.override("en"):
        filterset, slugs = organisations(country="ZZ", q="ea")
        assert "Select a valid choice." in filterset.errors["country"][0]
    assert slugs == ["anea", "redea"]  # the text still applies


@pytest.mark.parametrize(
    ("url", "field", "help_text"),
    [
        ("/en/projects/", "pillar", "The primary or a secondary pillar of the project."),
        ("/en/projects/", "country", "Where a partner is based, the agency not counted."),
        (
            "/sl/projects/",
            "role",
            "Vodilni partner, partner, ki ni vodilni, ali projekt, ki ga vodi brez zabeleženega "
            "partnerstva.",
        ),
        ("/en/partners/", "country", "Where the organisation is based."),
    ],
)
def test_each_filter_field_is_described_by_its_help_text(client, db, url, field, help_text):
    response = client.get(url)

    assertContains(
        response, f'<div class="helptext" id="id_{field}_helptext">{help_text}</div>', html=True
    )
    assertContains(response, f'aria-describedby="id_{field}_helptext"')


def test_the_record_filters_offer_the_records_as_they_are_now_in_the_page_language(client, db):
    """Their options are kept between requests, and follow every change to the content."""
    programme = factories.make_programme(slug="life", name_sl="Program LIFE", name_en="LIFE")
    factories.make_project(programme=programme)
    factories.make_municipality(slug="celje", name="Celje")
    option = '<option value="life">{}</option>'

    assertContains(client.get("/sl/projects/"), option.format("Program LIFE"), html=True)
    assertContains(client.get("/en/projects/"), option.format("LIFE"), html=True)

    programme.name_sl = "Program LIFE+"
    programme.save()
    factories.make_municipality(slug="lasko", name="Laško")
    response = client.get("/sl/projects/?programme=life")

    assertContains(response, '<option value="life" selected>Program LIFE+</option>', html=True)
    assertContains(response, '<option value="lasko">Laško</option>', html=True)
