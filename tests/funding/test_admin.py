"""The funding admin: programmes, the development agreement and its projects."""

from decimal import Decimal

import pytest
from django.urls import reverse

from funding.models import AgreementCategory
from tests import factories

pytestmark = pytest.mark.django_db


def field_error(prefix, message):
    return f'<ul class="errorlist" id="id_{prefix}_error"><li>{message}</li></ul>'


def test_committed_funds_above_the_total_are_shown_next_to_them(admin_client, changeform_data):
    agreement = factories.make_agreement(total_value=Decimal("1000"))
    url = reverse("admin:funding_developmentagreement_change", args=[agreement.pk])
    data = changeform_data(admin_client.get(url))
    data["committed_funds"] = "2000"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    message = "Zavezana sredstva ne smejo presegati skupne vrednosti projektov."
    assert field_error("committed_funds", message) in response.text
    agreement.refresh_from_db()
    assert agreement.committed_funds is None


def test_an_agreement_is_edited_with_its_categories(admin_client, changeform_data):
    category = factories.make_category(name_sl="Cestna infrastruktura")
    url = reverse("admin:funding_developmentagreement_change", args=[category.agreement_id])
    data = changeform_data(admin_client.get(url))
    data["categories-0-projects_stated"] = "7"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    category.refresh_from_db()
    assert category.projects_stated == 7


def test_a_category_slug_used_twice_is_shown_next_to_the_slug(admin_client, changeform_data):
    category = factories.make_category(slug="ceste")
    url = reverse("admin:funding_developmentagreement_change", args=[category.agreement_id])
    data = changeform_data(admin_client.get(url))
    data.update(
        {
            "categories-TOTAL_FORMS": "2",
            "categories-1-slug": "ceste",
            "categories-1-order": "1",
            "categories-1-name_sl": "Ceste, drugič",
            "categories-1-projects_stated": "2",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    message = "Ta dogovor že ima kategorijo s to oznako URL."
    assert field_error("categories-1-slug", message) in response.text
    assert AgreementCategory.objects.count() == 1


def test_cohesion_funds_above_a_projects_value_are_refused(admin_client, changeform_data):
    project = factories.make_agreement_project(total_value=Decimal("100"))
    url = reverse("admin:funding_agreementproject_change", args=[project.pk])
    data = changeform_data(admin_client.get(url))
    data["cohesion_amount"] = "150"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    message = "Kohezijska sredstva ne smejo presegati skupne vrednosti projekta."
    assert field_error("cohesion_amount", message) in response.text
    project.refresh_from_db()
    assert project.cohesion_amount is None


def test_the_lead_municipality_among_the_others_is_refused_on_the_field(
    admin_client, changeform_data
):
    zalec = factories.make_municipality(name="Žalec")
    polzela = factories.make_municipality(name="Polzela")
    project = factories.make_agreement_project(lead_municipality=zalec, municipalities=[polzela])
    url = reverse("admin:funding_agreementproject_change", args=[project.pk])
    data = changeform_data(admin_client.get(url))
    data["municipalities"] = [str(polzela.pk), str(zalec.pk)]
    data["title_sl"] = "Spremenjen naslov"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    message = "Žalec je vodilna občina: ne navedite je še med drugimi občinami."
    assert field_error("municipalities", message) in response.text
    project.refresh_from_db()
    assert project.title_sl != "Spremenjen naslov"
    assert list(project.municipalities.all()) == [polzela]


def test_a_projects_lead_and_other_municipalities_are_saved(admin_client, changeform_data):
    zalec = factories.make_municipality(name="Žalec")
    polzela = factories.make_municipality(name="Polzela")
    project = factories.make_agreement_project()
    url = reverse("admin:funding_agreementproject_change", args=[project.pk])
    data = changeform_data(admin_client.get(url))
    data.update(
        {
            "lead_municipality": str(zalec.pk),
            "municipalities": [str(polzela.pk)],
            "status": "completed",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.lead_municipality, project.status) == (zalec, "completed")
    assert list(project.municipalities.all()) == [polzela]


def test_eu_funds_above_the_cohesion_funds_are_refused_on_the_field(admin_client, changeform_data):
    project = factories.make_agreement_project(
        total_value=Decimal("100"), cohesion_amount=Decimal("60")
    )
    url = reverse("admin:funding_agreementproject_change", args=[project.pk])
    data = changeform_data(admin_client.get(url))
    data["eu_amount"] = "80"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    message = "Sredstva EU so del kohezijskih sredstev in jih ne smejo presegati."
    assert field_error("eu_amount", message) in response.text
    project.refresh_from_db()
    assert project.eu_amount is None


def test_agreement_projects_filter_by_category_and_municipality(admin_client):
    url = reverse("admin:funding_agreementproject_changelist")
    celje = factories.make_municipality(name="Celje")
    in_celje = factories.make_agreement_project(municipalities=[celje])
    factories.make_agreement_project()

    by_municipality = admin_client.get(url, {"municipalities__id__exact": celje.pk})
    by_category = admin_client.get(url, {"category__id__exact": in_celje.category_id})

    assert list(by_municipality.context["cl"].result_list) == [in_celje]
    assert list(by_category.context["cl"].result_list) == [in_celje]


def test_programmes_filter_by_kind_and_eu_funding(admin_client):
    url = reverse("admin:funding_programme_changelist")
    life = factories.make_programme(kind="life", is_eu_funded=True)
    factories.make_programme(kind="national")

    for query in [{"kind__exact": "life"}, {"is_eu_funded__exact": "1"}]:
        response = admin_client.get(url, query)
        assert list(response.context["cl"].result_list) == [life], query


def test_municipality_search_and_filters(admin_client):
    url = reverse("admin:regionportal_municipality_changelist")
    celje = factories.make_municipality(name="Celje", iso_code="SI-011", is_urban=True)
    factories.make_municipality(name="Vojnik", iso_code="SI-133")

    for query in [
        {"q": "Celje"},
        {"q": "SI-011"},
        {"is_urban__exact": "1"},
        {"region__id__exact": celje.region_id},
    ]:
        response = admin_client.get(url, query)
        assert list(response.context["cl"].result_list) == [celje], query
