"""A spreadsheet import too large for one request, checked and applied by background tasks on
the database backend (django-tasks-db), run here by its worker as `manage.py db_worker` runs
them. The request's limit and the check's parts are made small, so that a few rows stand for
many thousands."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from funding.models import Programme
from projects.models import Project
from projects.resources import ProjectResource
from regionportal.base import import_admin, import_jobs, importing
from regionportal.base.models import ImportJob, ImportLog
from tests.factories import make_municipality, make_pillar, make_programme, make_user
from tests.imports import dry_run, run_tasks, xlsx_file
from tests.staff import log_in_verified

URL = "/admin/projects/project/import/"
HEADER = ["slug", "acronym", "title", "status", "programme_code", "municipality_codes",
          "total_budget"]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_progress_of_earlier_tests():
    """Progress is kept in the cache by job; a job of an earlier test may have had this one's
    number."""
    cache.clear()


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    """Files of more than 3 rows go to the background, whose check reads 2 rows at a time."""
    monkeypatch.setattr(import_admin, "REQUEST_ROWS", 3)
    monkeypatch.setattr(importing, "CHECK_CHUNK_ROWS", 2)


@pytest.fixture
def lookups(db):
    make_programme(code="INT-SI-HR", name_sl="Interreg Slovenija–Hrvaška")
    make_municipality(name="Celje", iso_code="SI-011")
    make_pillar(slug="zelena", name_sl="Zelena regija")


def project_rows(count):
    return [HEADER] + [
        [f"p-{n}", f"P{n}", f"Projekt {n}", "Odobren", "INT-SI-HR", "Celje", "1.000,00"]
        for n in range(count)
    ]


def upload(client, rows):
    """Upload the rows; the background job they went to and its page's address."""
    response = dry_run(client, URL, xlsx_file(rows, name="veliki-uvoz.xlsx"))
    assert response.status_code == 302, response
    job = ImportJob.objects.latest("pk")
    assert response["Location"] == f"{URL}jobs/{job.pk}/"
    return job, response["Location"]


