"""The content command: it loads the agency's presentation and the public facts, exactly and
idempotently."""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from funding.models import AgencyRecord, DevelopmentAgreement, FinancialPerspective, Programme
from pillars.models import KeyMessage, Pillar, PotentialExample, VisionGoal
from projects.models import Organisation, Partnership, Project, ProjectResult
from regionportal.models import Municipality, Region, Source, SourceDiscrepancy, SourcedModel
from tests.regionportal.presentation_excerpts import BUDGET_LINES

CONTENT_APPS = {"regionportal", "pillars", "funding", "projects"}


def load_content():
    out = StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


def snapshot():
    """Every column of every row of the portal's apps, many-to-many tables included.

    The columns are named, because modeltranslation's values() leaves out the `_sl`/`_en` ones.
    """
    return {
        model._meta.label: list(
            model._base_manager.order_by("pk").values(
                *(field.attname for field in model._meta.concrete_fields)
            )
        )
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in CONTENT_APPS
    }


@pytest.fixture
def content(loaded_content, db):
    """The content, loaded once for the module's read-only tests."""


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    first_output = load_content()
    before = snapshot()

    second_output = load_content()

    assert snapshot() == before
    created = re.fullmatch(
        r"Total: (\d+) \(\1 created, 0 updated, 0 unchanged\)", first_output.splitlines()[-1]
    )
    assert created
    records = created[1]
    assert second_output.splitlines()[-1] == (
        f"Total: {records} (0 created, 0 updated, {records} unchanged)"
    )


@pytest.mark.django_db
def test_a_second_run_keeps_what_staff_added_and_restores_what_they_changed():
    load_content()
    clean = Project.objects.get(slug="clean")
    staff_partner = Organisation.objects.create(slug="staff-partner", name="Staff", country="AT")
    Partnership.objects.create(project=clean, organisation=staff_partner, order=10)
    clean.municipalities.add(Municipality.objects.get(slug="velenje"))
    Project.objects.filter(slug="clean").update(total_budget=Decimal("1.00"))

    load_content()

    clean.refresh_from_db()
    assert clean.total_budget == Decimal("1598948.00")
    assert clean.partnerships.filter(organisation=staff_partner).exists()
    assert set(clean.municipalities.values_list("slug", flat=True)) == {"celje", "velenje"}


@pytest.mark.django_db
def test_a_run_moves_the_lead_mark_back_to_the_sources_lead_partner():
    load_content()
    clean = Project.objects.get(slug="clean")
    clean.partnerships.filter(organisation__slug="ernact").update(role="partner")
    clean.partnerships.filter(organisation__slug="anea").update(role="lead")

    load_content()

    leads = clean.partnerships.filter(role="lead").values_list("organisation__slug", flat=True)
    assert list(leads) == ["ernact"]


def amount(line):
    """The amount in a line of the presentation, which writes them as `1.598.948,00`."""
    (written,) = re.findall(r"\d{1,3}(?:\.\d{3})+,\d{2}", line)
    return Decimal(written.replace(".", "").replace(",", "."))


@pytest.mark.parametrize("slug", BUDGET_LINES)
def test_each_project_has_the_budget_and_the_agencys_share_its_slide_states(content, slug):
    project_line, agency_line = BUDGET_LINES[slug]
    project = Project.objects.with_agency_share().get(slug=slug)
    agency = project.partnerships.get(organisation__is_agency=True)

    assert str(project.total_budget) == str(amount(project_line))
    assert str(agency.budget) == str(amount(agency_line))
    assert project.agency_share == amount(agency_line)


def partners(slug):
    return [
        (p.listed_as, p.organisation.name, p.organisation.country.code, p.role)
        for p in Partnership.objects.filter(project__slug=slug)
        .select_related("organisation")
        .order_by("order")
    ]


def test_clean_partners_with_countries_and_roles(content):
    assert partners("clean") == [
        (
            "ERNACT - Irska",
            "European Regions Network for the Application of Communications Technology",
            "IE",
            "lead",
        ),
        ("ANEA - Italija", "Agenzia Napoletana Energia e Ambiente", "IT", "partner"),
        ("Les7Vents - Francija", "Les 7 Vents", "FR", "partner"),
        ("ALAV - Švedska", "ALAV", "SE", "partner"),
        ("Občina Iasi - Romunija", "Municipiul Iași", "RO", "partner"),
        ("Regija Crete - Grčija", "Περιφέρεια Κρήτης", "GR", "partner"),
        ("Regija Severna Karelija - Finska", "Pohjois-Karjalan maakuntaliitto", "FI", "partner"),
        ("San Sebastian – Španija", "Donostia / San Sebastián", "ES", "partner"),
        ("RASR d.o.o. – Slovenija", "Razvojna agencija Savinjske regije, d.o.o.", "SI", "partner"),
    ]


