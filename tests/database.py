"""The test database for tests whose data is committed for real."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection


@contextmanager
def as_migrated_afterwards():
    """Empties every table after the block and puts back the rows the migrations made (the staff
    groups, content types and permissions, with their ids), as TransactionTestCase's serialized
    rollback does before a test.

    Committed data would otherwise stay for the tests after it; a plain flush would leave no
    content types or groups for them (and the ids cached in ContentType's manager pointing at
    rows that are gone)."""
    as_migrated = connection.creation.serialize_db_to_string()
    try:
        yield
    finally:
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(as_migrated)


def explained_with_sorting_ruled_out(queryset):
    """The queryset's plan, with sorting and reading a whole table ruled out on PostgreSQL, and
    on SQLite with its table analysed (so that its planner knows how many rows there are)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_seqscan = off")
        else:
            cursor.execute(f"ANALYZE {queryset.model._meta.db_table}")
    return queryset.explain()
