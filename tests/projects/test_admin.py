"""The project and organisation admin: its list, rejected edits in Slovenian, and history."""

import datetime
from decimal import Decimal

import pytest
import reversion
from django.urls import reverse
from pytest_django.asserts import assertContains
from reversion.models import Version

from projects.models import Organisation, Partnership, Project
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:projects_project_changelist")
ADD = reverse("admin:projects_project_add")


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def field_error(prefix, message):
    """The error list the admin shows under a field, e.g. prefix "end_date" or
    "partnerships-1-role"."""
    return f'<ul class="errorlist" id="id_{prefix}_error"><li>{message}</li></ul>'


def add_row(data, formset, **fields):
    """Add one more row to an inline formset in posted admin form data."""
    fields.setdefault("order", 0)
    index = int(data[f"{formset}-TOTAL_FORMS"])
    data[f"{formset}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{formset}-{index}-{name}"] = str(value)
    return index


def snapshot(project):
    """What the database holds of a project and its partners."""
    project = Project.objects.get(pk=project.pk)
    partners = sorted(
        project.partnerships.values_list("organisation_id", "role", "budget"), key=str
    )
    return project.title_sl, project.end_date, project.total_budget, partners


def test_changelist_shows_the_agencys_share_and_period(admin_client):
    agency = factories.make_agency()
    project = factories.make_full_project(
        acronym="INNOVASPA",
        agency=agency,
        start_date=datetime.date(2019, 1, 1),
        start_precision="year",
        end_date=datetime.date(2022, 6, 1),
        end_precision="year",
        total_budget=Decimal("1598948.00"),
    )
    Partnership.objects.filter(project=project, organisation=agency).update(
        budget=Decimal("212345.50")
    )

    response = admin_client.get(CHANGELIST)

    assert response.status_code == 200
    assert "INNOVASPA" in response.text
    assert "212.345,50 €" in response.text
    assert "1.598.948,00 €" in response.text
    assert "2019–2022" in response.text


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"q": "INNOVA"}, True),
        ({"q": "Termalni"}, True),  # a partner's name
        ({"q": "nothing-like-it"}, False),
        ({"partner_country": "AT"}, True),
        ({"partner_country": "HR"}, False),
        ({"start_year": "2019"}, True),
        ({"start_year": "2021"}, False),
        ({"status": "completed"}, True),
    ],
)
def test_changelist_search_and_filters(admin_client, query, found):
    project = factories.make_full_project(
        acronym="INNOVASPA", start_date=datetime.date(2019, 3, 1), status="completed"
    )
    factories.make_partnership(
        project=project, organisation=factories.make_organisation(name="Termalni center")
    )
    factories.make_project(acronym="OTHER", start_date=datetime.date(2020, 3, 1))

    response = admin_client.get(CHANGELIST, query)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == ([project] if found else [])


def test_changelist_filters_by_pillar_and_programme(admin_client):
    project = factories.make_full_project(programme=factories.make_programme())
    factories.make_project()
    pillar = project.pillars.get()

    by_pillar = admin_client.get(CHANGELIST, {"pillars__id__exact": pillar.pk})
    by_programme = admin_client.get(CHANGELIST, {"programme__id__exact": project.programme_id})

    assert list(by_pillar.context["cl"].result_list) == [project]
    assert list(by_programme.context["cl"].result_list) == [project]


def test_end_before_start_is_shown_next_to_the_end(admin_client, changeform_data):
    project = factories.make_full_project()
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    data["end_date"] = "2019-12-31"
    data["title_sl"] = "Nov naslov"

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == [
        "Konec ne more biti pred začetkom."
    ]
    assert field_error("end_date", "Konec ne more biti pred začetkom.") in response.text
    assert snapshot(project) == before


def test_negative_budget_is_shown_next_to_the_budget(admin_client, changeform_data):
    project = factories.make_full_project()
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    data["total_budget"] = "-5"

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    message = "Poskrbite, da bo ta vrednost večja ali enaka 0."
    assert field_error("total_budget", message) in response.text
    assert snapshot(project) == before


def test_a_second_lead_partner_is_refused(admin_client, changeform_data):
    project = factories.make_full_project()
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    row = add_row(data, "partnerships", organisation=factories.make_organisation().pk, role="lead")

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    message = "Projekt ima lahko le enega vodilnega partnerja."
    assert field_error(f"partnerships-{row}-role", message) in response.text
    assert snapshot(project) == before


def test_two_new_lead_partners_on_a_new_project_are_refused(admin_client, changeform_data):
    data = changeform_data(admin_client.get(ADD))
    data.update(acronym="NEW", slug="new", title_sl="Nov projekt", total_budget="1000")
    add_row(data, "partnerships", organisation=factories.make_agency().pk, role="lead")
    row = add_row(data, "partnerships", organisation=factories.make_organisation().pk, role="lead")

    response = admin_client.post(ADD, data)

    assert response.status_code == 200
    message = "Projekt ima lahko le enega vodilnega partnerja."
    assert field_error(f"partnerships-{row}-role", message) in response.text
    assert not Project.objects.exists()
    assert not Partnership.objects.exists()


