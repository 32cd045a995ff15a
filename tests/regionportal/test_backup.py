"""Backups: `manage.py backup` writes every table and the media into one file, and
`manage.py restore` puts back exactly that, on SQLite and PostgreSQL and from one to the other;
a file that is not an intact backup of this schema or an older one is refused, changing nothing."""

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

import psycopg
import pytest
import reversion
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from psycopg import sql

from projects.models import Organisation, Partnership, Project, ProjectDocument, ProjectImage
from regionportal.site.backups import MANIFEST, BackupError, read_backup, seal
from tests.database import as_migrated_afterwards
from tests.factories import (
    make_document,
    make_full_project,
    make_image,
    make_project,
    make_user,
)
from tests.snapshots import media_snapshot, snapshot


@pytest.fixture(scope="module", autouse=True)
def _database_as_migrated_after_the_module(django_db_setup, django_db_blocker):
    """Two tests here commit for real, and the flush after each leaves every table empty: the
    tests of other modules that run after them in the same process expect the migrations' rows."""
    with django_db_blocker.unblock(), as_migrated_afterwards():
        yield


@pytest.fixture
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"
    return settings


@pytest.fixture
def portal(db, folders):
    """A little of everything: content with decimals and microsecond timestamps, many-to-many
    links, a staff user in a group, a revision with its versions, a session and media files."""
    agency_project = make_full_project(total_budget=Decimal("1598948.37"))
    agency_project.municipalities.set([])
    with reversion.create_revision():
        reversion.set_comment("Naslov popravljen")
        agency_project.title_sl = "Projekt s popravljenim naslovom"
        agency_project.save()
    make_user(group="Urednik", username="urednica", first_name="Špela")
    session = SessionStore()
    session["note"] = "čšž"
    session.create()
    folders.MEDIA_ROOT.joinpath("projects").mkdir(parents=True)
    folders.MEDIA_ROOT.joinpath("projects", "poster.png").write_bytes(bytes(range(256)) * 4)
    folders.MEDIA_ROOT.joinpath("report.pdf").write_bytes(b"%PDF-1.7 report")
    return agency_project


def backup():
    out = StringIO()
    call_command("backup", stdout=out)
    return out.getvalue()


def restore(path, *args):
    out = StringIO()
    call_command("restore", str(path), *args, stdout=out)
    return out.getvalue()


def written_path(output):
    return Path(output.splitlines()[0])


def change_everything(project, media_root):
    """An edit, a deletion and an addition in the database, and in the media folder."""
    project.title_sl = "Spremenjen po varnostni kopiji"
    project.save()
    Partnership.objects.filter(project=project).exclude(role=Partnership.Role.LEAD).delete()
    Organisation.objects.filter(partnerships__isnull=True).delete()
    make_project(title_sl="Dodan po varnostni kopiji")
    User.objects.filter(username="urednica").update(is_active=False)
    media_root.joinpath("report.pdf").write_bytes(b"%PDF-1.7 another report")
    media_root.joinpath("projects", "poster.png").unlink()
    media_root.joinpath("new.txt").write_text("added later")


def test_restore_gives_back_every_row_and_media_file_of_the_backup(portal, folders):
    rows, media = snapshot(), media_snapshot(folders.MEDIA_ROOT)

    output = backup()

    path = written_path(output)
    assert path.parent == folders.BACKUP_DIR
    assert re.fullmatch(r"regionportal-\d{4}-\d\d-\d\dT\d{6}Z\.zip", path.name)
    assert path.stat().st_mode & 0o777 == 0o600  # it holds password hashes
    assert list(folders.BACKUP_DIR.iterdir()) == [path]
    total = sum(len(table) for table in rows.values())
    assert f"{total} rows in {len(rows)} tables, 2 media files." in output
    change_everything(portal, folders.MEDIA_ROOT)
    assert snapshot() != rows
    assert media_snapshot(folders.MEDIA_ROOT) != media

    output = restore(path, "--noinput")

    assert f"Restored {path}" in output
    assert f"{total} rows in {len(rows)} tables, 2 media files." in output
    assert snapshot() == rows
    assert media_snapshot(folders.MEDIA_ROOT) == media
    assert Project.objects.get(pk=portal.pk).title_sl == "Projekt s popravljenim naslovom"
    assert Group.objects.get(name="Urednik").user_set.get().first_name == "Špela"
    # The next rows continue after the restored ones (PostgreSQL's sequences were reset).
    assert make_project().pk > max(row[0] for row in rows["projects.project"])
    assert Group.objects.create(name="Nova skupina").pk > Group.objects.get(name="Urednik").pk


