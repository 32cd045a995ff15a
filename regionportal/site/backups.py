"""Backups of the whole portal, and restoring one.

A backup is one zip file holding every table of every installed app and the uploaded media:

- `manifest.json`: the format's name and version, when and on which database the backup was
  made, the migrations applied per app, the row count of every table, and the size and SHA-256
  of every other member;
- `data/<app_label>.<model_name>.jsonl`: the rows of one table (many-to-many through tables
  are tables of their own) in primary-key order, one object a line, written by Django's JSON
  Lines serializer with every primary and foreign key as it is, and datetimes to the
  microsecond;
- `media/<path>`: every file under MEDIA_ROOT.

The archive's comment is the SHA-256 of the zip file before its end record.

Restoring checks the whole file first (format, checksums, the schema), then
replaces the database's rows in one transaction and swaps MEDIA_ROOT only after it committed.
A backup from an older schema is restored at its own schema and then migrated forward, as the
portal itself would have been upgraded; one from a newer schema is refused.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import struct
import tempfile
import time
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.jsonl import Deserializer as JSONLinesDeserializer
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router, transaction
from django.db.migrations.exceptions import IrreversibleError
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

FORMAT = "regionportal-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_FOLDER = "data"
MEDIA_FOLDER = "media"
# Rows fetched per query while writing; memory stays flat however large a table is.
CHUNK_SIZE = 2000
COPY_BUFFER = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why, for the operator."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created_at: str
    database: str
    rows: dict  # model label → row count
    media_files: int

    def counts(self):
        """What the backup holds, in a line: "739 rows in 36 tables, 2 media files"."""
        rows = sum(self.rows.values())
        return (
            f"{rows} row{'' if rows == 1 else 's'} in {len(self.rows)} tables, "
            f"{self.media_files} media file{'' if self.media_files == 1 else 's'}"
        )


class PreciseJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes and times to milliseconds (as ECMA-262 dates are); a
    backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _HashingWriter(io.RawIOBase):
    """Passes bytes on to a zip member while counting them and taking their SHA-256."""

    def __init__(self, target):
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self):
        return True

    def write(self, data):
        self.target.write(data)
        self.sha256.update(data)
        self.size += len(data)
        return len(data)


class _Deserializer(JSONLinesDeserializer):
    """Django's JSON Lines deserializer, finding models in the given app registry: the
    portal's own models, or the historical ones of the backup's schema."""

    def __init__(self, stream, *, models_apps, **options):
        super().__init__(stream, **options)
        self.models_apps = models_apps

    def _get_model_from_node(self, model_identifier):
        try:
            return self.models_apps.get_model(model_identifier)
        except (LookupError, TypeError, ValueError) as exc:
            raise DeserializationError(f"Invalid model identifier: {model_identifier}") from exc


def backed_up_models(models_apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Every table that the installed apps keep in the database, many-to-many through tables
    included, in label order."""
    return sorted(
        (
            model
            for model in models_apps.get_models(include_auto_created=True)
            if model._meta.managed
            and not model._meta.proxy
            and router.allow_migrate_model(using, model)
        ),
        key=lambda model: model._meta.label_lower,
    )


def _table_member(label):
    return f"{DATA_FOLDER}/{label}.jsonl"


