"""Documents of projects: checked by their content, listed on the project's page with type and
size, downloaded through a view under a safe name, only for published projects (and staff)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertInHTML

from projects.models import Project, ProjectDocument
from tests import factories
from tests.uploads import PDF, docx_bytes, odt_bytes, upload, xlsx_bytes, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def document_row(data, **fields):
    index = int(data["documents-TOTAL_FORMS"])
    data["documents-TOTAL_FORMS"] = str(index + 1)
    fields = {
        "title_sl": "Končno poročilo",
        "title_en": "Final report",
        "language": "sl",
        "date": "1. 12. 2026",
        "order": 0,
        **fields,
    }
    for name, value in fields.items():
        data[f"documents-{index}-{name}"] = value
    return index


def field_error(prefix, message):
    return f'<ul class="errorlist" id="id_{prefix}_error"><li>{message}</li></ul>'


@pytest.mark.parametrize(
    ("content", "name", "kind"),
    [
        (PDF, "report.pdf", "pdf"),
        (docx_bytes(), "report.docx", "docx"),
        (xlsx_bytes(), "budget.xlsx", "xlsx"),
        (odt_bytes(), "minutes.odt", "odt"),
        (PDF, "report.bin", "pdf"),  # the name's extension says nothing
    ],
)
def test_the_admin_takes_each_kind_of_document_by_its_content(
    admin_client, changeform_data, media_root, content, name, kind
):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    document_row(data, file=upload(content, name=name, content_type="application/octet-stream"))

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 302, response.context["errors"]
    document = ProjectDocument.objects.get(project=project)
    assert (document.kind, document.size, document.date) == (
        kind,
        len(content),
        datetime.date(2026, 12, 1),
    )
    [stored] = stored_files(media_root)
    assert stored.read_bytes() == content
    assert stored.suffix == f".{kind}"
    assert name.split(".")[0] not in stored.name


NOT_A_DOCUMENT = (
    "Datoteka ni dokument PDF, DOCX, XLSX ali ODT (ne glede na to, kaj pravi njeno ime)."
)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n not a document", "report.pdf", NOT_A_DOCUMENT),
        (b"<html>a page</html>", "page.html", NOT_A_DOCUMENT),
        (zip_bytes([("readme.txt", "a plain zip")]), "report.docx", NOT_A_DOCUMENT),
        (
            zip_bytes([("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]),
            "sheet.odt",
            NOT_A_DOCUMENT,
        ),
        (
            PDF + b"\0" * (20 * 1024 * 1024),
            "report.pdf",
            "Dokument ima 20,0\xa0MB; imeti sme največ 20,0\xa0MB.",
        ),
    ],
    ids=["fake-extension", "wrong-type", "plain-zip", "ods-as-odt", "too-large"],
)
def test_a_refused_document_is_an_error_next_to_the_field_and_nothing_is_saved(
    admin_client, changeform_data, media_root, content, name, message
):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    row = document_row(data, file=upload(content, name=name))

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    assertContains(response, field_error(f"documents-{row}-file", message), html=True)
    assert not ProjectDocument.objects.exists()
    assert stored_files(media_root) == []


def test_a_document_needs_its_title_in_both_languages(admin_client, changeform_data, media_root):
    project = factories.make_full_project()
    data = changeform_data(admin_client.get(change_url(project)))
    row = document_row(data, file=upload(PDF, name="report.pdf"), title_en="")

    response = admin_client.post(change_url(project), data)

    assert response.status_code == 200
    assertContains(
        response, field_error(f"documents-{row}-title_en", "To polje je obvezno."), html=True
    )
    assert not ProjectDocument.objects.exists()


def test_the_project_page_lists_documents_with_type_and_size_in_its_locale(get_page):
    project = factories.make_project(slug="spa")
    document = factories.make_document(
        project=project, content=PDF + b"\0" * 1_250_000, language="en"
    )
    url = f"/en/projects/spa/documents/{document.pk}/"

    assertInHTML(
        f'<li><a href="{url}" download>Annual report 2025</a> <span class="note">'
        "(PDF, 1.2\xa0MB, English, Dec. 1, 2025)</span></li>",
        get_page("/en/projects/spa/").text,
    )
    assertInHTML(
        f'<li><a href="{url.replace("/en/", "/sl/")}" download>Letno poročilo 2025</a> '
        '<span class="note">(PDF, 1,2\xa0MB, angleščina, 1. decembra 2025)</span></li>',
        get_page("/sl/projects/spa/").text,
    )


def test_a_document_downloads_under_a_safe_name_with_protective_headers(client):
    project = factories.make_project(slug="spa")
    document = factories.make_document(project=project, title_sl='Poročilo: "Šoštanj" <2025>')

    response = client.get(f"/sl/projects/spa/documents/{document.pk}/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="porocilo-sostanj-2025.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_documents_of_a_project_the_public_does_not_see_are_not_found(editor_client):
    draft = factories.make_project(slug="draft", state="draft")
    document = factories.make_document(project=draft)
    url = f"/en/projects/draft/documents/{document.pk}/"

    assert Client().get(url).status_code == 404
    preview = editor_client.get(url)
    assert preview.status_code == 200
    assert "no-cache" in preview["Cache-Control"]


def test_unknown_and_mismatched_documents_are_not_found(client):
    factories.make_project(slug="spa")
    other = factories.make_document()

    assert client.get(f"/en/projects/spa/documents/{other.pk}/").status_code == 404
    assert client.get("/en/projects/spa/documents/999999/").status_code == 404
    assert client.get("/en/projects/spa/documents/99999999999999999999/").status_code == 404


def test_project_page_queries_do_not_grow_with_documents(assert_constant_queries):
    project = factories.make_full_project(slug="full")
    factories.make_document(project=project)

    def add_documents():
        for _ in range(5):
            factories.make_document(project=project)

    assert_constant_queries("/en/projects/full/", add_documents)


def test_the_public_change_log_lists_a_document_added(admin_client, changeform_data, client):
    project = factories.make_full_project(slug="spa")
    data = changeform_data(admin_client.get(change_url(project)))
    assert admin_client.post(change_url(project), data).status_code == 302
    data = changeform_data(admin_client.get(change_url(project)))
    document_row(data, file=upload(PDF, name="report.pdf"))

    assert admin_client.post(change_url(project), data).status_code == 302

    assertContains(client.get("/en/changes/"), "Document added: Final report")
    assertContains(client.get("/sl/changes/"), "Dodan dokument: Končno poročilo")
    assert Project.objects.get(pk=project.pk).documents.count() == 1
