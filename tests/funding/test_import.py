"""The admin's spreadsheet import of the agreement's projects."""

import pytest

from funding.models import AgreementProject
from regionportal.base.importing import parse_amount
from regionportal.base.models import ImportLog, Municipality
from tests.factories import make_agreement_project, make_category, make_municipality
from tests.imports import CSV_FORMAT, XLSX_FORMAT, admin_export, confirm, dry_run, xlsx_file

URL = "/admin/funding/agreementproject/import/"
PROCESS = "/admin/funding/agreementproject/process_import/"
HEADER = ["slug", "category", "title", "lead_municipality", "municipality_codes", "status",
          "total_value", "cohesion_amount"]  # fmt: skip


@pytest.fixture
def category(db):
    make_municipality(name="Celje", iso_code="SI-011")
    make_municipality(name="Vojnik", iso_code="SI-133")
    make_municipality(name="Štore", iso_code="SI-127")
    return make_category(slug="ceste", name_sl="Ceste")


def test_import_dry_run_confirm_drafts_and_undo(editor_client, category):
    existing = make_agreement_project(category=category, slug="obstojec", title_sl="Obstoječ")
    rows = [
        HEADER,
        ["nova-cesta", "Ceste", "Nova cesta", "celje", "Vojnik; SI-127", "V izvajanju",
         "1.200.000,00", "800000"],
        ["obstojec", "ceste", "Obstoječ, preimenovan", "", "", "", "", ""],
    ]  # fmt: skip
    response = dry_run(editor_client, URL, xlsx_file(rows, "dogovor.xlsx"))
    report = {row["number"]: row for row in response.context["report"]["rows"]}
    assert report[2]["label"] == "Nov"
    assert report[3]["label"] == "Spremenjen"
    assert not AgreementProject.objects.filter(slug="nova-cesta").exists()

    confirm(editor_client, PROCESS, response)
    project = AgreementProject.objects.get(slug="nova-cesta")
    assert project.state == "draft"
    assert project.status == "in_progress"
    assert project.lead_municipality.name == "Celje"
    assert sorted(m.name for m in project.municipalities.all()) == ["Vojnik", "Štore"]
    assert str(project.total_value) == "1200000.00"
    existing.refresh_from_db()
    assert existing.state == "published"

    log = ImportLog.objects.get()
    editor_client.post(f"/admin/regionportal/importlog/{log.pk}/undo/")
    assert not AgreementProject.objects.filter(slug="nova-cesta").exists()
    existing.refresh_from_db()
    assert existing.title_sl == "Obstoječ"


def test_the_lead_among_the_others_is_an_error(editor_client, category):
    rows = [HEADER, ["x", "ceste", "X", "Celje", "Celje", "", "", ""]]
    response = dry_run(editor_client, URL, xlsx_file(rows))
    assert response.context["report"]["rows"][0]["kind"] == "error"
    assert not AgreementProject.objects.exists()


@pytest.mark.parametrize("fmt", [XLSX_FORMAT, CSV_FORMAT])
def test_the_admins_export_imported_again_changes_nothing(editor_client, category, fmt):
    project = make_agreement_project(
        category=category,
        slug="izvozena",
        title_sl="Izvožena cesta",
        lead_municipality=Municipality.objects.get(name="Celje"),
        total_value=parse_amount("1200000.00"),
        cohesion_amount=parse_amount("800000.00"),
    )
    project.municipalities.set(Municipality.objects.exclude(name="Celje"))
    make_agreement_project(category=category, slug="prazna", title_sl="Prazna")
    upload = admin_export(editor_client, "/admin/funding/agreementproject/export/", fmt)
    response = dry_run(editor_client, URL, upload, fmt)
    report = response.context["report"]
    assert report["totals"]["skip"] == len(report["rows"]) == 2, report
