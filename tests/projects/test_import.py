"""The admin's spreadsheet import of projects, organisations and partnerships."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from funding.models import Programme
from pillars.models import Pillar
from projects.models import Organisation, Partnership, Project
from regionportal.base.importing import MAX_IMPORT_ROWS, REQUEST_ROWS, parse_amount
from regionportal.base.models import ImportLog, Municipality
from tests.factories import (
    make_municipality,
    make_organisation,
    make_partnership,
    make_pillar,
    make_programme,
    make_project,
    make_project_pillar,
)
from tests.imports import (
    CSV_FORMAT,
    XLSX_FORMAT,
    admin_export,
    confirm,
    csv_file,
    dry_run,
    xlsx_file,
)
from tests.staff import log_in_verified

URL = "/admin/projects/project/import/"
PROCESS = "/admin/projects/project/process_import/"
HEADER = ["slug", "acronym", "title", "status", "programme_code", "pillar_codes",
          "municipality_codes", "total_budget"]  # fmt: skip


@pytest.fixture
def lookups(db):
    make_programme(code="INT-SI-HR", name_sl="Interreg Slovenija–Hrvaška")
    make_municipality(name="Šoštanj", iso_code="SI-126")
    make_municipality(name="Celje", iso_code="SI-011")
    make_pillar(slug="zelena", name_sl="Zelena regija")
    make_pillar(slug="pametna", name_sl="Pametna regija")


def rows_shown(response):
    return {row["number"]: row for row in response.context["report"]["rows"]}


def test_codes_and_labels_are_read_and_new_projects_are_drafts(editor_client, lookups):
    rows = [
        HEADER,
        ["nov", "NOV", "Nov projekt", "Odobren", "interreg slovenija-hrvaska",
         "Zelena regija; pametna", "sostanj; SI-011", "1.234,56"],
    ]  # fmt: skip
    response = dry_run(editor_client, URL, xlsx_file(rows))
    assert rows_shown(response)[2]["label"] == "Nov"
    assert 'value="Potrdi uvoz"' in response.content.decode()
    assert not Project.objects.exists()  # a dry run saves nothing

    assert confirm(editor_client, PROCESS, response).status_code == 302
    project = Project.objects.get(slug="nov")
    assert project.state == "draft"
    assert project.status == "approved"
    assert project.programme.code == "INT-SI-HR"
    assert project.total_budget == parse_amount("1234.56")
    assert sorted(m.iso_code for m in project.municipalities.all()) == ["SI-011", "SI-126"]
    assert [(link.pillar.slug, link.is_primary) for link in project.project_pillars.all()] == [
        ("zelena", True),
        ("pametna", False),
    ]


def test_dry_run_shows_changed_columns_and_state_is_kept(editor_client, lookups):
    make_project(slug="star", acronym="STAR", title_sl="Star naslov", total_budget=None)
    rows = [["slug", "acronym", "title"], ["star", "STAR", "Nov naslov"], ["star2", "S2", "Drugi"]]
    response = dry_run(editor_client, URL, xlsx_file(rows))
    changed = rows_shown(response)[2]
    assert changed["label"] == "Spremenjen"
    assert changed["changes"] == [("title", "Star naslov", "Nov naslov")]
    assert "title: Star naslov → Nov naslov" in response.content.decode()

    confirm(editor_client, PROCESS, response)
    project = Project.objects.get(slug="star")
    assert project.title_sl == "Nov naslov"
    assert project.state == "published"  # an import never changes the state


def test_one_revision_per_import_and_undo(editor_client, lookups):
    make_project(slug="star", acronym="STAR", title_sl="Star naslov")
    rows = [["slug", "acronym", "title", "pillar_codes"], ["star", "STAR", "Nov", ""],
            ["nov", "NOV", "Nov projekt", "zelena"]]  # fmt: skip
    confirm(editor_client, PROCESS, dry_run(editor_client, URL, xlsx_file(rows, "projekti.xlsx")))
    log = ImportLog.objects.get()
    assert log.revision.comment == "Uvoz datoteke projekti.xlsx"
    assert (log.new_count, log.changed_count) == (1, 1)

    page = editor_client.get("/admin/regionportal/importlog/")
    assert "projekti.xlsx" in page.content.decode()
    editor_client.post(f"/admin/regionportal/importlog/{log.pk}/undo/")
    assert not Project.objects.filter(slug="nov").exists()
    assert Project.objects.get(slug="star").title_sl == "Star naslov"
    log.refresh_from_db()
    assert log.undone_at is not None


def test_undo_is_refused_after_a_later_edit(editor_client, lookups):
    import reversion

    make_project(slug="star", acronym="STAR", title_sl="Star")
    rows = [["slug", "acronym", "title"], ["star", "STAR", "Uvožen"]]
    confirm(editor_client, PROCESS, dry_run(editor_client, URL, xlsx_file(rows)))
    with reversion.create_revision():
        project = Project.objects.get(slug="star")
        project.title_sl = "Pozneje popravljen"
        project.save()
    log = ImportLog.objects.get()
    response = editor_client.post(f"/admin/regionportal/importlog/{log.pk}/undo/", follow=True)
    assert (
        "spremenjeni" in response.content.decode() or "changed since" in response.content.decode()
    )
    assert Project.objects.get(slug="star").title_sl == "Pozneje popravljen"


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (["x", "X", "X", "", "NEZNAN", "", "", ""], "Neznan program"),
        (["x", "X", "X", "", "", "", "Atlantida", ""], "Neznana občina"),
        (["x", "X", "X", "", "", "", "", "1,234"], "dvoumen"),
        (["x", "X", "X", "", "", "", "", "1.234"], "dvoumen"),
        (["x", "X", "X", "", "", "", "", "€5"], "v evrih"),
        (["x", "X", "X", "nekaj", "", "", "", ""], "ni ena od"),
    ],
)
def test_a_bad_cell_is_an_error_with_row_and_column_and_nothing_is_saved(
    editor_client, lookups, cells, message
):
    response = dry_run(editor_client, URL, xlsx_file([HEADER, cells]))
    row = rows_shown(response)[2]
    assert row["kind"] == "error"
    assert any(message in text for _column, text in row["errors"]), row["errors"]
    assert "Vrstica 2, stolpec" in response.content.decode()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert not Project.objects.exists()


def test_a_duplicate_slug_in_the_file_is_refused(editor_client, lookups):
    rows = [["slug", "acronym", "title"], ["dvojnik", "A", "A"], ["dvojnik", "B", "B"]]
    response = dry_run(editor_client, URL, xlsx_file(rows))
    assert rows_shown(response)[3]["kind"] == "error"
    assert "Vrstica 2 že ima" in response.content.decode()
    assert not Project.objects.exists()


def file_error(response):
    return " ".join(response.context["form"].errors.get("import_file", []))


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("slika.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
            "ni preglednica XLSX",
        ),
        (SimpleUploadedFile("zip.xlsx", b"PK\x03\x04" + b"junk" * 100), "ni preglednica XLSX"),
        (SimpleUploadedFile("velik.xlsx", b"\0" * (10 * 1024 * 1024)), "največ 5 MB"),
    ],
)
def test_a_file_that_is_no_spreadsheet_is_refused(editor_client, upload, message):
    response = dry_run(editor_client, URL, upload)
    assert response.status_code == 200
    assert message in file_error(response)
    assert not Project.objects.exists()


def test_formulas_and_columns_are_refused(editor_client, lookups):
    formula = dry_run(
        editor_client, URL, xlsx_file([["slug", "acronym", "title"], ["a", "=1+1", "A"]])
    )
    assert "formulo" in file_error(formula)
    unknown = dry_run(
        editor_client, URL, xlsx_file([["slug", "acronym", "title", "barva"], ["a", "A", "A", "x"]])
    )
    assert "Neznani stolpci: barva" in file_error(unknown)
    missing = dry_run(editor_client, URL, xlsx_file([["slug", "acronym"], ["a", "A"]]))
    assert "Manjkajoči stolpci: title" in file_error(missing)
    csv_formula = dry_run(
        editor_client,
        URL,
        csv_file([["slug", "acronym", "title"], ["a", "=HYPERLINK()", "A"]]),
        CSV_FORMAT,
    )
    assert "formulo" in file_error(csv_formula)
    assert not Project.objects.exists()


def test_more_rows_than_allowed_are_refused_with_how_to_split(editor_client):
    rows = [["slug", "acronym", "title"]] + [
        [f"p{n}", "P", "P"] for n in range(MAX_IMPORT_ROWS + 1)
    ]
    response = dry_run(editor_client, URL, csv_file(rows), CSV_FORMAT)
    assert "Razdelite jo" in file_error(response)


def test_hostile_uploads_answer_without_a_500(editor_client):
    for upload, fmt in [
        (SimpleUploadedFile("a.csv", b"\xff\xfe\x00\x00garbage"), CSV_FORMAT),
        (SimpleUploadedFile("a.csv", b""), CSV_FORMAT),
        (SimpleUploadedFile("a.xlsx", b""), "0"),
        (SimpleUploadedFile("a.csv", b'"unclosed\n' * 10), CSV_FORMAT),
        (SimpleUploadedFile("a.csv", b"slug,acronym,title\n\x00,a,b"), CSV_FORMAT),
    ]:
        assert dry_run(editor_client, URL, upload, fmt).status_code == 200
    assert editor_client.post(URL, {"format": "99", "resource": "7"}).status_code == 200
    assert editor_client.post(
        PROCESS, {"import_file_name": "../../etc/passwd", "format": "0"}
    ).status_code in (200, 400)
    assert not Project.objects.exists()


@pytest.mark.parametrize("fmt", [XLSX_FORMAT, CSV_FORMAT])
def test_the_admins_export_imported_again_changes_nothing(editor_client, lookups, fmt):
    programme = Programme.objects.get()
    project = make_project(
        slug="izvoz",
        acronym="IZV",
        title_sl="Izvoz, s tujko “Šoštanj”",
        title_en="Export",
        programme=programme,
        total_budget=parse_amount("1234567.80"),
    )
    project.municipalities.set(Municipality.objects.all())
    make_project_pillar(project=project, pillar=Pillar.objects.get(slug="pametna"), is_primary=True)
    make_project_pillar(project=project, pillar=Pillar.objects.get(slug="zelena"), is_primary=False)
    make_project(slug="prazen", acronym="PRAZ", total_budget=None, start_date=None, end_date=None)
    partner = make_organisation(slug="partner", country="HR")
    make_partnership(project=project, organisation=partner, budget=parse_amount("1000.50"))

    for admin_url in ("/admin/projects/project/", "/admin/projects/organisation/",
                      "/admin/projects/partnership/"):  # fmt: skip
        upload = admin_export(editor_client, f"{admin_url}export/", fmt)
        response = dry_run(editor_client, f"{admin_url}import/", upload, fmt)
        report = response.context["report"]
        assert report["totals"]["skip"] == len(report["rows"]) > 0, (admin_url, report)
        assert "Preizkus: novih 0, spremenjenih 0" in response.content.decode()


def test_reviewers_cannot_import_editors_without_publishing_can(reviewer, editor):
    reviewer_client = log_in_verified(Client(), reviewer)
    assert reviewer_client.get(URL).status_code == 403
    assert reviewer_client.get("/admin/projects/project/import/template.xlsx").status_code == 403
    assert reviewer_client.post(PROCESS, {"format": "0"}).status_code == 403
    changelist = reviewer_client.get("/admin/projects/project/").content.decode()
    assert URL not in changelist
    editor_client = log_in_verified(Client(), editor)
    assert not editor.has_perm("projects.publish_project")
    assert editor_client.get(URL).status_code == 200
    changelist = editor_client.get("/admin/projects/project/").content.decode()
    assert f"<a href='{URL}' class=\"import_link\">Uvoz</a>" in changelist
    assert 'class="export_link">Izvoz</a>' in changelist
    page = editor_client.get(URL).content.decode()
    assert "<title>Uvoz: projekti | RASR portal</title>" in page
    assert "Datoteka za uvoz" in page


def test_the_template_file_has_the_columns_their_meaning_and_an_example(editor_client):
    response = editor_client.get("/admin/projects/project/import/template.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    columns, example = list(book.worksheets[0].iter_rows(values_only=True))[:2]
    assert columns[:3] == ("slug", "acronym", "title")
    assert example[0] == "zgled-projekta"
    meanings = {row[0]: row[1] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert meanings["pillar_codes"].startswith("Stebri")


def test_organisations_by_country_code_or_name(admin_client):
    url = "/admin/projects/organisation/import/"
    rows = [["slug", "name", "country_code", "kind_code"], ["a", "A", "HR", "company"],
            ["b", "B", "Hrvaška", "Podjetje"], ["c", "C", "croatia", ""]]  # fmt: skip
    response = dry_run(admin_client, url, xlsx_file(rows))
    confirm(admin_client, "/admin/projects/organisation/process_import/", response)
    assert sorted(Organisation.objects.values_list("country", "kind")) == [
        ("HR", "company"),
        ("HR", "company"),
        ("HR", "other"),
    ]
    bad = dry_run(admin_client, url, xlsx_file([rows[0], ["d", "D", "Narnija", ""]]))
    assert "Neznana država" in bad.content.decode()


def test_partnerships_one_lead_and_budgets_within_the_total(admin_client):
    project = make_project(slug="p", total_budget=parse_amount("100"))
    make_organisation(slug="o1")
    make_organisation(slug="o2")
    url = "/admin/projects/partnership/import/"
    process = "/admin/projects/partnership/process_import/"
    header = ["project", "organisation", "role_code", "budget"]
    two_leads = dry_run(
        admin_client,
        url,
        xlsx_file([header, ["p", "o1", "lead", "10"], ["p", "o2", "Vodilni partner", "10"]]),
    )
    assert any(row["kind"] == "error" for row in two_leads.context["report"]["rows"])
    too_much = dry_run(
        admin_client,
        url,
        xlsx_file([header, ["p", "o1", "lead", "80"], ["p", "o2", "partner", "30"]]),
    )
    assert "confirm_form" not in too_much.context
    assert (
        "Projekt p: Proračuni partnerjev skupaj znašajo 110,00 €, kar presega skupni proračun "
        "projekta (100,00 €)." in too_much.content.decode()
    )
    good = dry_run(
        admin_client,
        url,
        xlsx_file([header, ["p", "o1", "lead", "80"], ["p", "o2", "partner", "20"]]),
    )
    assert "confirm_form" in good.context
    confirm(admin_client, process, good)
    assert Partnership.objects.filter(project=project).count() == 2


def test_dry_run_queries_do_not_grow_per_relation(editor_client, lookups):
    def queries(count, pillars, municipalities):
        rows = [HEADER] + [
            [f"q{n}", "Q", "Q", "idea", "INT-SI-HR", pillars, municipalities, "1"]
            for n in range(count)
        ]
        upload = xlsx_file(rows)
        with CaptureQueriesContext(connection) as context:
            response = dry_run(editor_client, URL, upload)
        assert response.context["report"]["totals"]["new"] == count
        return len(context)

    few = queries(5, "zelena", "Celje")
    many = queries(25, "zelena", "Celje")
    # Each new row is saved in the dry run: its savepoint, the programme's and the slug's
    # checks, the model's two check constraints, its insert, one insert of its municipalities
    # and one of its pillars. The lookups (programmes, pillars, municipalities, existing
    # projects) are read once for the file.
    assert (many - few) / 20 <= 13
    assert queries(25, "zelena; pametna", "Celje; Šoštanj") == many


def test_the_confirmation_reads_what_its_revision_follows_once_for_many_rows(
    editor_client, lookups
):
    """The revision of an import holds each project with what reversion follows from it (its
    pillars, partners, results, places, links, images, documents, discrepancies) and its
    many-to-many lists: read for all the rows together, not one query per project each."""

    def queries(count):
        Project.objects.all().delete()
        rows = [HEADER] + [
            [f"r{n}", "R", "R", "idea", "INT-SI-HR", "zelena; pametna", "Celje; SI-126", "1"]
            for n in range(count)
        ]
        response = dry_run(editor_client, URL, csv_file(rows, "r.csv"), CSV_FORMAT)
        with CaptureQueriesContext(connection) as context:
            assert confirm(editor_client, PROCESS, response).status_code == 302
        assert Project.objects.count() == count
        return [query["sql"] for query in context.captured_queries]

    few, many = queries(3), queries(23)
    # A row's own queries are the dry run's (above); what the revision reads is not per row.
    assert (len(many) - len(few)) / 20 <= 13
    for table in ("projects_projectresult", "projects_project_goals", "pillars_pillar"):
        reads = [sum(f'FROM "{table}"' in sql for sql in captured) for captured in (few, many)]
        assert reads[0] == reads[1] <= 2, table
    revision = ImportLog.objects.latest("pk").revision
    versions = revision.version_set.all()
    assert versions.filter(content_type__model="project").count() == 23
    assert versions.filter(content_type__model="projectpillar").count() == 46
    saved = versions.get(object_repr="R", object_id=str(Project.objects.get(slug="r0").pk))
    assert sorted(saved.field_dict["municipalities"]) == sorted(
        Municipality.objects.values_list("pk", flat=True)
    )


def test_a_dry_run_makes_no_revision_and_a_confirmation_exactly_one(editor_client, lookups):
    import reversion
    from reversion.models import Revision, Version

    with reversion.create_revision():
        make_project(slug="star", acronym="STAR", title_sl="Star naslov")
    revisions, versions = Revision.objects.count(), Version.objects.count()
    rows = [["slug", "acronym", "title", "pillar_codes", "municipality_codes"],
            ["star", "STAR", "Nov naslov", "", ""],
            ["nov", "NOV", "Nov projekt", "zelena", "Celje"]]  # fmt: skip

    response = dry_run(editor_client, URL, xlsx_file(rows, "projekti.xlsx"))
    assert (Revision.objects.count(), Version.objects.count()) == (revisions, versions)

    confirm(editor_client, PROCESS, response)
    revision = Revision.objects.exclude(
        pk__in=Revision.objects.order_by("pk").values("pk")[:revisions]
    ).get()
    assert revision.comment == "Uvoz datoteke projekti.xlsx"
    assert revision.user.username == ImportLog.objects.get().revision.user.username
    assert sorted(version.object_repr for version in revision.version_set.all()) == [
        "NOV",
        "NOV – Zelena regija",
        "STAR",
    ]
    # The new project's version has its pillar and municipalities as imported.
    new = revision.version_set.get(object_repr="NOV")
    assert new.field_dict["title_sl"] == "Nov projekt"
    assert new.field_dict["municipalities"] == [Municipality.objects.get(name="Celje").pk]


@pytest.mark.slow
def test_a_file_of_the_most_rows_imports_within_the_request(editor_client, lookups):
    """The most rows a request imports, new projects each with a programme, two pillars and two
    municipalities: the dry run reports them all and the confirmation imports them in one
    revision. (Its time is measured once, not asserted.)"""
    rows = [HEADER] + [
        [f"p-{n}", f"P{n}", f"Projekt {n}", "idea", "INT-SI-HR", "zelena; pametna",
         "Celje; SI-126", "1.234,56"]
        for n in range(REQUEST_ROWS)
    ]  # fmt: skip
    response = dry_run(editor_client, URL, csv_file(rows, "veliki.csv"), CSV_FORMAT)
    assert response.context["report"]["totals"] == {
        "new": REQUEST_ROWS,
        "update": 0,
        "skip": 0,
        "error": 0,
    }
    assert not Project.objects.exists()

    assert confirm(editor_client, PROCESS, response).status_code == 302
    assert Project.objects.filter(state="draft").count() == REQUEST_ROWS
    log = ImportLog.objects.get()
    assert log.new_count == REQUEST_ROWS
    assert log.revision.version_set.count() == 3 * REQUEST_ROWS  # each with its 2 pillars
