"""The folded search columns (regionportal.base.text.FoldedText) stay right on every write path,
the matcher reads them without changing what any box finds, and on PostgreSQL its queries
use the search indexes."""

import dataclasses

import pytest
import reversion
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import BooleanField, F, Func, Q
from django.urls import reverse
from reversion.models import Version

from projects.models import Organisation, Project
from regionportal.base.text import Fold, FoldedText, folded, folded_terms, joined
from regionportal.site.search import (
    SEARCH_TYPES,
    _ranked,
    near_spellings,
    stored_search_vector,
)
from tests.factories import make_organisation, make_partnership, make_project
from tests.imports import confirm, dry_run, xlsx_file

pytestmark = pytest.mark.django_db


def stale_rows(model):
    """The rows whose stored folded columns (and on PostgreSQL, whose stored search vector)
    differ from the database's own fold (and parse) of their fields now."""
    stale = Q()
    for column in model._meta.concrete_fields:
        if isinstance(column, FoldedText):
            stale |= ~Q(**{column.name: Fold(joined(column.folded_fields))})
    if connection.vendor == "postgresql":
        stale |= Q(_search_vector_differs(model))
    return model.objects.filter(stale)


def _search_vector_differs(model):
    """Whether the stored search vector differs from the type's names (weight A) and the rest
    of its searched text (B), folded and parsed now."""
    search_type = next(
        search_type
        for search_type in SEARCH_TYPES
        if search_type.stored_vector and search_type.queryset().model is model
    )
    parsed = SearchVector(
        folded(model, search_type.name_fields), config="simple", weight="A"
    ) + SearchVector(Fold(joined(search_type.text_fields)), config="simple", weight="B")
    return Func(
        stored_search_vector(search_type, model),
        parsed,
        arg_joiner=" IS DISTINCT FROM ",
        template="(%(expressions)s)",
        output_field=BooleanField(),
    )


def search_page(client, query):
    return client.get("/sl/search/", {"q": query}).content.decode()


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_an_edit_in_the_admin_is_found_by_its_new_words_and_not_by_the_old(
    client, admin_client, changeform_data
):
    project = make_project(acronym="SAVA", title_sl="Sava teče")
    data = changeform_data(admin_client.get(admin_url(Project, "change", project.pk)))
    data.update(title_sl="Čezmejni Šoštanj", summary_en="Heating for Žalec")

    response = admin_client.post(admin_url(Project, "change", project.pk), data)

    assert response.status_code == 302
    assert not stale_rows(Project).exists()
    assert "Čezmejni Šoštanj" in search_page(client, "cezmejni sostanj zalec")
    assert "Čezmejni Šoštanj" not in search_page(client, "tece")


def test_an_organisation_edited_in_the_admin_is_found_on_the_partner_list(
    client, admin_client, changeform_data
):
    organisation = make_organisation(name="Zavod Savinja", city="Celje")
    make_partnership(project=make_project(), organisation=organisation)
    data = changeform_data(admin_client.get(admin_url(Organisation, "change", organisation.pk)))
    data.update(name="Občinski zavod Žalec", city="Žalec")

    response = admin_client.post(admin_url(Organisation, "change", organisation.pk), data)

    assert response.status_code == 302
    assert not stale_rows(Organisation).exists()
    assert "Občinski zavod Žalec" in client.get("/sl/partners/", {"q": "zalec"}).text
    assert "Občinski zavod Žalec" not in client.get("/sl/partners/", {"q": "savinja"}).text


def test_an_import_is_found_by_the_words_it_brought(client, editor_client):
    make_project(slug="star", acronym="STAR", title_sl="Star naslov")
    rows = [["slug", "acronym", "title"], ["star", "STAR", "Geotermalna Šmarjeta"]]
    url = "/admin/projects/project/"

    confirm(
        editor_client,
        f"{url}process_import/",
        dry_run(editor_client, f"{url}import/", xlsx_file(rows)),
    )

    assert not stale_rows(Project).exists()
    assert "Geotermalna Šmarjeta" in search_page(client, "smarjeta")
    assert "Geotermalna Šmarjeta" not in search_page(client, "naslov")