def _media_files(media_root):
    """(path, name in the backup) of every file under MEDIA_ROOT, in name order."""
    if not media_root.is_dir():
        return
    for path in sorted(media_root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, f"{MEDIA_FOLDER}/{path.relative_to(media_root).as_posix()}"


@contextmanager
def _member_writer(archive, name, members):
    """A binary stream into a new member; its size and SHA-256 go into `members`."""
    info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as target:
        writer = _HashingWriter(target)
        yield writer
    members[name] = {"size": writer.size, "sha256": writer.sha256.hexdigest()}


def _write_table(archive, model, using, members):
    rows = 0

    def counted(queryset):
        nonlocal rows
        for row in queryset:
            rows += 1
            yield row

    queryset = model._base_manager.using(using).order_by("pk").iterator(chunk_size=CHUNK_SIZE)
    name = _table_member(model._meta.label_lower)
    with (
        _member_writer(archive, name, members) as writer,
        io.TextIOWrapper(
            io.BufferedWriter(writer, COPY_BUFFER), encoding="utf-8", newline="\n"
        ) as stream,
    ):
        serializers.serialize(
            "jsonl",
            counted(queryset),
            stream=stream,
            # Local fields only: many-to-many links are rows of their through tables. Generated
            # columns (the folded search text) are the database's to compute, not data.
            fields=[
                field.name
                for field in model._meta.local_fields
                if not getattr(field, "generated", False)
            ],
            cls=PreciseJSONEncoder,
        )
    return rows


def _free_path(directory, stem):
    path = directory / f"{stem}.zip"
    number = 1
    while path.exists():
        number += 1
        path = directory / f"{stem}-{number}.zip"
    return path


def _private(path, flags):
    return os.open(path, flags, 0o600)


@contextmanager
def _consistent_snapshot(using):
    """One transaction, so that every table is read as it was at the same moment."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def write_backup(*, directory=None, media_root=None, using=DEFAULT_DB_ALIAS):
    """Write a backup of the database and of MEDIA_ROOT into `directory` (BACKUP_DIR by
    default) and return its summary. The file appears under its final name only once complete."""
    directory = Path(directory or settings.BACKUP_DIR)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    # A backup holds password hashes and sessions: only its owner may read it.
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = timezone.now().astimezone(datetime.UTC)
    path = _free_path(directory, f"regionportal-{now:%Y-%m-%dT%H%M%SZ}")
    partial = path.with_name(f".{path.name}.partial")
    connection = connections[using]
    members = {}
    tables = []
    try:
        with (
            open(partial, "xb", opener=_private) as file,
            zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive,
            _consistent_snapshot(using),
        ):
            loader = MigrationExecutor(connection).loader
            applied = set(loader.applied_migrations)
            # A database not yet migrated to this code (say, just before an upgrade) is backed
            # up as it is, at its own schema.
            models_apps = _Schema.of(loader, applied).models_apps(loader)
            for model in backed_up_models(models_apps, using):
                rows = _write_table(archive, model, using, members)
                tables.append({"model": model._meta.label_lower, "rows": rows})
            media_files = 0
            for file_path, name in _media_files(media_root):
                with file_path.open("rb") as source, _member_writer(archive, name, members) as w:
                    shutil.copyfileobj(source, w, COPY_BUFFER)
                media_files += 1
            migrations = {}
            for app_label, name in sorted(applied):
                migrations.setdefault(app_label, []).append(name)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": now.isoformat(),
                "database": connection.vendor,
                "migrations": migrations,
                "tables": tables,
                "media_files": media_files,
                "members": members,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
        seal(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupSummary(
        path=path,
        created_at=manifest["created_at"],
        database=connection.vendor,
        rows={table["model"]: table["rows"] for table in tables},
        media_files=media_files,
    )


# The zip file's own checksum, written as the archive's comment: the SHA-256 of every byte
# before the comment's length (the last field of the end record). The members' checksums say
# nothing of the zip headers and directory around them; this catches a byte changed anywhere.
SEAL_LENGTH = struct.pack("<H", 64)


def _digest_of_first(file, size):
    sha256 = hashlib.sha256()
    file.seek(0)
    remaining = size
    while remaining > 0 and (chunk := file.read(min(COPY_BUFFER, remaining))):
        sha256.update(chunk)
        remaining -= len(chunk)
    return sha256.hexdigest().encode("ascii")


def seal(path):
    """Write the checksum of the zip file at `path` (closed, without a comment) as its comment."""
    with Path(path).open("r+b") as file:
        size = file.seek(0, os.SEEK_END) - len(SEAL_LENGTH)
        digest = _digest_of_first(file, size)
        file.seek(size)
        file.write(SEAL_LENGTH + digest)


def _check_seal(path):
    with Path(path).open("rb") as file:
        size = file.seek(0, os.SEEK_END) - len(SEAL_LENGTH) - 64
        file.seek(max(size, 0))
        seal_length, digest = file.read(len(SEAL_LENGTH)), file.read()
        if size < 0 or seal_length != SEAL_LENGTH:
            raise _damaged(path, "its checksum is missing")
        if _digest_of_first(file, size) != digest:
            raise _damaged(path, "it does not match its checksum")


# Reading a backup ------------------------------------------------------------------------------

# What zipfile raises on a cut-short or corrupted file: besides its own errors, a changed
# compression method is NotImplementedError, a set encryption flag RuntimeError, a garbled
# header ValueError or struct.error.
ZIP_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
)


def _damaged(path, detail):
    return BackupError(f"{path} is damaged: {detail}. Nothing was changed.")


def _not_a_backup(path, detail):
    return BackupError(f"{path} is not a backup of this portal ({detail}). Nothing was changed.")


def _is_safe_member_name(name):
    parts = PurePosixPath(name).parts
    return (
        len(parts) >= 2
        and parts[0] in {DATA_FOLDER, MEDIA_FOLDER}
        and "\\" not in name
        and not name.startswith("/")
        and all(part not in {"", ".", ".."} for part in parts)
    )


def _read_manifest(archive, path):
    if MANIFEST not in archive.namelist():
        raise _not_a_backup(path, f"it has no {MANIFEST}")
    try:
        raw = archive.read(MANIFEST)
    except ZIP_READ_ERRORS as exc:
        raise _damaged(path, f"{MANIFEST} cannot be read ({exc})") from exc
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _not_a_backup(path, f"{MANIFEST} is not JSON") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_backup(path, f"{MANIFEST} does not name the format {FORMAT}")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"{path} was written by a newer version of the portal (backup format {version}; "
            f"this one reads format {FORMAT_VERSION}). Upgrade the portal first, then restore. "
            "Nothing was changed."
        )
    if not _manifest_is_well_formed(manifest):
        raise _damaged(path, f"{MANIFEST} is incomplete")
    return manifest


def _manifest_is_well_formed(manifest):
    members = manifest.get("members")
    migrations = manifest.get("migrations")
    tables = manifest.get("tables")
    return (
        isinstance(members, dict)
        and all(
            isinstance(entry, dict)
            and isinstance(entry.get("size"), int)
            and isinstance(entry.get("sha256"), str)
            for entry in members.values()
        )
        and isinstance(migrations, dict)
        and all(
            isinstance(names, list) and all(isinstance(name, str) for name in names)
            for names in migrations.values()
        )
        and isinstance(tables, list)
        and all(
            isinstance(table, dict)
            and isinstance(table.get("model"), str)
            and isinstance(table.get("rows"), int)
            and _table_member(table["model"]) in members
            for table in tables
        )
        and isinstance(manifest.get("created_at"), str)
    )


def _verify_members(archive, manifest, path):
    """Every member is listed in the manifest and matches its size and SHA-256 (and zip CRC)."""
    names = archive.namelist()
    listed = manifest["members"]
    if len(names) != len(set(names)):
        raise _damaged(path, "a member appears twice")
    for name in names:
        if name != MANIFEST and name not in listed:
            raise _damaged(path, f"{name} is not listed in the manifest")
    for name, expected in listed.items():
        if not _is_safe_member_name(name):
            raise _not_a_backup(path, f"it has a member named {name!r}")
        if name not in names:
            raise _damaged(path, f"{name} is missing")
        sha256 = hashlib.sha256()
        size = 0
        try:
            with archive.open(name) as member:
                while chunk := member.read(COPY_BUFFER):
                    sha256.update(chunk)
                    size += len(chunk)
        except ZIP_READ_ERRORS as exc:
            raise _damaged(path, f"{name} cannot be read ({exc})") from exc
        if size != expected["size"] or sha256.hexdigest() != expected["sha256"]:
            raise _damaged(path, f"{name} does not match its checksum")


def read_backup(path):
    """The manifest of the backup at `path`, once the whole file is known to be intact."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file. Nothing was changed.")
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_READ_ERRORS as exc:
        with path.open("rb") as file:
            looks_like_zip = file.read(len(ZIP_MAGIC)) == ZIP_MAGIC
        if looks_like_zip:
            raise _damaged(path, "it is cut short or its zip directory is corrupt") from exc
        raise _not_a_backup(path, "it is not a zip file") from exc
    with archive:
        manifest = _read_manifest(archive, path)
        _verify_members(archive, manifest, path)
        _check_seal(path)
    return manifest


