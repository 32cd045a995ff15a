"""Indexes a migration writes in each database's own SQL: for orders and covering columns that
Meta.indexes cannot state for both (PostgreSQL's NULLS LAST and INCLUDE, which SQLite's CREATE
INDEX does not take), or an index that only one database gains from."""

from django.db import migrations


def indexes_per_engine(table, indexes):
    """A migration operation that creates the table's indexes on the databases they name,
    `{index name: {vendor: "(columns …)"}}` (a vendor left out gets no such index), then
    analyses the table (a planner without statistics may take a new index for no better than
    the table: SQLite's does), and drops them when the migration is reversed."""

    def create_indexes(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        created = False
        for name, columns in indexes.items():
            if vendor in columns:
                schema_editor.execute(f"CREATE INDEX {name} ON {table} {columns[vendor]}")
                created = True
        if created:
            schema_editor.execute(f"ANALYZE {table}")

    def drop_indexes(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for name, columns in indexes.items():
            if vendor in columns:
                schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create_indexes, drop_indexes, elidable=False)