def partner_budgets_error(message):
    """The error list the admin shows above the partners of a project."""
    return f'<ul class="errorlist nonform"><li>{message}</li></ul>'


def test_partner_budgets_above_the_total_are_refused_and_nothing_is_saved(
    admin_client, changeform_data
):
    project = factories.make_full_project(total_budget=Decimal("500000.00"), partners=1)
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    data["title_sl"] = "Nov naslov"
    data["partnerships-0-budget"] = "300000"  # the agency, until now 200 000
    data["partnerships-1-budget"] = "300000"  # until now unknown

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    message = (
        "Proračuni partnerjev skupaj znašajo 600.000,00 €, kar presega skupni proračun "
        "projekta (500.000,00 €)."
    )
    assertContains(response, partner_budgets_error(message), html=True)
    assert snapshot(project) == before


def test_partner_budgets_above_the_total_are_refused_in_english_for_english_staff(
    admin_client, changeform_data
):
    project = factories.make_full_project(total_budget=Decimal("500000.00"), partners=1)
    data = changeform_data(admin_client.get(change_url(project)))
    data["partnerships-1-budget"] = "300000.50"

    response = admin_client.post(change_url(project), data, headers={"accept-language": "en"})

    assert response.status_code == 200
    message = (
        "The partners' budgets add up to €500,000.50, more than the project's total budget "
        "of €500,000.00."
    )
    assertContains(response, partner_budgets_error(message), html=True)


def test_partner_budgets_equal_to_the_total_are_saved(admin_client, changeform_data):
    project = factories.make_full_project(total_budget=Decimal("500000.00"), partners=1)
    data = changeform_data(admin_client.get(change_url(project)))
    data["partnerships-1-budget"] = "300000"  # with the agency's 200 000

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 302
    assert snapshot(project)[3][1][2] == Decimal("300000.00")


def test_a_partner_deleted_in_the_same_submit_does_not_count(admin_client, changeform_data):
    project = factories.make_full_project(total_budget=Decimal("500000.00"), partners=1)
    Partnership.objects.filter(project=project, role="partner").update(budget=Decimal("300000"))
    data = changeform_data(admin_client.get(change_url(project)))
    data["partnerships-1-DELETE"] = "on"
    replacement = factories.make_organisation()
    add_row(data, "partnerships", organisation=replacement.pk, role="partner", budget="300000")

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 302
    assert sorted(project.partnerships.values_list("organisation", "budget")) == sorted(
        [
            (project.partnerships.get(role="lead").organisation_id, Decimal("200000.00")),
            (replacement.pk, Decimal("300000.00")),
        ]
    )


def test_a_total_lowered_below_the_partner_budgets_is_refused(admin_client, changeform_data):
    """Only the project's total changes on the page; the partners' saved budgets count."""
    project = factories.make_full_project(total_budget=Decimal("1000000.00"), partners=1)
    Partnership.objects.filter(project=project, role="partner").update(budget=Decimal("300000"))
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    data["total_budget"] = "450000.00"

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    message = (
        "Proračuni partnerjev skupaj znašajo 500.000,00 €, kar presega skupni proračun "
        "projekta (450.000,00 €)."
    )
    assertContains(response, partner_budgets_error(message), html=True)
    # Above the partners, and once more in the summary of the errors at the top of the form.
    assert response.text.count(message) == 2
    assert snapshot(project) == before


def test_partner_budgets_above_the_total_of_a_new_project_are_refused(
    admin_client, changeform_data
):
    data = changeform_data(admin_client.get(ADD))
    data.update(acronym="NEW", slug="new", title_sl="Nov projekt", total_budget="1000")
    add_row(
        data, "partnerships", organisation=factories.make_agency().pk, role="lead", budget="600"
    )
    add_row(
        data,
        "partnerships",
        organisation=factories.make_organisation().pk,
        role="partner",
        budget="400.01",
    )

    response = admin_client.post(ADD, data)

    assert response.status_code == 200
    message = (
        "Proračuni partnerjev skupaj znašajo 1.000,01 €, kar presega skupni proračun "
        "projekta (1.000,00 €)."
    )
    assertContains(response, partner_budgets_error(message), html=True)
    assert not Project.objects.exists()
    assert not Partnership.objects.exists()


def test_eu_contribution_above_the_budget_is_shown_next_to_it(admin_client, changeform_data):
    project = factories.make_full_project()
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    data["partnerships-0-eu_contribution"] = "300000"  # the budget is 200 000

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    message = "Prispevek EU ne sme presegati proračuna."
    assert field_error("partnerships-0-eu_contribution", message) in response.text
    assert snapshot(project) == before