# Restoring -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Schema:
    """A database schema as the migrations that made it."""

    targets: list  # the last migration of each app ((app_label, None): none applied)
    is_current: bool  # every migration the code has is applied

    @classmethod
    def of(cls, loader, applied):
        """The schema that the `applied` (app_label, name) migrations give, in `loader`'s graph."""
        graph = loader.graph
        nodes = {
            node
            for node in graph.nodes
            if node in applied
            or (graph.nodes[node].replaces and set(graph.nodes[node].replaces) <= applied)
        }
        targets = []
        for app_label in sorted(loader.migrated_apps):
            leaves = [
                node
                for node in nodes
                if node[0] == app_label
                and not any(
                    child in nodes and child[0] == app_label
                    for child in graph.node_map[node].children
                )
            ]
            targets.extend(sorted(leaves) or [(app_label, None)])
        return cls(targets=targets, is_current=nodes == set(graph.nodes))

    def models_apps(self, loader):
        """The models as they are at this schema: the portal's own, or historical ones."""
        if self.is_current:
            return global_apps
        return loader.project_state([target for target in self.targets if target[1]]).apps


def _backup_schema(manifest, path, loader):
    """The schema of the backup; refuses one whose migrations this code does not know."""
    applied = {
        (app_label, name) for app_label, names in manifest["migrations"].items() for name in names
    }
    unknown_apps = sorted({app_label for app_label, _ in applied} - loader.migrated_apps)
    if unknown_apps:
        raise BackupError(
            f"{path} holds data of apps this portal does not have installed: "
            f"{', '.join(unknown_apps)}. Restore it with the portal version it was made with, "
            "or install those apps first. Nothing was changed."
        )
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    unknown = sorted(applied - known)
    if unknown:
        names = ", ".join(f"{app_label}.{name}" for app_label, name in unknown)
        raise BackupError(
            f"{path} comes from a newer version of the portal: this version does not know the "
            f"migration(s) {names}. Upgrade the portal first, then restore. Nothing was changed."
        )
    return _Schema.of(loader, applied)


