"""The admin's change forms: grouped in fieldsets that lose no field, compact inlines whose inputs
are labelled, and a summary of a rejected edit's errors at the top, each a link to its field."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Project
from tests import factories

PORTAL_APPS = {"regionportal", "pillars", "funding", "projects"}
# The admins where staff edit content; not the discrepancies' own list (they are edited as
# inlines) nor the link checks (read only: only check_links writes them).
CONTENT_ADMINS = [
    model_admin
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label in PORTAL_APPS
    and model._meta.model_name not in {"sourcediscrepancy", "linkcheck", "importlog"}
]


def snapshot(project):
    """What the database holds of a project's dates and of its partners' money."""
    project = Project.objects.get(pk=project.pk)
    partners = sorted(project.partnerships.values_list("pk", "budget", "eu_contribution"))
    return project.start_date, project.end_date, partners


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


@pytest.mark.parametrize("model_admin", CONTENT_ADMINS, ids=str)
def test_fieldsets_show_every_field_of_the_form(model_admin, rf, admin_user):
    """The fieldsets name every field that the admin's form would have without them (a field left
    out of the fieldsets is left out of the form, and could no longer be edited)."""
    request = rf.get("/")
    request.user = admin_user
    shown = flatten_fieldsets(model_admin.get_fieldsets(request))
    every_field = [
        *model_admin.get_form(request, fields=None).base_fields,
        *model_admin.get_readonly_fields(request),
    ]
    assert model_admin.fieldsets
    assert sorted(shown) == sorted(every_field)


def error_summary(response):
    """The error summary's heading and its links as (address, text), in the page's order."""
    match = re.search(r'<div class="error-summary".*?</div>', response.text, re.DOTALL)
    assert match, "no error summary on the page"
    summary = match.group(0)
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", summary, re.DOTALL).group(1).strip()
    links = re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary, re.DOTALL)
    return heading, links


@pytest.mark.django_db
def test_the_summary_links_each_error_to_its_field_and_nothing_is_saved(
    admin_client, changeform_data
):
    project = factories.make_full_project()
    before = snapshot(project)
    data = changeform_data(admin_client.get(change_url(project)))
    data["end_date"] = "2019-12-31"  # before the start
    data["partnerships-1-budget"] = "-5"
    data["partnerships-2-eu_contribution"] = "veliko"

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    heading, links = error_summary(response)
    assert heading == "Prosimo, popravite spodnje napake."
    assert links == [
        ("id_end_date", "Konec: Konec ne more biti pred začetkom."),
        (
            "id_partnerships-1-budget",
            "Partnerstva, vrstica 2: Proračun (EUR): "
            "Poskrbite, da bo ta vrednost večja ali enaka 0.",
        ),
        (
            "id_partnerships-2-eu_contribution",
            "Partnerstva, vrstica 3: Prispevek EU (EUR): Vnesite število.",
        ),
    ]
    for address, _text in links:
        assert f'id="{address}"' in response.text
    assert 'role="alert"' in response.text
    assert snapshot(project) == before


@pytest.mark.django_db
def test_an_error_of_the_partners_together_links_to_their_group(admin_client, changeform_data):
    project = factories.make_full_project(total_budget=1000, partners=1)
    data = changeform_data(admin_client.get(change_url(project)))
    data["partnerships-0-budget"] = "900"
    data["partnerships-1-budget"] = "900"

    response = admin_client.post(change_url(project), data)

    heading, links = error_summary(response)
    assert heading == "Prosimo, popravite spodnjo napako."
    assert links == [
        (
            "partnerships-group",
            "Partnerstva: Proračuni partnerjev skupaj znašajo 1.800,00 €, kar presega skupni "
            "proračun projekta (1.000,00 €).",
        )
    ]
    assert 'id="partnerships-group"' in response.text


@pytest.mark.django_db
def test_a_form_without_errors_has_no_summary(admin_client):
    response = admin_client.get(change_url(factories.make_full_project()))
    assertNotContains(response, 'class="error-summary"')
    assertContains(response, "js/admin-change-form")


@pytest.mark.django_db
def test_a_constraint_of_an_inline_row_links_to_the_rows_field(admin_client, changeform_data):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    index = int(data["project_pillars-TOTAL_FORMS"])
    data["project_pillars-TOTAL_FORMS"] = str(index + 1)
    data[f"project_pillars-{index}-pillar"] = data["project_pillars-0-pillar"]  # the same again

    response = admin_client.post(change_url(project), data)

    _heading, links = error_summary(response)
    assert links == [
        (
            f"id_project_pillars-{index}-pillar",
            f"Stebri projekta, vrstica {index + 1}: Steber: Projekt že ima ta steber.",
        )
    ]
    assert project.project_pillars.count() == 1


@pytest.mark.django_db
def test_each_input_of_an_inline_row_is_named_by_its_column(admin_client):
    project = factories.make_full_project(partners=1)

    response = admin_client.get(change_url(project))

    for row in ["0", "1", "__prefix__"]:
        assertContains(response, f'aria-label="Proračun (EUR)" id="id_partnerships-{row}-budget"')
        assertContains(response, f'aria-label="Vloga" id="id_partnerships-{row}-role"')
    assertContains(response, 'aria-label="Izbriši" id="id_partnerships-0-DELETE"')
    assertContains(response, 'aria-label="Oznaka [sl]" id="id_links-0-label_sl"')
    # An autocomplete's own <select>, inside the admin's wrapper with its links.
    assertContains(response, 'aria-label="Organizacija" id="id_partnerships-0-organisation"')
    # A row stacked with labels of its own needs none.
    assertContains(response, 'id="id_results-0-title_sl"')
    assertNotContains(response, 'aria-label="Naslov [sl]" id="id_results-0-title_sl"')
    # No empty row until "add another" is clicked.
    assert 'id="id_partnerships-2-budget"' not in response.text
