"""The admin's "Zadnje spremembe" (/admin/changes/) and the field-level differences of each record's
history page (regionportal.base.history)."""

import csv
import io
import json

import pytest
import reversion
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from funding.models import Programme
from projects.models import Project
from regionportal.base import history
from tests import factories
from tests.staff import log_in_verified

CHANGES = "/admin/changes/"


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def versioned(make, *args, **fields):
    """A record made as load_content makes it: in a revision, so that its history has a start."""
    with reversion.create_revision():
        reversion.set_comment("Naloženo z ukazom load_content.")
        return make(*args, **fields)


def change_in_admin(client, changeform_data, record, **values):
    url = admin_url(type(record), "change", record.pk)
    data = changeform_data(client.get(url))
    data.update(values)
    return post_change(client, url, data)


def post_change(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return response


def form_errors(response):
    errors = [response.context["adminform"].form.errors]
    errors += [inline.formset.errors for inline in response.context["inline_admin_formsets"]]
    errors += [
        inline.formset.non_form_errors() for inline in response.context["inline_admin_formsets"]
    ]
    return errors


def text_of(response):
    return response.content.decode()


def table_of(response):
    """The page's table of changes (not the messages above it), or "" where it has none."""
    page = text_of(response)
    start = page.find('<table id="recent-changes"')
    return page[start : page.index("</table>", start)] if start >= 0 else ""


@pytest.fixture
def editor_named(editor):
    editor.first_name, editor.last_name = "Ana", "Novak"
    editor.save()
    return editor


@pytest.mark.django_db
def test_admin_edits_appear_with_who_what_and_old_to_new(
    editor_named, editor_client, changeform_data
):
    project = versioned(factories.make_project, title_sl="Stari naslov", acronym="STARI")
    programme = versioned(factories.make_programme, name_sl="Program A")
    organisation = versioned(factories.make_organisation, name="Občina Celje")

    change_in_admin(editor_client, changeform_data, project, title_sl="Novi naslov")
    data = changeform_data(editor_client.get(admin_url(Project, "change", project.pk)))
    data.update(
        {
            "partnerships-TOTAL_FORMS": "1",
            "partnerships-0-organisation": str(organisation.pk),
            "partnerships-0-role": "partner",
            "partnerships-0-order": "1",
            "partnerships-0-budget": "1234.50",
        }
    )
    post_change(editor_client, admin_url(Project, "change", project.pk), data)
    change_in_admin(editor_client, changeform_data, programme, name_sl="Program B")
    doomed = versioned(factories.make_project, acronym="IZBRIS")
    response = editor_client.post(admin_url(Project, "delete", doomed.pk), {"post": "yes"})
    assert response.status_code == 302

    response = editor_client.get(CHANGES)
    assert response.status_code == 200
    page = text_of(response)
    assert page.count("<h1") == 1
    assert "Zadnje spremembe" in page
    assert "Ana Novak" in page
    # The title change, by its Slovenian name, old → new, linked to the project's page.
    assert "naslov (slovenščina)" in page
    assert "Stari naslov</del>" in page
    assert "Novi naslov</ins>" in page
    assert f'href="{admin_url(Project, "change", project.pk)}"' in page
    # The partner added in the inline: an addition, its organisation by name, money in sl.
    assert "dodano" in page
    assert "Občina Celje</ins>" in page
    assert "1.234,50 €" in page
    # The programme's name.
    assert "ime (slovenščina)" in page or "naziv (slovenščina)" in page
    assert "Program B</ins>" in page
    # The deletion, linked to the recover list.
    assert "izbrisano" in page
    assert f'href="{admin_url(Project, "recoverlist")}"' in page
    # The command that made the records.
    assert "sistem" in page
    assert "Naloženo z ukazom load_content." in page
    # Newest first: the deletion before the first title change.
    assert page.index("IZBRIS") < page.index("Stari naslov")


@pytest.mark.django_db
def test_the_page_is_in_english_for_an_english_admin(admin_client, changeform_data):
    project = versioned(factories.make_project, title_sl="Stari naslov")
    change_in_admin(admin_client, changeform_data, project, title_en="A new title")
    response = admin_client.get(CHANGES, headers={"accept-language": "en"})
    with translation.override("en"):
        page = text_of(response)
    assert "Recent changes" in page
    assert "title (English)" in page
    assert "changed" in page


@pytest.mark.django_db
def test_filters_narrow_the_list(admin_user, editor_named, editor_client, changeform_data, client):
    project = versioned(factories.make_project, title_sl="Urednikov projekt")
    programme = versioned(factories.make_programme, name_sl="Program A")
    change_in_admin(editor_client, changeform_data, project, title_sl="Urednik je spremenil")
    editor_client.logout()
    superuser = log_in_verified(client, admin_user)
    change_in_admin(superuser, changeform_data, programme, name_sl="Skrbnik je spremenil")

    by_editor = table_of(superuser.get(CHANGES, {"user": editor_named.pk}))
    assert "Urednik je spremenil" in by_editor
    assert "Skrbnik je spremenil" not in by_editor

    programme_type = ContentType.objects.get_for_model(Programme)
    response = superuser.get(CHANGES, {"ct": programme_type.pk})
    by_kind = table_of(response)
    assert "Skrbnik je spremenil" in by_kind
    assert "Urednik je spremenil" not in by_kind
    # The kinds are offered by their Slovenian names.
    assert f'<option value="{programme_type.pk}" selected>program</option>' in text_of(response)

    assert "Urednik je spremenil" in table_of(superuser.get(CHANGES, {"date": "today"}))
    none_yet = superuser.get(CHANGES, {"date_to": "2000-01-01"})
    assert table_of(none_yet) == ""
    assert "Nobena sprememba ne ustreza filtrom." in text_of(none_yet)


@pytest.mark.django_db
def test_paging_keeps_the_filters(admin_client, admin_user):
    programme_type = ContentType.objects.get_for_model(Programme)
    for number in range(52):
        versioned(factories.make_programme, name_sl=f"Program {number}")
    response = admin_client.get(CHANGES, {"ct": programme_type.pk})
    page = text_of(response)
    assert len(response.context["entries"]) == 50
    assert f'href="?ct={programme_type.pk}&amp;page=2"' in page
    second = admin_client.get(CHANGES, {"ct": programme_type.pk, "page": 2})
    assert len(second.context["entries"]) == 2


@pytest.mark.django_db
def test_csv_has_a_row_per_field_change(editor_client, changeform_data):
    project = versioned(factories.make_project, title_sl="=Stari naslov", acronym="CSV")
    change_in_admin(editor_client, changeform_data, project, title_sl="Novi naslov")
    doomed = versioned(factories.make_project, acronym="IZBRIS")
    editor_client.post(admin_url(Project, "delete", doomed.pk), {"post": "yes"})

    response = editor_client.get(CHANGES, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="zadnje-spremembe-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0] == [
        "Čas",
        "Član osebja",
        "Vrsta zapisa",
        "Zapis",
        "Dejanje",
        "Polje",
        "Stara vrednost",
        "Nova vrednost",
        "Komentar",
    ]
    title_rows = [
        row for row in rows if row[5] == "naslov (slovenščina)" and row[4] == "spremenjeno"
    ]
    assert [(row[3], row[6], row[7]) for row in title_rows] == [
        ("CSV", "'=Stari naslov", "Novi naslov")
    ]
    deleted = [row for row in rows if row[4] == "izbrisano"]
    assert [(row[2], row[3]) for row in deleted] == [("projekt", "IZBRIS")]


@pytest.mark.django_db
def test_permissions(client, reviewer_client, editor, admin_user):
    assert reviewer_client.get(CHANGES).status_code == 200
    reviewer_client.logout()
    response = client.get(CHANGES)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    plain_staff = factories.make_user()
    response = log_in_verified(client, plain_staff).get(CHANGES)
    assert response.status_code == 403
    assert "Zadnje spremembe" not in text_of(client.get(reverse("admin:index")))


@pytest.mark.django_db
def test_the_admin_index_and_top_bar_link_to_the_page(editor_client):
    page = text_of(editor_client.get(reverse("admin:index")))
    assert page.count(f'href="{CHANGES}"') == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "user=999999",
        "user=abc",
        "date=xyz",
        "date_from=2024-13-45",
        "date_to=9999-12-31",
        "date_from=0001-01-01",
        "page=-1",
        "page=99999",
        "page=abc",
        "ct=abc",
        "ct=999999",
        "user=%00",
    ],
)
def test_hostile_values_give_a_page(admin_client, query):
    versioned(factories.make_programme)
    response = admin_client.get(f"{CHANGES}?{query}")
    assert response.status_code == 200
    page = text_of(response)
    assert page.count("<h1") == 1
    assert "Nekaterih filtrov ni bilo mogoče uporabiti" in page or "Te strani ni" in page