def _migrate(connection, targets):
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(targets)
    if plan:
        executor.migrate(targets, plan=plan)
    return executor


def _load_tables(archive, manifest, models_apps, using):
    for table in manifest["tables"]:
        label = table["model"]
        rows = 0
        with archive.open(_table_member(label)) as member:
            lines = io.TextIOWrapper(member, encoding="utf-8")
            for deserialized in _Deserializer(lines, models_apps=models_apps, using=using):
                if deserialized.object._meta.label_lower != label:
                    raise DeserializationError(f"a row of {label} names another table")
                deserialized.save(using=using, force_insert=True)
                rows += 1
        if rows != table["rows"]:
            raise DeserializationError(
                f"{label} has {rows} rows, the manifest says {table['rows']}"
            )


def _replace_database(archive, manifest, schema, using):
    connection = connections[using]
    executor = _migrate(connection, schema.targets)
    models_apps = schema.models_apps(executor.loader)
    models = backed_up_models(models_apps, using)
    existing = set(connection.introspection.table_names())
    tables = [model._meta.db_table for model in models if model._meta.db_table in existing]
    if connection.vendor == "postgresql":
        # PostgreSQL truncates no table with foreign-key checks still pending (from a migration
        # just applied): run them now.
        connection.check_constraints()
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    )
    _load_tables(archive, manifest, models_apps, using)
    connection.check_constraints(table_names=tables)
    ContentType.objects.clear_cache()
    if not schema.is_current:
        _migrate(connection, MigrationExecutor(connection).loader.graph.leaf_nodes())
        # As `migrate` does: content types and permissions of the models added since.
        emit_post_migrate_signal(verbosity=0, interactive=False, db=using)
    # The next row a table gets follows the restored ones (PostgreSQL's sequences).
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), backed_up_models(using=using)):
            cursor.execute(sql)


