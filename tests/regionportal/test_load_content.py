"""The content command: it loads the agency's presentation and the public facts exactly, then
leaves what staff edit alone; `--check` lists the differences and `--update` writes the files'."""

import re
from decimal import Decimal
from io import StringIO

import pytest
import reversion
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from reversion.models import Revision, Version

from funding.models import AgencyRecord, DevelopmentAgreement, FinancialPerspective, Programme
from pillars.models import KeyMessage, Pillar, PotentialExample, VisionGoal
from projects.models import Organisation, Partnership, Project, ProjectPillar, ProjectResult
from regionportal.base.models import Municipality, Region, Source, SourceDiscrepancy, SourcedModel
from regionportal.site.content import funding as funding_content
from regionportal.site.content import projects as project_content
from regionportal.site.management.commands.load_content import ContentLoader
from tests.regionportal.presentation_excerpts import BUDGET_LINES

CONTENT_APPS = {"regionportal", "pillars", "funding", "projects"}


def load_content(*options):
    out = StringIO()
    call_command("load_content", *options, stdout=out)
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
    """The content, loaded once for the module; each test's own changes are rolled back."""


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    first_output = load_content()
    before = snapshot()

    second_output = load_content()

    assert snapshot() == before
    created = re.fullmatch(
        r"Total: (\d+) \(\1 created, 0 updated, 0 different, 0 unchanged\)",
        first_output.splitlines()[-1],
    )
    assert created
    records = created[1]
    assert second_output.splitlines()[-1] == (
        f"Total: {records} (0 created, 0 updated, 0 different, {records} unchanged)"
    )


def admin_url(record, view):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[record.pk])


def inline_row(data, inline, field, value):
    """The form prefix of the inline row whose field shows the value, e.g. `partnerships-3-`."""
    (prefix,) = [
        key.removesuffix(field)
        for key, shown in data.items()
        if key.startswith(f"{inline}-") and key.endswith(f"-{field}") and shown == value
    ]
    return prefix


STAFF_TITLE = "CLEAN – open innovation for low-carbon regions"
STAFF_RESULT = "Energetsko učinkovitejše javne stavbe"
CONTENT_RESULT = "Izboljšava energetske učinkovitosti v javnih stavbah"


def edit_as_staff(client, changeform_data):
    """What an editor may do in the admin: change a project's budget, English title and a
    result's title, drop a partner and the project's municipality, recolour a pillar and delete
    a key message."""
    clean = Project.objects.get(slug="clean")
    data = changeform_data(client.get(admin_url(clean, "change")))
    data["total_budget"] = "1700000.00"
    data["title_en"] = STAFF_TITLE
    data["municipalities"] = []
    alav = Organisation.objects.get(slug="alav")
    data[inline_row(data, "partnerships", "organisation", str(alav.pk)) + "DELETE"] = "on"
    data[inline_row(data, "results", "title_sl", CONTENT_RESULT) + "title_sl"] = STAFF_RESULT
    assert client.post(admin_url(clean, "change"), data).status_code == 302

    culture = Pillar.objects.get(slug="kultura")
    data = changeform_data(client.get(admin_url(culture, "change")))
    data["colour"] = "#123456"
    assert client.post(admin_url(culture, "change"), data).status_code == 302

    quote = KeyMessage.objects.get(kind="closing_quote")
    assert client.post(admin_url(quote, "delete"), {"post": "yes"}).status_code == 302


def assert_staff_edits_to_clean():
    clean = Project.objects.get(slug="clean")
    assert (clean.total_budget, clean.title_en) == (Decimal("1700000.00"), STAFF_TITLE)
    assert not clean.municipalities.exists()
    assert not clean.partnerships.filter(organisation__slug="alav").exists()
    assert list(clean.results.filter(kind="target").values_list("title_sl", flat=True)) == [
        STAFF_RESULT
    ]