def test_innovaspa_partners_with_countries_and_roles(content):
    assert partners("innovaspa") == [
        ("Thermauvergne Association - France", "Thermauvergne", "FR", "lead"),
        ("University of Debrecen - Hungary", "Debreceni Egyetem", "HU", "partner"),
        ("University of Latvia - Latvia", "Latvijas Universitāte", "LV", "partner"),
        (
            "Warmia and Mazury Regional Development Agency JSC in Olsztyn - Poland",
            "Warmińsko-Mazurska Agencja Rozwoju Regionalnego S.A. w Olsztynie",
            "PL",
            "partner",
        ),
        (
            "Regional Development Agency Centru - Romania",
            "Agenția pentru Dezvoltare Regională Centru",
            "RO",
            "partner",
        ),
        ("Lithuaninan Innovation Centre - Litva", "Lietuvos inovacijų centras", "LT", "partner"),
        (
            "Faculty of Medicine of the University of Porto - Portugal",
            "Faculdade de Medicina da Universidade do Porto",
            "PT",
            "partner",
        ),
        ("RASR d.o.o. – Slovenia", "Razvojna agencija Savinjske regije, d.o.o.", "SI", "partner"),
    ]


def test_activehome_partners_with_the_agency_as_lead_partner_first(content):
    assert partners("activehome") == [
        ("RASR, d.o.o.", "Razvojna agencija Savinjske regije, d.o.o.", "SI", "lead"),
        (
            "RARIS, Regionalna agencija za razvoj vzhodne Srbije",
            "Regionalna agencija za razvoj Istočne Srbije",
            "RS",
            "partner",
        ),
        ("Mesto Zagreb", "Grad Zagreb", "HR", "partner"),
        (
            "Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
            "Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
            "SI",
            "partner",
        ),
    ]


def test_2sokrog_partners_without_a_lead_partner(content):
    assert partners("2sokrog") == [
        (
            "Znanstveno-raziskovalno središče Bistra Ptuj",
            "Znanstveno-raziskovalno središče Bistra Ptuj",
            "SI",
            "partner",
        ),
        (
            "Razvojna agencija Savinjske regije d.o.o.",
            "Razvojna agencija Savinjske regije, d.o.o.",
            "SI",
            "partner",
        ),
        (
            "Center ponovne uporabe d.o.o., SO.P., AZRA d.o.o.",
            "Center ponovne uporabe d.o.o., so.p.",
            "SI",
            "partner",
        ),
        ("Centar za socijalnu skrb Čakovec", "Centar za socijalnu skrb Čakovec", "HR", "partner"),
        (
            "Javna ustanova za razvoj Međimurske županije REDEA",
            "Javna ustanova za razvoj Međimurske županije REDEA",
            "HR",
            "partner",
        ),
        (
            "Javna ustanova za razvoj Varaždinske županije AZRA",
            "Javna ustanova za razvoj Varaždinske županije AZRA",
            "HR",
            "partner",
        ),
        (
            "Zavod Republike Slovenije za zaposlovanje",
            "Zavod Republike Slovenije za zaposlovanje",
            "SI",
            "partner",
        ),
    ]


def test_living_castles_partners_with_countries_and_roles(content):
    assert partners("living-castles") == [
        ("Međimursko veleučilište u Čakovcu", "Međimursko veleučilište u Čakovcu", "HR", "lead"),
        (
            "Raziskovalno izobraževalno središče Dvorec Rakičan",
            "Raziskovalno izobraževalno središče Dvorec Rakičan",
            "SI",
            "partner",
        ),
        (
            "Znanstvenoraziskovalno središče Bistra Ptuj",
            "Znanstveno-raziskovalno središče Bistra Ptuj",
            "SI",
            "partner",
        ),
        (
            "Razvojna agencija Savinjske regije, d.o.o.",
            "Razvojna agencija Savinjske regije, d.o.o.",
            "SI",
            "partner",
        ),
        ("Gradski muzej Varaždin", "Gradski muzej Varaždin", "HR", "partner"),
        ("Muzej Međimurja Čakovec", "Muzej Međimurja Čakovec", "HR", "partner"),
        ("Muzeji Hrvatskog Zagorja", "Muzeji Hrvatskog zagorja", "HR", "partner"),
        ("Proteus, d.o.o.", "Proteus d.o.o.", "SI", "partner"),
    ]