def test_two_primary_pillars_are_refused(admin_client, changeform_data):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    row = add_row(data, "project_pillars", pillar=factories.make_pillar().pk, is_primary="on")

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    message = "Projekt ima lahko le en glavni steber."
    assert field_error(f"project_pillars-{row}-is_primary", message) in response.text
    assert project.project_pillars.count() == 1


def test_a_valid_new_project_with_partners_is_saved(admin_client, changeform_data):
    data = changeform_data(admin_client.get(ADD))
    data.update(acronym="NEW", slug="new", title_sl="Nov projekt", total_budget="1000")
    add_row(
        data, "partnerships", organisation=factories.make_agency().pk, role="lead", budget="600"
    )
    add_row(data, "partnerships", organisation=factories.make_organisation().pk, role="partner")

    response = admin_client.post(ADD, data)

    assert response.status_code == 302
    project = Project.objects.with_agency_share().get(slug="new")
    assert project.partnerships.count() == 2
    assert project.agency_share == Decimal("600.00")


def test_a_second_agency_is_shown_next_to_the_mark(admin_client, changeform_data):
    factories.make_agency()
    organisation = factories.make_organisation()
    url = reverse("admin:projects_organisation_change", args=[organisation.pk])
    data = changeform_data(admin_client.get(url))
    data["is_agency"] = "on"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    message = "Kot agencija je označena že druga organizacija."
    assert field_error("is_agency", message) in response.text
    assert Organisation.objects.filter(is_agency=True).count() == 1


def test_organisation_search_and_filters(admin_client):
    url = reverse("admin:projects_organisation_changelist")
    austrian = factories.make_organisation(name="Energieagentur", acronym="EA", country="AT")
    factories.make_organisation(name="Občina Celje", city="Celje")

    assert list(admin_client.get(url, {"q": "EA"}).context["cl"].result_list) == [austrian]
    assert list(admin_client.get(url, {"country": "AT"}).context["cl"].result_list) == [austrian]


def test_an_edit_is_undone_from_the_history(admin_client, changeform_data):
    with reversion.create_revision():
        project = factories.make_full_project(title_sl="Prvi naslov")
    partners_before = snapshot(project)[3]

    data = changeform_data(admin_client.get(change_url(project)))
    data["title_sl"] = "Drugi naslov"
    data["partnerships-1-DELETE"] = "on"
    assert admin_client.post(change_url(project), data).status_code == 302
    assert snapshot(project)[0] == "Drugi naslov"
    assert len(snapshot(project)[3]) == len(partners_before) - 1

    history = admin_client.get(reverse("admin:projects_project_history", args=[project.pk]))
    assert history.status_code == 200
    first_version = Version.objects.get_for_object(project).order_by("pk").first()
    revision_url = reverse("admin:projects_project_revision", args=[project.pk, first_version.pk])
    assert revision_url in history.text

    response = admin_client.get(revision_url)
    assert response.status_code == 200
    assert "Prvi naslov" in response.text
    assert snapshot(project)[0] == "Drugi naslov"  # looking at a version changes nothing

    response = admin_client.post(revision_url, changeform_data(response))
    assert response.status_code == 302
    assert snapshot(project)[0] == "Prvi naslov"
    assert snapshot(project)[3] == partners_before


def test_a_deleted_project_is_recovered(admin_client, changeform_data):
    with reversion.create_revision():
        project = factories.make_full_project(acronym="GONE")
    before = snapshot(project)

    response = admin_client.post(
        reverse("admin:projects_project_delete", args=[project.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert not Partnership.objects.filter(project_id=project.pk).exists()

    recover_list = admin_client.get(reverse("admin:projects_project_recoverlist"))
    assert recover_list.status_code == 200
    assert "GONE" in recover_list.text
    deleted_version = Version.objects.get_deleted(Project).get()
    recover_url = reverse("admin:projects_project_recover", args=[deleted_version.pk])

    response = admin_client.get(recover_url)
    assert response.status_code == 200
    response = admin_client.post(recover_url, changeform_data(response))

    assert response.status_code == 302
    assert snapshot(project) == before
    assert Project.objects.get(pk=project.pk).project_pillars.count() == 1


def test_an_editor_finds_partners_by_autocomplete(editor_client):
    factories.make_organisation(name="Energieagentur Steiermark")
    factories.make_organisation(name="Občina Celje")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "projects",
            "model_name": "partnership",
            "field_name": "organisation",
            "term": "Energie",
        },
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == [
        "Energieagentur Steiermark"
    ]


@pytest.mark.parametrize("year", ["not-a-year", "0", "10000", "99999999999999999999", "²"])
def test_a_start_year_that_is_not_a_year_finds_nothing(admin_client, year):
    factories.make_project()
    response = admin_client.get(CHANGELIST, {"start_year": year})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
