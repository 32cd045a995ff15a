"""Downloads too large for the page cache, kept as files beside it (regionportal.base.kept_files):
served again from the file, never stale, never half kept, and the folder kept tidy."""

import io

import pytest
from django.http import HttpResponse
from django.test import Client
from openpyxl import load_workbook

from regionportal.base import kept_files, page_cache
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/en/projects/export.csv/"


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def small_limit(monkeypatch):
    """Every download is "large": larger than what the cache itself keeps."""
    monkeypatch.setattr(page_cache, "MAX_STREAMED_SIZE", 10)


@pytest.fixture
def folder(settings):
    return settings.PAGE_CACHE_FILES_DIR


def bodies(folder):
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".body"))


def test_a_large_download_is_served_again_from_its_file_without_a_query(
    visitor, small_limit, folder, django_assert_num_queries
):
    factories.make_project(acronym="FILED")
    first = visitor.get(URL)
    body = first.getvalue()
    assert b"FILED" in body
    assert len(bodies(folder)) == 1

    with django_assert_num_queries(0):
        again = visitor.get(URL)
        assert again.getvalue() == body
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Disposition"] == first["Content-Disposition"]
    assert again["Content-Length"] == str(len(body))
    assert again["Cache-Control"] == "public, max-age=30, stale-while-revalidate=60"
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["ETag"]

    not_modified = visitor.get(URL, headers={"if-none-match": again["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified.getvalue() == b""


def test_an_xlsx_download_is_kept_as_a_file_too(visitor, small_limit, folder):
    factories.make_project(acronym="SHEET")
    url = "/sl/projects/export.xlsx/"
    first = visitor.get(url).getvalue()
    again = visitor.get(url).getvalue()
    assert again == first
    sheet = load_workbook(io.BytesIO(again)).active
    assert "SHEET" in [cell.value for row in sheet.iter_rows() for cell in row]
    assert len(bodies(folder)) == 1


def test_the_key_holds_the_query_and_the_language(visitor, small_limit, folder):
    factories.make_project(acronym="ONE", status="completed")
    factories.make_project(acronym="TWO", status="in_implementation")
    everything = visitor.get(URL).getvalue()
    completed = visitor.get(URL, {"status": "completed"}).getvalue()
    slovene = visitor.get("/sl/projects/export.csv/").getvalue()
    assert b"TWO" in everything
    assert b"TWO" not in completed
    assert b"Kratica" in slovene
    assert visitor.get(URL, {"status": "completed"}).getvalue() == completed
    assert len(bodies(folder)) == 3


def test_a_content_change_is_in_the_next_download_and_the_old_file_goes(
    visitor, small_limit, folder
):
    project = factories.make_project(acronym="BEFORE")
    assert b"BEFORE" in visitor.get(URL).getvalue()
    [old] = bodies(folder)

    project.acronym = "AFTER"
    project.save()
    body = visitor.get(URL).getvalue()
    assert b"AFTER" in body
    assert b"BEFORE" not in body
    [new] = bodies(folder)
    assert new != old
    # Only the new version's body and headers are left.
    assert len(list(folder.iterdir())) == 2


def test_a_download_not_read_to_its_end_is_not_kept(small_limit, folder, rf):
    sent = page_cache._kept_once_streamed(
        HttpResponse(), iter([b"x" * 20, b"y" * 20]), "page:en:cut-off", 5
    )
    assert next(sent) == b"x" * 20
    sent.close()  # the visitor went away: the server closes the response's content
    assert list(folder.iterdir()) == []
    assert kept_files.kept_file_response(rf.get(URL), "page:en:cut-off", 5) is None

    whole = page_cache._kept_once_streamed(
        HttpResponse(), iter([b"x" * 20, b"y" * 20]), "page:en:cut-off", 5
    )
    assert b"".join(whole) == b"x" * 20 + b"y" * 20
    response = kept_files.kept_file_response(rf.get(URL), "page:en:cut-off", 5)
    assert b"".join(response.streaming_content) == b"x" * 20 + b"y" * 20


def test_a_folder_that_cannot_be_written_leaves_the_download_whole(
    visitor, small_limit, settings, tmp_path
):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    settings.PAGE_CACHE_FILES_DIR = blocked / "page-cache"
    factories.make_project(acronym="WHOLE")
    assert b"WHOLE" in visitor.get(URL).getvalue()
    assert b"WHOLE" in visitor.get(URL).getvalue()


def test_the_folder_is_held_under_its_size(visitor, small_limit, folder, settings):
    factories.make_project(acronym="SIZED")
    visitor.get(URL).getvalue()
    [first] = bodies(folder)
    visitor.get(URL, {"sort": "acronym"}).getvalue()
    [second] = set(bodies(folder)) - {first}
    size = (folder / first).stat().st_size
    # Room for two downloads of this size: the one read least recently goes.
    settings.PAGE_CACHE_FILES_MAX_BYTES = 2 * size + size // 2
    visitor.get(URL).getvalue()  # served from its file, which is now the most recent
    visitor.get(URL, {"sort": "-acronym"}).getvalue()
    assert len(bodies(folder)) == 2
    assert first in bodies(folder)
    assert second not in bodies(folder)


def test_staff_downloads_are_never_kept(admin_client, small_limit, folder):
    factories.make_project()
    admin_client.get(URL).getvalue()
    assert list(folder.iterdir()) == []


def test_a_kept_file_is_answered_with_its_own_headers_only(folder, rf):
    keeper = kept_files.FileKeeper("page:en:some-key", 7)
    keeper.write(b'{"count": 0}')
    keeper.keep(200, [("Content-Type", "application/json")])
    response = kept_files.kept_file_response(rf.get("/api/v1/projects/"), "page:en:some-key", 7)
    assert response["Content-Type"] == "application/json"
    assert "Content-Disposition" not in response
    assert response["Content-Length"] == "12"
    assert b"".join(response.streaming_content) == b'{"count": 0}'
    assert kept_files.kept_file_response(rf.get("/"), "page:en:some-key", 8) is None


def test_files_of_older_versions_are_cleaned_up(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("100-a.body", "100-a.headers.json", "100-b.partial", "300-c.body", "other"):
        (folder / name).write_text("x")
    kept_files.clean_up(200)
    assert sorted(path.name for path in folder.iterdir()) == ["300-c.body", "other"]