def _extract_media(archive, manifest, media_root):
    """The backup's media, unpacked into a new folder beside MEDIA_ROOT (so that swapping it in
    is a rename on the same file system)."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{media_root.name}-restoring-", dir=media_root.parent))
    # mkdtemp makes a private folder; the media folder keeps the permissions it had.
    staging.chmod(media_root.stat().st_mode & 0o7777 if media_root.is_dir() else 0o755)
    try:
        for name in manifest["members"]:
            if not name.startswith(f"{MEDIA_FOLDER}/"):
                continue
            target = staging.joinpath(*PurePosixPath(name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(name) as source, target.open("wb") as file:
                shutil.copyfileobj(source, file, COPY_BUFFER)
    except BaseException:
        shutil.rmtree(staging)
        raise
    return staging


def _swap_media(staging, media_root):
    if media_root.exists():
        replaced = Path(
            tempfile.mkdtemp(prefix=f".{media_root.name}-replaced-", dir=media_root.parent)
        )
        media_root.rename(replaced / media_root.name)
        staging.rename(media_root)
        shutil.rmtree(replaced)
    else:
        staging.rename(media_root)


# What a backup whose checksums match can still fail on while it is loaded: rows that do not
# fit this database (a value too long, a broken reference, an unknown table).
LOAD_ERRORS = (DeserializationError, DatabaseError, IrreversibleError, LookupError, ValueError)


def restore_backup(path, *, media_root=None, using=DEFAULT_DB_ALIAS):
    """Replace the database's rows and MEDIA_ROOT's files with those of the backup at `path`.

    The database changes in one transaction: on any error it is as it was, and so is
    MEDIA_ROOT, which is swapped for the backup's media only once the database committed.
    """
    path = Path(path)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = read_backup(path)
    connection = connections[using]
    schema = _backup_schema(manifest, path, MigrationExecutor(connection).loader)
    with zipfile.ZipFile(path) as archive:
        staging = _extract_media(archive, manifest, media_root)
        try:
            # SQLite cannot change its schema in a transaction while it checks foreign keys,
            # nor stop checking inside one: stop before it; check_constraints() checks them.
            with connection.constraint_checks_disabled(), transaction.atomic(using, durable=True):
                _replace_database(archive, manifest, schema, using)
        except LOAD_ERRORS as exc:
            shutil.rmtree(staging)
            ContentType.objects.clear_cache()
            raise BackupError(
                f"{path} could not be restored: {exc}. The database is as it was; nothing was "
                "changed."
            ) from exc
        except BaseException:
            shutil.rmtree(staging)
            ContentType.objects.clear_cache()
            raise
    _swap_media(staging, media_root)
    return BackupSummary(
        path=path,
        created_at=manifest["created_at"],
        database=manifest.get("database", ""),
        rows={table["model"]: table["rows"] for table in manifest["tables"]},
        media_files=sum(1 for name in manifest["members"] if name.startswith(f"{MEDIA_FOLDER}/")),
    )