def test_a_plain_run_keeps_every_staff_edit_and_check_lists_them(
    content, admin_client, changeform_data
):
    edit_as_staff(admin_client, changeform_data)
    before = snapshot()

    output = load_content().splitlines()

    assert snapshot() == before
    assert_staff_edits_to_clean()
    assert Pillar.objects.get(slug="kultura").colour == "#123456"
    assert not KeyMessage.objects.filter(kind="closing_quote").exists()
    assert re.fullmatch(
        r"Total: \d+ \(0 created, 0 updated, 6 different, \d+ unchanged\)", output[-2]
    )
    assert output[-1] == (
        "Records and links that differ from the content files, kept as they are: 6. "
        "`manage.py load_content --check` lists them, `--update` writes the files' values."
    )

    out = StringIO()
    with pytest.raises(
        CommandError, match=r"^Differences between the database and the content files: 7\.$"
    ):
        call_command("load_content", "--check", stdout=out)

    assert snapshot() == before
    assert out.getvalue().splitlines() == [
        "Pillar slug='kultura': colour: database '#123456', content files '#8a4b2a'",
        "KeyMessage kind='closing_quote': not in the database; its history has it "
        "(staff removed it)",
        f"Project slug='clean': title_en: database '{STAFF_TITLE}', content files "
        "'CLEAN – Technologies and open innovation for low-carbon regions'",
        "Project slug='clean': total_budget: database 1700000.00, content files 1598948.00",
        "Project slug='clean': municipalities: celje not linked; its history has it "
        "(staff removed it)",
        "Partnership project=clean organisation=alav: not in the database; its history has it "
        "(staff removed it)",
        f"ProjectResult project=clean kind='target' title_sl='{CONTENT_RESULT}': title_sl: "
        f"database '{STAFF_RESULT}', content files '{CONTENT_RESULT}'",
    ]


def test_a_project_staff_deleted_stays_deleted_until_an_update(content, admin_client):
    activehome = Project.objects.get(slug="activehome")
    assert admin_client.post(admin_url(activehome, "delete"), {"post": "yes"}).status_code == 302
    before = snapshot()

    load_content()

    assert snapshot() == before
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("load_content", "--check", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "Project slug='activehome': not in the database; its history has it (staff removed it)"
    )
    assert "Partnership project=activehome organisation=raris: not in the database" in lines

    load_content("--update")
    assert Project.objects.get(slug="activehome").partnerships.count() == 4


def test_check_says_so_when_the_database_holds_the_content(content):
    before = snapshot()

    assert load_content("--check") == (
        "No differences: the database holds what the content files say.\n"
    )
    assert snapshot() == before


def test_update_writes_the_files_values_as_one_revision_that_staff_can_revert(
    content, admin_client, changeform_data
):
    edit_as_staff(admin_client, changeform_data)
    revisions = Revision.objects.count()

    output = load_content("--update")

    assert (
        "Updated: Project slug='clean': total_budget: database 1700000.00, content files "
        "1598948.00" in output.splitlines()
    )
    clean = Project.objects.get(slug="clean")
    assert clean.total_budget == Decimal("1598948.00")
    assert clean.title_en == "CLEAN – Technologies and open innovation for low-carbon regions"
    assert list(clean.municipalities.values_list("slug", flat=True)) == ["celje"]
    assert clean.partnerships.filter(organisation__slug="alav").exists()
    assert list(clean.results.filter(kind="target").values_list("title_sl", flat=True)) == [
        CONTENT_RESULT
    ]
    assert Pillar.objects.get(slug="kultura").colour == "#8a4b2a"
    assert KeyMessage.objects.filter(kind="closing_quote").exists()
    assert load_content("--check").startswith("No differences")

    assert Revision.objects.count() == revisions + 1
    comment = Revision.objects.latest("pk").comment
    assert comment == (
        "Posodobljeno iz vsebinskih datotek: steber »Kultura & Ozaveščenost«: barva; "
        "ključno sporočilo »Misel za konec«: dodano; "
        "projekt »CLEAN«: naslov [en], skupni proračun (EUR), občine; "
        "partnerstvo »CLEAN – ALAV«: dodano; "
        f"rezultat projekta »{CONTENT_RESULT}«: naslov [sl]"
    )
    *_, staff_version, update_version = Version.objects.get_for_object(clean).order_by("pk")
    assert update_version.revision.comment == comment
    history = admin_client.get(admin_url(clean, "history"))
    assert "projekt »CLEAN«: naslov [en], skupni proračun (EUR), občine" in history.text

    revision_url = reverse("admin:projects_project_revision", args=[clean.pk, staff_version.pk])
    response = admin_client.post(revision_url, changeform_data(admin_client.get(revision_url)))

    assert response.status_code == 302
    assert_staff_edits_to_clean()