def test_a_restore_from_the_history_is_found_by_the_restored_words(
    client, admin_client, changeform_data
):
    with reversion.create_revision():
        project = make_project(acronym="SAVA", title_sl="Sava teče")
    data = changeform_data(admin_client.get(admin_url(Project, "change", project.pk)))
    data["title_sl"] = "Drava teče"
    admin_client.post(admin_url(Project, "change", project.pk), data)
    first = Version.objects.get_for_object(project).last()
    url = admin_url(Project, "revision", project.pk, first.pk)

    assert admin_client.post(url, changeform_data(admin_client.get(url))).status_code == 302

    assert not stale_rows(Project).exists()
    assert "Sava teče" in search_page(client, "sava")
    assert "Drava" not in search_page(client, "drava")


def test_bulk_writes_and_updates_keep_the_column_right(client):
    """The demo data's bulk_create and any queryset update() write no save() of their own."""
    Project.objects.bulk_create(
        [
            Project(
                slug=f"p{number}", acronym=f"BULK{number}", title_sl="Žalska pot", state="published"
            )
            for number in range(3)
        ]
    )
    Organisation.objects.bulk_create([Organisation(slug="o", name="Šentjur d.o.o.", country="SI")])
    Project.objects.filter(slug="p0").update(title_en=F("acronym"), summary_sl="Čebelarstvo")

    assert not stale_rows(Project).exists()
    assert not stale_rows(Organisation).exists()
    assert list(Project.objects.matching("zalska cebelarstvo").values_list("slug", flat=True)) == [
        "p0"
    ]
    assert list(Organisation.objects.matching("SENTJUR")) == [Organisation.objects.get(slug="o")]


def test_the_loaded_content_is_stored_folded(loaded_content, client):
    assert Project.objects.exists()
    assert not stale_rows(Project).exists()
    assert not stale_rows(Organisation).exists()
    project = Project.objects.published().exclude(title_sl="").first()
    assert project.title_sl in search_page(client, project.title_sl.upper())


def test_a_list_finds_only_in_its_own_fields_though_the_column_holds_more(client):
    """The project list searches acronym, titles and summaries; the search page the objectives
    too, all of them in the one stored column."""
    make_project(
        acronym="CILJ", title_sl="Projekt s cilji", objectives_sl="Manj izpustov v Šaleški dolini"
    )

    assert "Projekt s cilji" in search_page(client, "saleski")
    assert "Projekt s cilji" not in client.get("/sl/projects/", {"q": "saleski"}).text
    assert "Projekt s cilji" in client.get("/sl/projects/", {"q": "cilji"}).text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN indexes")
def test_on_postgresql_the_search_and_the_list_filters_use_the_indexes():
    """Each condition the search and the matcher write is one that an index serves: with
    reading the whole table ruled out, and no other index on the table's text, the plans
    read the search indexes (the published() filter is left out: its state index would do,
    and so is the order: so would the period's)."""
    make_project(acronym="TOPLO", title_sl="Toplotna oskrba Šoštanja")
    make_organisation(name="Občina Šoštanj")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    projects = next(search_type for search_type in SEARCH_TYPES if search_type.key == "projects")
    every_project = dataclasses.replace(projects, queryset=Project.objects.all)

    # A typo: the near spellings ("sostanj") are matched in the names too.
    terms = folded_terms("sostaj")
    spellings = near_spellings(terms)
    assert "sostanj" in spellings["sostaj"]
    ranked, matches, _in_names = _ranked(every_project, "sostaj", terms, spellings)
    search_plan = ranked.filter(matches).explain()
    partners = next(search_type for search_type in SEARCH_TYPES if search_type.key == "partners")
    every_partner = dataclasses.replace(partners, queryset=Organisation.objects.all)
    ranked, matches, _in_names = _ranked(every_partner, "sostaj", terms, spellings)
    partner_search_plan = ranked.filter(matches).explain()
    # Unordered: an index on the sort's columns would also avoid reading the whole table.
    list_plan = Project.objects.matching("sostanj").order_by().explain()
    partner_plan = Organisation.objects.matching("sostanj").order_by().explain()

    assert "BitmapOr" in search_plan
    for index in [
        "projects_project_folded_text_trgm",
        "projects_project_folded_name_trgm",
        "projects_project_search_vector",
    ]:
        assert f"Bitmap Index Scan on {index}" in search_plan
    for index in [
        "projects_org_folded_text_trgm",
        "projects_org_folded_name_trgm",
        "projects_organisation_search_vector",
    ]:
        assert f"Bitmap Index Scan on {index}" in partner_search_plan
    # The match reads the stored vector rather than parsing the text of every row.
    assert "to_tsvector" not in search_plan + partner_search_plan
    assert "Bitmap Index Scan on projects_project_folded_text_trgm" in list_plan
    assert "Bitmap Index Scan on projects_org_folded_text_trgm" in partner_plan