def test_one_organisation_for_each_real_organisation(content):
    agency = Organisation.objects.agency()
    assert (agency.name, agency.acronym, agency.city) == (
        "Razvojna agencija Savinjske regije, d.o.o.",
        "RASR",
        "Celje",
    )
    assert agency.partnerships.count() == 5
    bistra = Organisation.objects.get(slug="bistra-ptuj")
    assert set(bistra.partnerships.values_list("project__slug", flat=True)) == {
        "2sokrog",
        "living-castles",
    }
    assert "ni pa potrjeno" in Organisation.objects.get(slug="proteus").description_sl


def test_the_partner_countries_are_the_fifteen_the_agency_counts(content):
    countries = set(
        Partnership.objects.filter(project__programme__kind="interreg")
        .exclude(organisation__country="SI")
        .values_list("organisation__country", flat=True)
    )
    assert len(countries) == 15
    assert Project.objects.agency_is_lead().get().slug == "activehome"
    record = AgencyRecord.objects.get()
    assert (
        record.interreg_projects_as_partner,
        record.countries,
        record.projects_as_lead,
        record.applications,
        record.applications_year,
    ) == (5, 15, 1, 6, 2019)


def test_the_seven_spas_with_their_municipalities(content):
    places = Project.objects.get(slug="innovaspa").places.order_by("order")

    assert [(place.name, place.municipality.name) for place in places] == [
        ("Terme Dobrna", "Dobrna"),
        ("Thermana Laško", "Laško"),
        ("Terme Olimia", "Podčetrtek"),
        ("Rimske terme", "Laško"),
        ("Zdravilišče Rogaška", "Rogaška Slatina"),
        ("Terme Topolšica", "Šoštanj"),
        ("Terme Zreče", "Zreče"),
    ]


def test_project_statuses_periods_and_pillars(content):
    rows = {
        project.slug: (
            project.status,
            project.start_date and project.start_date.isoformat(),
            project.end_date and project.end_date.isoformat(),
            [(pp.pillar.slug, pp.is_primary) for pp in project.project_pillars.all()],
        )
        for project in Project.objects.prefetch_related("project_pillars__pillar")
    }
    assert rows == {
        "clean": ("completed", "2017-01-01", "2021-12-31", [("gospodarstvo", True)]),
        "innovaspa": ("completed", "2018-01-01", "2022-12-31", [("narava", True)]),
        "activehome": ("completed", "2018-01-01", "2019-12-31", [("znanost", True)]),
        "2sokrog": ("completed", "2018-01-01", "2020-12-31", [("znanost", True)]),
        "living-castles": ("completed", "2018-01-01", "2020-12-31", [("kultura", True)]),
        "life-netopirji": (
            "submitted",
            None,
            None,
            [("narava", True), ("kultura", False)],
        ),
        "studijski-krozki": ("in_implementation", None, None, [("kultura", True)]),
        "regijska-garancijska-shema": (
            "in_implementation",
            None,
            None,
            [("gospodarstvo", True)],
        ),
        "regijska-stipendijska-shema": ("in_implementation", None, None, [("znanost", True)]),
    }
    life = Project.objects.get(slug="life-netopirji")
    assert (life.call_sl, life.priority_area_sl) == (
        "2. krog LIFE razpisa",
        "Narava in biotska raznovrstnost",
    )


def test_clean_results_and_study_circles(content):
    clean = {result.kind: result for result in Project.objects.get(slug="clean").results.all()}
    assert (clean["target"].value, clean["target"].unit) == (Decimal("4"), "%")
    assert clean["deliverable"].date.isoformat() == "2019-12-31"
    assert (clean["event"].date.isoformat(), clean["event"].place) == ("2018-09-12", "Celje")
    circles = ProjectResult.objects.get(project__slug="studijski-krozki")
    assert (circles.kind, circles.value) == ("output", Decimal("5"))


def test_disagreeing_sources_are_recorded_and_the_seeds_figure_kept(content):
    living_castles = Project.objects.get(slug="living-castles")
    other_values = set(
        SourceDiscrepancy.objects.filter(object_id=living_castles.pk)
        .filter(content_type__model="project")
        .values_list("other_value", flat=True)
    )
    assert {"1. 10. 2018 – 31. 3. 2021", "september 2021"} <= other_values
    assert living_castles.end_date.isoformat() == "2020-12-31"
    clean = Project.objects.get(slug="clean")
    assert SourceDiscrepancy.objects.filter(
        object_id=clean.pk, content_type__model="project", other_value__startswith="2022"
    ).exists()