@pytest.mark.django_db
def test_query_count_does_not_grow(assert_constant_queries, editor_client, changeform_data):
    def edits():
        project = versioned(factories.make_project)
        organisation = versioned(factories.make_organisation)
        change_in_admin(
            editor_client, changeform_data, project, title_sl="Drug naslov", total_budget="5"
        )
        data = changeform_data(editor_client.get(admin_url(Project, "change", project.pk)))
        data.update(
            {
                "partnerships-TOTAL_FORMS": "1",
                "partnerships-0-organisation": str(organisation.pk),
                "partnerships-0-role": "partner",
                "partnerships-0-order": "1",
            }
        )
        post_change(editor_client, admin_url(Project, "change", project.pk), data)
        doomed = versioned(factories.make_programme)
        editor_client.post(admin_url(Programme, "delete", doomed.pk), {"post": "yes"})

    edits()
    editor_client.get(CHANGES)

    def add_rows():
        for _ in range(3):
            edits()

    few, more = assert_constant_queries(CHANGES, add_rows, client=editor_client)
    assert len(more.context["entries"]) > len(few.context["entries"])
    assert LogEntry.objects.filter(action_flag=DELETION).count() == 4


@pytest.mark.django_db
def test_history_page_shows_each_difference_and_restores(admin_client, changeform_data):
    project = versioned(factories.make_project, title_sl="Prvi naslov")
    change_in_admin(admin_client, changeform_data, project, title_sl="Drugi naslov")
    change_in_admin(admin_client, changeform_data, project, title_sl="Tretji naslov")

    response = admin_client.get(admin_url(Project, "history", project.pk))
    page = text_of(response)
    assert "Prvi naslov</del>" in page
    assert page.count("Drugi naslov</ins>") == 1
    assert "Drugi naslov</del>" in page
    assert "Tretji naslov</ins>" in page
    assert "naslov (slovenščina)" in page

    first = Version.objects.get_for_object(project).order_by("pk").first()
    url = admin_url(Project, "revision", project.pk, first.pk)
    assert url in page
    response = admin_client.post(url, changeform_data(admin_client.get(url)))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title_sl == "Prvi naslov"