def test_an_update_that_fails_changes_nothing(content, monkeypatch):
    with reversion.create_revision():
        Pillar.objects.filter(slug="kultura").update(colour="#123456")
    last = project_content.PROJECTS[-1]
    monkeypatch.setitem(last, "total_budget", Decimal("-1.00"))
    before = snapshot()
    revisions = Revision.objects.count()

    with pytest.raises(
        CommandError, match=rf"^Project slug='{last['slug']}': total_budget: .* 0\.$"
    ):
        load_content("--update")

    assert snapshot() == before
    assert Revision.objects.count() == revisions


def test_partner_budgets_above_the_projects_total_stop_an_update(content, monkeypatch):
    clean = next(entry for entry in project_content.PROJECTS if entry["slug"] == "clean")
    # The files now give the lead partner 1 500 000 besides the agency's 133 562.
    lead = {**clean["partners"][0], "budget": Decimal("1500000.00")}
    monkeypatch.setitem(clean, "partners", [lead, *clean["partners"][1:]])
    before = snapshot()

    with pytest.raises(CommandError) as error:
        load_content("--update")

    assert str(error.value) == (
        "Project slug='clean': Proračuni partnerjev skupaj znašajo 1.633.562,00 €, kar presega "
        "skupni proračun projekta (1.598.948,00 €)."
    )
    assert snapshot() == before


def test_an_agreement_projects_lead_among_its_other_municipalities_stops_an_update(
    content, monkeypatch
):
    water = next(
        entry
        for entry in funding_content.AGREEMENT_PROJECTS
        if entry["slug"] == "oskrba-s-pitno-vodo-v-savinjski-regiji-1-sklop"
    )
    monkeypatch.setitem(water, "municipalities", [*water["municipalities"], "zalec"])
    before = snapshot()

    with pytest.raises(CommandError) as error:
        load_content("--update")

    assert str(error.value) == (
        "AgreementProject slug='oskrba-s-pitno-vodo-v-savinjski-regiji-1-sklop': Žalec je "
        "vodilna občina: ne navedite je še med drugimi občinami."
    )
    assert snapshot() == before


def test_the_revision_comment_of_a_large_update_says_how_many_records_it_changed():
    loader = ContentLoader(update=True)
    loader.written = [(Municipality(pk=n, name=f"Občina {n}"), []) for n in range(22)]

    with translation.override("sl"):
        comment = loader.revision_comment()

    assert comment.startswith("Posodobljeno iz vsebinskih datotek: občina »Občina 0«: dodano; ")
    assert "»Občina 19«" in comment
    assert "»Občina 20«" not in comment
    assert comment.endswith("; … (vseh spremenjenih zapisov: 22)")


def marks():
    lead = Partnership.objects.get(project__slug="clean", role="lead")
    primary = ProjectPillar.objects.get(project__slug="life-netopirji", is_primary=True)
    return lead.organisation.slug, primary.pillar.slug


def test_a_plain_run_leaves_the_marks_where_staff_put_them_and_an_update_moves_them_back(
    content,
):
    with reversion.create_revision():
        for slug, role in [("ernact", "partner"), ("anea", "lead")]:
            partnership = Partnership.objects.get(project__slug="clean", organisation__slug=slug)
            partnership.role = role
            partnership.save()
        for slug, is_primary in [("narava", False), ("kultura", True)]:
            pillar = ProjectPillar.objects.get(project__slug="life-netopirji", pillar__slug=slug)
            pillar.is_primary = is_primary
            pillar.save()

    load_content()
    assert marks() == ("anea", "kultura")

    load_content("--update")
    assert marks() == ("ernact", "narava")


