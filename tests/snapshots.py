"""What a backup must keep, in tests: every row of every table and every media file, as values
that compare equal across databases and processes."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.apps import apps


def snapshot():
    """Every column of every row of every table (many-to-many through tables included), in
    primary-key order, as JSON-comparable values: the same rows give the same snapshot on
    SQLite and on PostgreSQL, and in another process."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*columns)
        tables[model._meta.label_lower] = [[_comparable(value) for value in row] for row in rows]
    return tables


def _comparable(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"Decimal {value}"
    if isinstance(value, bytes | memoryview):
        return f"bytes {bytes(value).hex()}"
    return value


def media_snapshot(media_root):
    root = Path(media_root)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