def test_a_backup_holds_the_uploaded_images_and_documents_and_a_restore_brings_them_back(
    portal, folders, client
):
    image = make_image(project=portal)
    document = make_document(project=portal)
    portal.state = "published"
    portal.save()
    stored = [*image.files(), document.file.name]
    path = written_path(backup())
    with zipfile.ZipFile(path) as archive:
        assert {f"media/{name}" for name in stored} <= set(archive.namelist())
    ProjectImage.objects.all().delete()
    ProjectDocument.objects.all().delete()
    for name in stored:
        default_storage.delete(name)

    restore(path, "--noinput")

    assert ProjectImage.objects.get().files() == image.files()
    assert all(default_storage.exists(name) for name in stored)
    response = client.get(f"/en/projects/{portal.slug}/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_backup_holds_every_table_with_its_rows(portal, folders):
    rows = snapshot()

    with zipfile.ZipFile(written_path(backup())) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        names = set(archive.namelist())

    counts = {table["model"]: table["rows"] for table in manifest["tables"]}
    assert counts == {label: len(table) for label, table in rows.items()}
    for label in ["reversion.version", "auth.user_groups", "sessions.session", "auth.permission"]:
        assert counts[label] > 0
        assert f"data/{label}.jsonl" in names
    assert {"media/projects/poster.png", "media/report.pdf"} <= names
    assert "0002_staff_groups" in manifest["migrations"]["regionportal"]


def test_answering_anything_but_yes_changes_nothing(portal, folders, monkeypatch):
    path = written_path(backup())
    change_everything(portal, folders.MEDIA_ROOT)
    rows, media = snapshot(), media_snapshot(folders.MEDIA_ROOT)
    questions = []

    def answer(question):
        questions.append(question)
        return "no"

    monkeypatch.setattr("builtins.input", answer)
    with pytest.raises(CommandError, match=r"^Restore cancelled; nothing was changed\.$"):
        restore(path)

    assert "Type 'yes' to continue" in questions[0]
    assert str(path) in questions[0]
    assert snapshot() == rows
    assert media_snapshot(folders.MEDIA_ROOT) == media


def test_answering_yes_restores(portal, folders, monkeypatch):
    rows = snapshot()
    path = written_path(backup())
    change_everything(portal, folders.MEDIA_ROOT)

    monkeypatch.setattr("builtins.input", lambda question: "yes")
    restore(path)

    assert snapshot() == rows


def rewrite(path, target, *, members=None, manifest=None):
    """A copy of the backup at `path` with some members replaced (their checksums updated, as
    a careful forger would) and the manifest changed by the `manifest` function."""
    members = members or {}
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as copy:
        contents = json.loads(source.read(MANIFEST))
        for name, data in members.items():
            contents["members"][name] = {
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        if manifest:
            manifest(contents)
        for name in source.namelist():
            if name != MANIFEST:
                copy.writestr(name, members.get(name, source.read(name)))
        copy.writestr(MANIFEST, json.dumps(contents))
    seal(target)
    return target


def assert_refused(path, message, media_root):
    rows, media = snapshot(), media_snapshot(media_root)
    with pytest.raises(CommandError) as refusal:
        restore(path, "--noinput")
    assert message in str(refusal.value)
    assert str(refusal.value).lower().endswith("nothing was changed.")
    assert snapshot() == rows
    assert media_snapshot(media_root) == media
    # Nor was the unpacked media left beside the media folder.
    assert not list(Path(media_root).parent.glob(".media-*"))


@pytest.fixture
def a_backup(portal, folders):
    path = written_path(backup())
    change_everything(portal, folders.MEDIA_ROOT)
    return path


def test_refuses_files_that_are_not_backups(a_backup, folders, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    text = elsewhere / "notes.txt"
    text.write_text("just some notes")
    empty = elsewhere / "empty.zip"
    empty.write_bytes(b"")
    random_zip = elsewhere / "photos.zip"
    with zipfile.ZipFile(random_zip, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    other_format = elsewhere / "other.zip"
    with zipfile.ZipFile(other_format, "w") as archive:
        archive.writestr(MANIFEST, json.dumps({"format": "something-else"}))

    assert_refused(
        text, f"{text} is not a backup of this portal (it is not a zip file)", folders.MEDIA_ROOT
    )
    assert_refused(
        empty, f"{empty} is not a backup of this portal (it is not a zip file)", folders.MEDIA_ROOT
    )
    assert_refused(
        random_zip,
        f"{random_zip} is not a backup of this portal (it has no manifest.json)",
        folders.MEDIA_ROOT,
    )
    assert_refused(
        other_format,
        f"{other_format} is not a backup of this portal "
        "(manifest.json does not name the format regionportal-backup)",
        folders.MEDIA_ROOT,
    )
    assert_refused(elsewhere / "missing.zip", "missing.zip: no such file", folders.MEDIA_ROOT)


def test_refuses_a_damaged_backup(a_backup, folders, tmp_path):
    data = a_backup.read_bytes()
    truncated = tmp_path / "backups" / "truncated.zip"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with zipfile.ZipFile(a_backup) as archive:
        info = archive.getinfo("data/projects.project.jsonl")
    # A byte in the middle of the member's compressed data.
    flipped_at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    flipped = tmp_path / "backups" / "flipped.zip"
    flipped.write_bytes(
        data[:flipped_at] + bytes([data[flipped_at] ^ 0x40]) + data[flipped_at + 1 :]
    )
    forged = rewrite(
        a_backup,
        tmp_path / "backups" / "forged.zip",
        manifest=lambda manifest: manifest["members"]["media/report.pdf"].update(size=3),
    )

    assert_refused(
        truncated,
        f"{truncated} is damaged: it is cut short or its zip directory is corrupt",
        folders.MEDIA_ROOT,
    )
    assert_refused(
        flipped, f"{flipped} is damaged: data/projects.project.jsonl", folders.MEDIA_ROOT
    )
    assert_refused(
        forged,
        f"{forged} is damaged: media/report.pdf does not match its checksum",
        folders.MEDIA_ROOT,
    )


def test_a_byte_changed_anywhere_is_noticed(a_backup, tmp_path):
    data = a_backup.read_bytes()
    damaged = tmp_path / "damaged.zip"
    for position in [*range(0, len(data), 97), *range(len(data) - 200, len(data))]:
        damaged.write_bytes(data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :])
        with pytest.raises(BackupError, match=r" is (damaged|not a backup of this portal)"):
            read_backup(damaged)


def test_refuses_a_backup_from_a_newer_schema(a_backup, folders, tmp_path):
    def add_future_migration(manifest):
        manifest["migrations"]["projects"].append("0099_from_the_future")

    newer = rewrite(a_backup, tmp_path / "backups" / "newer.zip", manifest=add_future_migration)
    other_app = rewrite(
        a_backup,
        tmp_path / "backups" / "other-app.zip",
        manifest=lambda manifest: manifest["migrations"].update(newsletter=["0001_initial"]),
    )
    newer_format = rewrite(
        a_backup,
        tmp_path / "backups" / "newer-format.zip",
        manifest=lambda manifest: manifest.update(format_version=2),
    )

    assert_refused(
        newer,
        f"{newer} comes from a newer version of the portal: this version does not know the "
        "migration(s) projects.0099_from_the_future. Upgrade the portal first, then restore.",
        folders.MEDIA_ROOT,
    )
    assert_refused(
        other_app,
        f"{other_app} holds data of apps this portal does not have installed: newsletter.",
        folders.MEDIA_ROOT,
    )
    assert_refused(
        newer_format,
        f"{newer_format} was written by a newer version of the portal (backup format 2; this "
        "one reads format 1). Upgrade the portal first, then restore.",
        folders.MEDIA_ROOT,
    )


# Committing for real: on SQLite, foreign keys are then not checked while loading, only after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_that_do_not_fit_leave_the_database_as_it_was(a_backup, folders, tmp_path):
    """An intact file whose rows cannot be loaded (here a partnership of a project that is not
    in the backup): the one transaction is rolled back."""
    with zipfile.ZipFile(a_backup) as archive:
        lines = archive.read("data/projects.partnership.jsonl").decode().splitlines()
    row = json.loads(lines[-1])
    row["fields"]["project"] = 999999
    broken = rewrite(
        a_backup,
        tmp_path / "backups" / "broken.zip",
        members={
            "data/projects.partnership.jsonl": "\n".join([*lines[:-1], json.dumps(row)]).encode()
        },
    )

    assert_refused(
        broken,
        f"{broken} could not be restored: ",
        folders.MEDIA_ROOT,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_from_an_older_schema_is_restored_and_migrated_forward(folders, tmp_path):
    """A backup made before the staff groups' migration: the database is taken back to that
    schema, the backup loaded, and the migrations since then applied to it, as an upgrade of
    that portal would have."""
    project = make_full_project()
    rows = snapshot()
    path = written_path(backup())
    groups = ["data/auth.group.jsonl", "data/auth.group_permissions.jsonl"]

    def before_staff_groups(manifest):
        manifest["migrations"]["regionportal"] = ["0001_initial"]
        # As old as that: before the folded search columns too, which need a later base.
        manifest["migrations"]["projects"] = [
            name for name in manifest["migrations"]["projects"] if name < "0006_folded_search_text"
        ]
        # And before the search's words of the names, which need the latest of them.
        manifest["migrations"]["site"] = []
        for table in manifest["tables"]:
            if f"data/{table['model']}.jsonl" in groups:
                table["rows"] = 0

    older = rewrite(
        path,
        tmp_path / "backups" / "older.zip",
        members=dict.fromkeys(groups, b""),
        manifest=before_staff_groups,
    )
    Project.objects.filter(pk=project.pk).update(title_sl="Spremenjen po varnostni kopiji")
    Group.objects.all().delete()

    restore(older, "--noinput")

    restored = snapshot()
    for label in ["auth.group", "auth.group_permissions"]:
        del rows[label], restored[label]
    assert restored == rows
    # The staff groups' migration ran again on the restored data.
    editors = Group.objects.get(name="Urednik")
    assert editors.permissions.filter(codename="change_project").exists()
    assert (
        MigrationRecorder(connection)
        .migration_qs.filter(app="regionportal", name="0003_search_extensions")
        .exists()
    )


# The PostgreSQL server that CI runs beside both test runs; in the SQLite run the test below
# makes a database of its own there.
POSTGRES_SERVER = os.environ.get("BACKUP_TEST_POSTGRES", "postgres://regionportal@127.0.0.1:5432")


@pytest.fixture
def other_database(tmp_path):
    """The address of a new, empty database of the other kind: SQLite when the tests run on
    PostgreSQL, PostgreSQL when they run on SQLite."""
    if connection.vendor == "postgresql":
        yield f"sqlite:///{tmp_path / 'other.sqlite3'}"
        return
    name = sql.Identifier(f"rp_backup_cross_{os.getpid()}")
    try:
        server = psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True)
    except psycopg.OperationalError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL at {POSTGRES_SERVER} (BACKUP_TEST_POSTGRES names another)")
    with server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
        server.execute(sql.SQL("CREATE DATABASE {}").format(name))
        yield f"{POSTGRES_SERVER}/{name.as_string(server)[1:-1]}"
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


# Run in the other database's process: what the restore gave, then a new row (its primary key
# follows the restored ones), then a backup of that.
IN_THE_OTHER_DATABASE = """
import json
import django
django.setup()
from django.conf import settings
from regionportal.site.backups import write_backup
from tests.factories import make_project
from tests.snapshots import media_snapshot, snapshot

restored = snapshot()
media = {name: data.hex() for name, data in media_snapshot(settings.MEDIA_ROOT).items()}
make_project(slug="only-in-the-other-database", acronym="OTHER")
print(json.dumps({
    "restored": restored,
    "media": media,
    "changed": snapshot(),
    "backup": str(write_backup().path),
}))
"""


def test_a_backup_moves_between_sqlite_and_postgresql(portal, folders, other_database, tmp_path):
    rows, media = snapshot(), media_snapshot(folders.MEDIA_ROOT)
    path = written_path(backup())
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "regionportal.settings",
        "DATABASE_URL": other_database,
        "DJANGO_MEDIA_ROOT": str(tmp_path / "other-media"),
        "BACKUP_DIR": str(tmp_path / "other-backups"),
    }

    def in_the_other_database(*command):
        run = subprocess.run(
            [sys.executable, *command],
            env=environment,
            cwd=django_settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        return run.stdout

    # Into an empty database: the restore makes its tables first.
    assert "Restored" in in_the_other_database("manage.py", "restore", "--noinput", str(path))
    other = json.loads(in_the_other_database("-c", IN_THE_OTHER_DATABASE))
    assert other["restored"] == rows
    assert other["media"] == {name: data.hex() for name, data in media.items()}
    assert other["changed"]["projects.project"][-1][0] > rows["projects.project"][-1][0]

    restore(other["backup"], "--noinput")

    assert snapshot() == other["changed"]
    assert media_snapshot(folders.MEDIA_ROOT) == media
    assert make_project().pk > other["changed"]["projects.project"][-1][0]