@pytest.mark.django_db
def test_old_versions_whose_fields_are_gone_are_skipped():
    project = versioned(factories.make_project, title_sl="Naslov")
    version = Version.objects.get_for_object(project).get()
    data = json.loads(version.serialized_data)
    data[0]["fields"]["no_longer_a_field"] = "x"
    data[0]["fields"]["start_date"] = "not a date"
    version.serialized_data = json.dumps(data)
    version.save()
    broken = Version.objects.create(
        revision=version.revision,
        object_id="12345",
        content_type=version.content_type,
        db=version.db,
        format="json",
        serialized_data="{not json",
        object_repr="broken",
    )
    with translation.override("sl"):
        changes = history.field_changes(version, None)
        labels = [change.label for change in changes]
        assert "naslov (slovenščina)" in labels
        assert "začetek" not in labels
        assert history.field_changes(broken, version) == []
        assert history.field_changes(version, broken) == []
        assert [item.changes for item in history.describe([broken])] == [[]]


@pytest.mark.django_db
def test_values_read_as_a_person_reads_them():
    programme = factories.make_programme()
    project = versioned(factories.make_project, title_sl="A", programme=None)
    with reversion.create_revision():
        project.programme = programme
        project.status = Project.Status.COMPLETED
        project.save()
    old, new = Version.objects.get_for_object(project).order_by("pk")
    with translation.override("sl"):
        changes = {
            change.field: (change.old, change.new) for change in history.field_changes(new, old)
        }
    assert changes["programme"] == ("—", str(programme))
    assert changes["status"][1] == str(Project.Status.COMPLETED.label)
    Project.objects.filter(pk=project.pk).update(programme=None)
    programme_id = programme.pk
    programme.delete()
    with translation.override("sl"):
        changes = {change.field: change.new for change in history.field_changes(new, old)}
    assert changes["programme"] == f"izbrisan zapis (id {programme_id})"


@pytest.mark.django_db
def test_booleans_read_da_and_ne():
    municipality = versioned(factories.make_municipality, is_urban=True)
    with reversion.create_revision():
        municipality.is_urban = False
        municipality.save()
    old, new = Version.objects.get_for_object(municipality).order_by("pk")
    with translation.override("sl"):
        changes = {
            change.field: (change.old, change.new) for change in history.field_changes(new, old)
        }
    assert changes == {"is_urban": ("Da", "Ne")}
