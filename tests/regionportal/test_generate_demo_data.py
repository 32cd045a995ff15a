"""`manage.py generate_demo_data`: realistic published projects on the loaded content, for
benchmarks; refused beside real content without --force; removed exactly by --delete."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Q
from django.utils import translation
from pytest_django.asserts import assertContains
from reversion.models import Revision, Version

from funding.models import Programme
from pillars.models import VisionGoal
from projects.models import Organisation, Partnership, Project, ProjectPillar
from regionportal.base.models import Municipality, Source
from regionportal.site.demo_data import DEMO_SOURCE_SLUG
from tests import factories
from tests.snapshots import snapshot

pytestmark = pytest.mark.django_db


def generate(*options):
    out = StringIO()
    call_command("generate_demo_data", *options, stdout=out)
    return out.getvalue()


def generated_projects():
    return Project.objects.filter(source__slug=DEMO_SOURCE_SLUG)


def generated_organisations():
    return Organisation.objects.filter(source__slug=DEMO_SOURCE_SLUG)


@pytest.fixture
def content(loaded_content, db):
    """The content, loaded once for the module; each test's own changes are rolled back."""


@pytest.fixture
def demo(content):
    """40 generated projects beside the loaded content, in batches of 16; the command's
    output."""
    return generate("--projects", "40", "--force", "--batch-size", "16")


def test_it_makes_published_projects_batch_by_batch_and_sums_up(demo):
    lines = demo.splitlines()
    assert lines[0].startswith("Batch 1/3: 16 of 40 projects, ")
    assert lines[1].startswith("Batch 2/3: 32 of 40 projects, ")
    assert lines[2].startswith("Batch 3/3: 40 of 40 projects, ")
    assert lines[3].startswith("Made 40 published projects in ")
    assert lines[3].endswith("(seed 2030):")
    partnerships = Partnership.objects.filter(project__in=generated_projects()).count()
    assert f"  partnerships: {partnerships} " in demo
    assert generated_projects().count() == 40
    assert generated_projects().published().count() == 40
    assert Project.objects.exclude(source__slug=DEMO_SOURCE_SLUG).count() == 9


def test_partners_come_from_many_countries_and_take_part_in_several_projects(demo):
    partners = Organisation.objects.filter(partnerships__project__in=generated_projects())
    assert partners.exclude(is_agency=True).countries().count() >= 20
    projects_per_organisation = Counter(
        Partnership.objects.filter(organisation__in=generated_organisations()).values_list(
            "organisation", flat=True
        )
    )
    # Every generated organisation takes part; many in several projects, some in many.
    assert len(projects_per_organisation) == generated_organisations().count()
    several = [count for count in projects_per_organisation.values() if count >= 2]
    assert len(several) >= len(projects_per_organisation) / 3
    assert max(projects_per_organisation.values()) >= 5


def test_each_project_has_about_six_partners_one_lead_and_often_the_agency(demo):
    projects = generated_projects().annotate(
        partners=Count("partnerships"),
        leads=Count("partnerships", filter=Q(partnerships__role=Partnership.Role.LEAD)),
    )
    partner_counts = [project.partners for project in projects]
    assert 5 <= sum(partner_counts) / len(partner_counts) <= 7
    assert min(partner_counts) >= 3
    assert {project.leads for project in projects} == {1}
    with_agency = generated_projects().with_agency().count()
    assert 0.25 * 40 <= with_agency <= 0.65 * 40
    assert generated_projects().agency_is_lead().exists()
    assert generated_projects().agency_is_partner().exists()


def test_it_uses_the_loaded_pillars_goals_municipalities_and_programmes(demo):
    projects = generated_projects()
    primaries = projects.annotate(
        primaries=Count("project_pillars", filter=Q(project_pillars__is_primary=True))
    )
    assert {project.primaries for project in primaries} == {1}
    assert ProjectPillar.objects.filter(project__in=projects, is_primary=False).exists()
    goals = set(projects.values_list("goals", flat=True)) - {None}
    assert goals
    assert goals <= set(VisionGoal.objects.values_list("pk", flat=True))
    municipalities = set(projects.values_list("municipalities", flat=True)) - {None}
    assert len(municipalities) >= 20
    assert municipalities <= set(Municipality.objects.in_region().values_list("pk", flat=True))
    programmes = set(projects.values_list("programme", flat=True))
    assert None not in programmes
    assert len(programmes) >= 5
    assert programmes <= set(Programme.objects.values_list("pk", flat=True))
    assert len(set(projects.values_list("status", flat=True))) >= 4


def test_every_generated_record_passes_the_models_checks(demo):
    projects = (
        generated_projects()
        .with_agency_share()
        .prefetch_related("partnerships", "project_pillars", "results")
    )
    for project in projects:
        project.full_clean()
        project.validate_partner_budgets(
            [partnership.budget for partnership in project.partnerships.all()]
        )
        for record in [
            *project.partnerships.all(),
            *project.project_pillars.all(),
            *project.results.all(),
        ]:
            record.full_clean()
        assert datetime.date(2007, 1, 1) <= project.start_date <= project.end_date
        assert project.end_date <= datetime.date(2032, 12, 31)
        if project.agency_share is not None:
            assert project.agency_share <= project.total_budget
        assert project.title_sl
        assert project.title_en != project.title_sl
        assert project.summary_sl
        assert project.summary_en
        assert 1 <= len(project.results.all()) <= 4
    for organisation in generated_organisations():
        organisation.full_clean()
    budgets = Partnership.objects.filter(project__in=projects, budget__isnull=False)
    assert budgets.exists()
    assert not budgets.filter(eu_contribution__gt=F("budget")).exists()
    starts = {project.start_date.year for project in projects}
    assert min(starts) < 2012
    assert max(starts) > 2026


