"""Figures over all the published content kept per content version
(regionportal.base.page_cache.kept_per_content_version): counted once per version, and every
kind of content change is in them on the next request, with the page cache off, so that only
the kept figures could be stale."""

import re
import time
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects.models import Organisation
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.publishing import withdraw
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(settings):
    """An anonymous visitor, with the page cache off: a page is made anew on every request."""
    settings.PAGE_CACHE = False
    return Client()


def home_figure(visitor, label):
    text = visitor.get("/sl/").text
    found = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", text)
    assert found, f"no figure {label!r} on the home page"
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("\xa0", " ")


def country_options(visitor):
    return re.findall(r'<option value="([A-Z]{2})"', visitor.get("/sl/projects/").text)


def change_url(record):
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def test_a_kept_figure_is_counted_once_per_content_version():
    counted = []

    def count():
        counted.append(len(counted) + 1)
        return counted[-1]

    assert kept_per_content_version("test-figure", count) == 1
    assert kept_per_content_version("test-figure", count) == 1
    factories.make_project()
    assert kept_per_content_version("test-figure", count) == 2
    assert kept_per_content_version("test-figure", count) == 2


def test_a_page_made_anew_counts_its_figures_once_per_content_version(visitor):
    factories.make_full_project()
    with CaptureQueriesContext(connection) as first:
        visitor.get("/sl/")
    with CaptureQueriesContext(connection) as again:
        visitor.get("/sl/")
    assert len(again) < len(first)
    assert not any("SUM(" in query["sql"] for query in again.captured_queries)


def test_an_admin_save(visitor, admin_client, changeform_data):
    project = factories.make_full_project(total_budget=Decimal("1000000.00"))
    assert home_figure(visitor, "Skupni proračun projektov") == "1.000.000,00 €"
    data = changeform_data(admin_client.get(change_url(project)))
    data["total_budget"] = "2500000"
    assert admin_client.post(change_url(project), data).status_code == 302
    assert home_figure(visitor, "Skupni proračun projektov") == "2.500.000,00 €"


def test_an_admin_delete(visitor, admin_client):
    factories.make_project()
    project = factories.make_project()
    assert home_figure(visitor, "Projekti") == "2"
    delete = reverse("admin:projects_project_delete", args=[project.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert home_figure(visitor, "Projekti") == "1"


def test_an_inline_change(visitor, admin_client, changeform_data):
    project = factories.make_full_project(partners=1)
    assert country_options(visitor) == ["AT"]
    data = changeform_data(admin_client.get(change_url(project)))
    croatian = factories.make_organisation(country="HR")
    data["partnerships-1-organisation"] = str(croatian.pk)
    assert admin_client.post(change_url(project), data).status_code == 302
    assert country_options(visitor) == ["HR"]


def test_a_save_of_a_related_record(visitor):
    factories.make_full_project(partners=1)
    assert country_options(visitor) == ["AT"]
    partner = Organisation.objects.get(country="AT")
    partner.country = "IT"
    partner.save()
    assert country_options(visitor) == ["IT"]


def test_a_many_to_many_change(visitor, admin_client, changeform_data):
    project = factories.make_full_project()
    celje = factories.make_municipality(name="Celje")
    assert project.acronym not in visitor.get(celje.get_absolute_url()).text
    data = changeform_data(admin_client.get(change_url(project)))
    data["municipalities"] = [str(celje.pk)]
    assert admin_client.post(change_url(project), data).status_code == 302
    assert project.acronym in visitor.get(celje.get_absolute_url()).text


def test_a_workflow_step(visitor, publisher):
    factories.make_project()
    project = factories.make_project()
    assert home_figure(visitor, "Projekti") == "2"
    withdraw(record=project, user=publisher, comment="Napačni podatki")
    assert home_figure(visitor, "Projekti") == "1"


def test_load_content(visitor):
    assert home_figure(visitor, "Projekti") == "0"
    call_command("load_content", stdout=StringIO())
    assert int(home_figure(visitor, "Projekti")) > 0


def test_a_scheduled_publication_coming_due(visitor):
    factories.make_project()
    # The page is made once first, so that making it again is quick, well within the seconds
    # before the publication is due even on a busy machine.
    visitor.get("/sl/")
    due = timezone.now() + timedelta(seconds=3)
    factories.make_project(publish_at=due)
    assert home_figure(visitor, "Projekti") == "1"
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert home_figure(visitor, "Projekti") == "2"


def test_a_lists_count_is_new_after_a_change(visitor):
    """The number of rows of a list (and so of its pages) is kept per content version for each
    query, on the page and in the API."""
    factories.make_project(status="completed")
    assert visitor.get("/api/v1/projects/?status=completed").json()["count"] == 1
    assert "1 project<" in visitor.get("/en/projects/?status=completed").text
    factories.make_project(status="completed")
    factories.make_project(status="idea")
    assert visitor.get("/api/v1/projects/?status=completed").json()["count"] == 2
    assert visitor.get("/api/v1/projects/").json()["count"] == 3
    assert "2 projects<" in visitor.get("/en/projects/?status=completed").text


def test_the_agreement_page_shows_a_change_of_its_projects_and_municipalities(visitor, publisher):
    """The agreement page's agreements, categories, projects and their municipalities are kept
    per content version, as a whole."""
    url = reverse("funding:agreement")
    investment = factories.make_agreement_project(title_sl="Kolesarska pot")
    assert "Kolesarska pot" in visitor.get(url).text
    investment.title_sl = "Sončna elektrarna"
    investment.save()
    assert "Sončna elektrarna" in visitor.get(url).text
    investment.municipalities.set([factories.make_municipality(name="Žalec")])
    assert "Žalec" in visitor.get(url).text
    withdraw(record=investment, user=publisher, comment="Ni več v dogovoru.")
    assert "Sončna elektrarna" not in visitor.get(url).text