def test_a_plain_run_adds_what_the_content_files_gained(content, monkeypatch):
    clean = next(entry for entry in project_content.PROJECTS if entry["slug"] == "clean")
    # The files now make science the project's primary pillar and add Velenje to its places.
    monkeypatch.setitem(clean, "pillars", [("gospodarstvo", False), ("znanost", True)])
    monkeypatch.setitem(clean, "municipalities", ["celje", "velenje"])

    output = load_content().splitlines()

    assert re.fullmatch(
        r"Total: \d+ \(2 created, 0 updated, 1 different, \d+ unchanged\)", output[-2]
    )
    project = Project.objects.get(slug="clean")
    assert set(project.municipalities.values_list("slug", flat=True)) == {"celje", "velenje"}
    # Staff may have chosen the primary pillar: the run adds science without taking the mark.
    assert list(project.project_pillars.values_list("pillar__slug", "is_primary")) == [
        ("gospodarstvo", True),
        ("znanost", False),
    ]

    out = StringIO()
    with pytest.raises(
        CommandError, match=r"^Differences between the database and the content files: 2\.$"
    ):
        call_command("load_content", "--check", stdout=out)
    assert out.getvalue().splitlines() == [
        "ProjectPillar project=clean pillar=gospodarstvo: is_primary: database True, "
        "content files False",
        "ProjectPillar project=clean pillar=znanost: is_primary: database False, "
        "content files True",
    ]

    load_content("--update")
    assert list(project.project_pillars.values_list("pillar__slug", "is_primary")) == [
        ("znanost", True),
        ("gospodarstvo", False),
    ]


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


def test_the_agreement_its_five_categories_and_the_known_projects(content):
    agreement = DevelopmentAgreement.objects.get(period="2014–2020")

    assert [
        (c.name_sl, c.projects_stated, c.projects.count()) for c in agreement.categories.all()
    ] == [
        ("Spodbujanje podjetništva", 9, 6),
        ("Izgradnja regijskega kolesarskega omrežja", 9, 7),
        ("Čiščenje in odvajanje odpadnih voda", 7, 6),
        ("Oskrba s pitno vodo", 3, 2),
        ("Izboljšanje regionalne mobilnosti", 1, 1),
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
    assert project.title_sl == "Navezovalna cesta Ljubečna - AC priključek Celje vzhod"
    assert project.lead_municipality is None
    assert list(project.municipalities.values_list("name", flat=True)) == ["Celje"]
    water = agreement.categories.get(slug="pitna-voda").projects.get(
        slug="oskrba-s-pitno-vodo-v-savinjski-regiji-1-sklop"
    )
    assert water.lead_municipality.name == "Žalec"
    assert sorted(water.municipalities.values_list("name", flat=True)) == [
        "Braslovče",
        "Polzela",
        "Prebold",
        "Tabor",
        "Vransko",
    ]
    assert (water.total_value, water.cohesion_amount, water.eu_amount, water.eu_fund) == (
        Decimal("6216922.00"),
        Decimal("3032409.00"),
        Decimal("2577548.00"),
        "cf",
    )
    assert set(water.discrepancies.values_list("other_value", flat=True)) == {
        "3,8 mio EUR; sofinanciranih 2,7 mio EUR",
        "21. 5. 2022",
    }


def test_the_2021_2027_agreement_and_its_projects(content):
    agreement = DevelopmentAgreement.objects.get(period="2021–2027")

    assert agreement.approved_projects_stated == 30
    assert {c.slug: c.projects.count() for c in agreement.categories.all()} == {
        "2021-podjetnistvo": 1,
        "2021-pitna-voda": 0,
        "2021-odpadne-vode": 0,
        "2021-trajnostna-mobilnost": 2,
        "2021-kolesarske-povezave": 1,
        "2021-zelena-infrastruktura": 0,
    }
    assert all(c.projects_stated is None for c in agreement.categories.all())


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
