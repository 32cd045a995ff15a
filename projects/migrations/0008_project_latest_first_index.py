"""An index in the project list's default order, the latest first (start, then end, both
descending with projects without dates last, then the key), that also holds the publication
state: the list's first page then reads 20 index entries instead of sorting every published
project (SQLite at 10,000: 27 ms, now under 1 ms).

The order needs NULLS LAST on PostgreSQL, which SQLite's CREATE INDEX does not take (its
descending order puts NULLs last anyway), so the index is made here for each database rather
than declared in Meta.indexes.
"""

from django.db import migrations

NAME = "project_latest_first"
COLUMNS = {
    "sqlite": "(start_date DESC, end_date DESC, id, state, publish_at)",
    "postgresql": (
        "(start_date DESC NULLS LAST, end_date DESC NULLS LAST, id) INCLUDE (state, publish_at)"
    ),
}


def create_index(apps, schema_editor):
    columns = COLUMNS.get(schema_editor.connection.vendor)
    if columns:
        schema_editor.execute(f"CREATE INDEX {NAME} ON projects_project {columns}")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_list_filter_indexes")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