def text_of(response):
    """The page's text without its markup, its spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def step(client, page, name):
    return client.post(page, {"step": name})


def test_a_large_file_is_checked_and_imported_in_the_background(editor_client, editor, lookups):
    job, page = upload(editor_client, project_rows(5))
    waiting = editor_client.get(page)
    assert "Stanje: Čaka na preverjanje" in text_of(waiting)
    assert 'max="5" value="0"' in waiting.content.decode()
    assert "Vrstice prebrane" in text_of(waiting)
    assert not Project.objects.exists()

    assert run_tasks() == 1
    checked = editor_client.get(page)
    text = text_of(checked)
    assert "Stanje: Preverjeno" in text
    assert "Preizkus: novih 5, spremenjenih 0, nespremenjenih 0" in text
    assert [row["number"] for row in checked.context["page_obj"]] == [2, 3, 4, 5, 6]
    assert "Potrdi uvoz" in text
    assert not Project.objects.exists()  # the check saves nothing

    assert step(editor_client, page, "confirm").status_code == 302
    assert "Stanje: Čaka na uvoz" in text_of(editor_client.get(page))
    assert run_tasks() == 1
    done = text_of(editor_client.get(page))
    assert "Stanje: Uvoženo" in done
    assert "Uvoz je končan: novih 5, spremenjenih 0." in done

    projects = Project.objects.order_by("slug")
    assert [project.slug for project in projects] == [f"p-{n}" for n in range(5)]
    assert {project.state for project in projects} == {"draft"}
    job.refresh_from_db()
    assert job.data == b""  # the file is not kept after its import
    log = ImportLog.objects.get(job=job)
    assert log.revision.user == editor
    assert log.new_count == 5

    importing.undo_import(log=log, user=editor)
    assert not Project.objects.exists()


def test_the_check_numbers_rows_across_its_parts_and_finds_duplicates_between_them(
    editor_client, lookups
):
    rows = project_rows(5)
    rows[4][0] = "p-0"  # row 5 repeats row 2's slug, in another part of the check
    rows[5][4] = "NI-TAKEGA"  # row 6: an unknown programme
    job, page = upload(editor_client, rows)
    run_tasks()
    response = editor_client.get(page)
    text = text_of(response)
    assert "Preverjanje je našlo napake v 2 vrsticah" in text
    assert "Vrstica 2 že ima p-0" in text
    assert "Vrstica 6, stolpec programme_code:" in text
    assert "Potrdi uvoz" not in text
    assert "Zavrzi" in text
    # A confirmation sent anyway is refused, and nothing is queued or saved.
    step(editor_client, page, "confirm")
    assert "tem stanju ni mogoče potrditi" in text_of(editor_client.get(page))
    assert run_tasks() == 0
    assert not Project.objects.exists()

    step(editor_client, page, "discard")
    job.refresh_from_db()
    assert job.state == ImportJob.State.DISCARDED
    assert job.data == b""
    assert "Stanje: Zavrženo" in text_of(editor_client.get(page))


def test_a_row_that_fails_on_import_leaves_nothing_saved(editor_client, lookups):
    _, page = upload(editor_client, project_rows(4))
    run_tasks()
    Programme.objects.all().delete()  # changed by someone else between check and import
    step(editor_client, page, "confirm")
    run_tasks()
    text = text_of(editor_client.get(page))
    assert "Stanje: Neuspešno" in text
    assert "Nič ni bilo uvoženo" in text
    assert "Vrstica 2, stolpec programme_code:" in text
    assert not Project.objects.exists()
    assert not ImportLog.objects.exists()


def test_a_task_that_stops_with_an_error_fails_its_job_with_a_message(
    editor_client, lookups, monkeypatch
):
    _, page = upload(editor_client, project_rows(4))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ProjectResource, "import_data", broken)
    run_tasks()
    text = text_of(editor_client.get(page))
    assert "Stanje: Neuspešno" in text
    assert "Uvoz se je ustavil z napako" in text
    assert "disk full" not in text  # the error goes to the log, not to the page


def test_the_page_shows_the_progress_of_a_running_job(editor_client, lookups):
    job, page = upload(editor_client, project_rows(120))
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.IMPORTING)
    import_jobs.report_progress(job.pk, 50)
    response = editor_client.get(page)
    assert 'max="120" value="50"' in response.content.decode()
    assert "50 od 120" in text_of(response)
    assert "js/admin-import-job" in response.content.decode()  # the script that follows it
    status = editor_client.get(f"{page}status/")
    assert "no-store" in status["Cache-Control"]
    assert status.json() == {
        "state": "importing",
        "label": "se uvaža",
        "rows_done": 50,
        "row_count": 120,
    }


def test_a_job_no_worker_takes_up_says_so_and_can_be_discarded(editor_client, lookups):
    job, page = upload(editor_client, project_rows(4))
    assert "Noben delavec" not in text_of(editor_client.get(page))
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(minutes=5))
    assert "Noben delavec v ozadju tega uvoza še ni prevzel" in text_of(editor_client.get(page))
    step(editor_client, page, "discard")
    assert "Stanje: Zavrženo" in text_of(editor_client.get(page))
    assert run_tasks() == 1  # the queued check finds the job discarded and does nothing
    job.refresh_from_db()
    assert job.state == ImportJob.State.DISCARDED


def test_a_running_job_is_discarded_only_once_it_has_stopped_moving(editor_client, lookups):
    job, page = upload(editor_client, project_rows(4))
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.CHECKING)
    step(editor_client, page, "discard")
    assert "tem stanju ni mogoče zavreči" in text_of(editor_client.get(page))
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(minutes=30))
    assert "ni premaknil" in text_of(editor_client.get(page))
    step(editor_client, page, "discard")
    job.refresh_from_db()
    assert job.state == ImportJob.State.DISCARDED


def test_only_its_staff_member_acts_on_a_job_and_only_importers_see_it(
    editor_client, reviewer, lookups
):
    job, page = upload(editor_client, project_rows(4))
    run_tasks()
    colleague = log_in_verified(Client(), make_user(group="Urednik"))
    seen = text_of(colleague.get(page))
    assert "Stanje: Preverjeno" in seen
    assert "Potrdi uvoz" not in seen
    assert step(colleague, page, "confirm").status_code == 403
    assert log_in_verified(Client(), reviewer).get(page).status_code == 403
    assert Client().get(page).status_code == 302  # to the login
    # Another list's address for the job, an unknown job and an unknown step.
    other_list = f"/admin/funding/agreementproject/import/jobs/{job.pk}/"
    assert editor_client.get(other_list).status_code == 404
    assert editor_client.get(f"{URL}jobs/{job.pk + 1}/").status_code == 404
    step(editor_client, page, "publish")
    assert "Izberite korak" in text_of(editor_client.get(page))
    job.refresh_from_db()
    assert job.state == ImportJob.State.CHECKED


def test_a_long_report_is_paged(editor_client, lookups):
    job, page = upload(editor_client, project_rows(450))
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportJob.State.CHECKED,
        report={
            "rows": [
                {"number": n + 2, "kind": "new", "label": "Nov", "record": f"P{n}"}
                for n in range(450)
            ],
            "base_errors": [],
            "totals": {"new": 450, "update": 0, "skip": 0, "error": 0},
        },
    )
    first = editor_client.get(page)
    assert len(first.context["page_obj"]) == 200
    assert "Stran 1 od 3" in text_of(first)
    last = editor_client.get(page, {"page": "3"})
    assert [row["number"] for row in last.context["page_obj"]][-1] == 451
    for bad in ["abc", "0", "99", "-1"]:
        assert editor_client.get(page, {"page": bad}).status_code == 200


def test_the_import_page_lists_the_background_imports(editor_client, lookups):
    _, page = upload(editor_client, project_rows(4))
    response = editor_client.get(URL)
    assert f'<a href="{page}">veliki-uvoz.xlsx</a>' in response.content.decode()
    assert "4 vrstic" in text_of(response)
    assert "Datoteka z do 3 vrsticami se preveri takoj" in text_of(response)