def test_the_list_and_a_generated_projects_page_show_it(demo, client):
    # The list starts with the latest start: a generated project (the loaded ones start earlier).
    first = Project.objects.published().order_by("-start_date", "acronym").first()
    assert first.source.slug == DEMO_SOURCE_SLUG
    count = Project.objects.published().count()
    with translation.override("en"):
        response = client.get("/en/projects/")
        assert response.status_code == 200
        assertContains(response, f"{count} projects")
        assertContains(response, first.title_en)
        page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    assertContains(page, f"<h1>{first.title_en}</h1>", html=True)
    lead = first.partnerships.get(role=Partnership.Role.LEAD).organisation
    assertContains(page, lead.name)
    with translation.override("sl"):
        page = client.get(first.get_absolute_url())
    assert page.status_code == 200
    assertContains(page, first.title_sl)
    assertContains(page, "Generirani demo podatki (manage.py generate_demo_data)")


def test_it_writes_no_history(content):
    versions, revisions = Version.objects.count(), Revision.objects.count()
    generate("--projects", "10", "--force")
    assert generated_projects().count() == 10
    assert (Version.objects.count(), Revision.objects.count()) == (versions, revisions)


def described(projects):
    return [
        (
            project.slug,
            project.title_en,
            project.total_budget,
            project.start_date,
            [
                (partnership.organisation.name, partnership.role, partnership.budget)
                for partnership in project.partnerships.order_by("order")
            ],
        )
        for project in projects.order_by("slug")
    ]


def test_the_same_seed_makes_the_same_data(content):
    generate("--projects", "12", "--force", "--seed", "7")
    first = described(generated_projects())
    generate("--delete")
    generate("--projects", "12", "--force", "--seed", "7", "--batch-size", "5")
    assert described(generated_projects()) == first
    generate("--delete")
    generate("--projects", "12", "--force", "--seed", "8")
    assert described(generated_projects()) != first


def test_a_slug_that_staff_hold_stays_theirs(content):
    generate("--projects", "1", "--force")
    slug = generated_projects().get().slug
    generate("--delete")
    factories.make_project(slug=slug)
    factories.make_project(slug=f"{slug}-2")

    generate("--projects", "1", "--force")

    assert generated_projects().get().slug == f"{slug}-3"


def test_it_refuses_a_database_with_real_content_without_force(content):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        generate("--projects", "5")
    assert str(error.value) == (
        "The database holds 9 projects and 30 organisations (besides the agency) that "
        "generate_demo_data did not make: it looks like the portal's real content, and the "
        "demo projects would be published beside it. Use a database of its own for "
        "benchmarks, or give --force to add them anyway (--delete removes them again)."
    )
    assert snapshot() == before


def test_without_real_content_it_needs_no_force_and_its_own_data_is_not_real(content):
    Project.objects.all().delete()
    Organisation.objects.filter(is_agency=False).delete()
    generate("--projects", "5")
    generate("--projects", "5")
    assert generated_projects().count() == 10
    assert len(set(generated_projects().values_list("slug", flat=True))) == 10


def test_it_needs_the_reference_content(content):
    agency = Organisation.objects.agency()
    agency.partnerships.all().delete()
    agency.delete()
    VisionGoal.objects.all().delete()
    with pytest.raises(CommandError) as error:
        generate("--projects", "5", "--force")
    assert str(error.value) == (
        "The database lacks the reference content the demo projects refer to: vision goals, "
        "the agency (an organisation marked as the agency itself). Run `manage.py "
        "load_content` first."
    )
    assert not Source.objects.filter(slug=DEMO_SOURCE_SLUG).exists()
    assert not generated_projects().exists()


def test_delete_removes_exactly_what_it_made(content):
    # Staff's records whose slugs look like generated ones, with a source of their own.
    generate("--projects", "3", "--force")
    lookalike_slug = generated_projects().first().slug
    organisation_slug = generated_organisations().first().slug
    generate("--delete")
    staff_source = factories.make_source(title="Zapisnik sestanka")
    staff_project = factories.make_project(slug=f"{lookalike_slug}-0", source=staff_source)
    staff_organisation = factories.make_organisation(slug=f"{organisation_slug}-0")
    factories.make_partnership(project=staff_project, organisation=staff_organisation)
    before = snapshot()

    generate("--projects", "40", "--force")
    made = generated_organisations().count()
    output = generate("--delete")

    assert output.splitlines()[-1].startswith(
        f"Deleted 40 generated projects and {made} generated organisations in "
    )
    assert snapshot() == before


def test_delete_keeps_a_generated_organisation_staff_made_a_partner(demo):
    organisation = generated_organisations().first()
    staff_project = factories.make_project(slug="staff-project")
    factories.make_partnership(project=staff_project, organisation=organisation)

    output = generate("--delete")

    assert output.splitlines()[-1] == (
        "Generated organisations kept because they take part in projects generate_demo_data "
        "did not make (with the source that marks them): 1."
    )
    assert not generated_projects().exists()
    assert list(generated_organisations()) == [organisation]
    assert staff_project.partnerships.get().organisation == organisation


def test_delete_twice_is_harmless(demo):
    generate("--delete")
    after_first = snapshot()
    assert generate("--delete") == "No generated demo data to delete.\n"
    assert snapshot() == after_first
    assert not Source.objects.filter(slug=DEMO_SOURCE_SLUG).exists()