def test_the_agreement_its_five_categories_and_the_known_project(content):
    agreement = DevelopmentAgreement.objects.get()

    assert [(c.name_sl, c.projects_stated) for c in agreement.categories.all()] == [
        ("Spodbujanje podjetništva", 9),
        ("Izgradnja regijskega kolesarskega omrežja", 9),
        ("Čiščenje in odvajanje odpadnih voda", 7),
        ("Oskrba s pitno vodo", 3),
        ("Izboljšanje regionalne mobilnosti", 1),
    ]
    assert agreement.approved_projects_stated == 29
    assert agreement.cohesion_funds_at_least == Decimal("51000000.00")
    assert agreement.total_value == Decimal("81334538.39")
    assert agreement.committed_funds == Decimal("51486997.71")
    assert agreement.figures_source.slug == "celje-info-2018"
    assert (agreement.supplement_signed.isoformat(), agreement.supplement_signed_precision) == (
        "2018-06-01",
        "month",
    )
    project = agreement.categories.get(slug="regionalna-mobilnost").projects.get()
    assert list(project.municipalities.values_list("name", flat=True)) == ["Celje"]


def test_the_three_goals_of_the_2021_2027_perspective(content):
    goals = FinancialPerspective.objects.get(slug="2021-2027").goals.order_by("number")

    assert [goal.text_sl for goal in goals] == [
        "dvig regionalne blaginje s povečanjem gospodarskega, družbenega in okoljskega kapitala "
        "v vseh razvojnih regijah ter njegove učinkovitosti v smislu konkurenčnosti "
        "gospodarstva, kakovosti življenja in trajnostne rabe naravnih virov",
        "odprava strukturnih težav problemskih območij in zmanjševanje njihovega razvojnega "
        "zaostanka",
        "uresničevanje razvojnih potencialov in izkoriščanje globalnih priložnosti z "
        "mednarodnim teritorialnim sodelovanjem",
    ]


def test_the_four_pillars_with_both_names(content):
    assert [(p.slug, p.name_sl, p.name_en) for p in Pillar.objects.order_by("order")] == [
        ("gospodarstvo", "Ekonomija, Finance & Podjetja", "Economy, Finance & Enterprise"),
        ("znanost", "Znanost, Sistemi & Tehnologija", "Science, Systems & Technology"),
        ("kultura", "Kultura & Ozaveščenost", "Culture & Consciousness"),
        ("narava", "Narava & Skupnost", "Nature & Community"),
    ]
    assert PotentialExample.objects.get(name_sl="Zelene destinacije").count == 9
    assert PotentialExample.objects.get(name_sl="Biomasa Luče").source_excerpt == ("BIOM- ASA LUČE")
    assert not VisionGoal.objects.filter(pillar__slug="gospodarstvo").exists()


def test_the_region_and_its_31_municipalities(content):
    region = Region.objects.get()
    assert (region.nuts_code, region.area_km2, region.population, region.population_year) == (
        "SI034",
        Decimal("2301.0"),
        256359,
        2019,
    )
    municipalities = Municipality.objects.in_region()
    assert municipalities.count() == 31
    codes = dict(municipalities.values_list("name", "iso_code"))
    assert (codes["Celje"], codes["Žalec"], codes["Rečica ob Savinji"]) == (
        "SI-011",
        "SI-190",
        "SI-209",
    )
    assert "SI-149" not in codes.values()
    assert set(municipalities.filter(is_urban=True).values_list("name", flat=True)) == {
        "Celje",
        "Velenje",
    }
    assert sum(m.population for m in municipalities) == 254131
    assert sum(m.area_km2 for m in municipalities) == region.area_km2


def test_the_unconfirmed_minus_30_percent_target(content):
    goal = VisionGoal.objects.get(slug="regija-2030-minus-30")

    assert goal.pillar is None
    assert (goal.horizon, goal.target_value, goal.unit, goal.target_year) == (
        "2030",
        Decimal("-30"),
        "%",
        2030,
    )
    assert goal.target_confirmed is False
    assert not goal.indicator_sl
    assert not goal.indicator_en
    assert goal.source_excerpt == "2030: - 30 % ?"


def test_key_messages_and_potential_sources_of_money(content):
    assert KeyMessage.objects.count() == len(KeyMessage.Kind)
    assert KeyMessage.objects.get(kind="closing_quote").attribution == "Gandhi"
    triodos = Programme.objects.get(slug="banka-triodos")
    assert (triodos.is_tentative, triodos.is_listed_as_potential) == (True, True)
    assert Programme.objects.filter(is_listed_as_potential=True).count() == 7


def test_every_sourced_record_keeps_its_source(content):
    sourced = [
        model
        for model in apps.get_models()
        if issubclass(model, SourcedModel) and model._meta.app_label in CONTENT_APPS
    ]
    assert {model.__name__ for model in sourced} >= {"Project", "Partnership", "Municipality"}
    for model in sourced:
        assert model.objects.exists(), model
        assert not model.objects.filter(source__isnull=True).exists(), model
    assert Source.objects.filter(kind="agency").count() == 1
