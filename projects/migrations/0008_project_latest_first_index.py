"""An index in the project list's default order, the latest first (start, then end, both
descending with projects without dates last, then the key), that also holds the publication
state: the list's first page then reads 20 index entries instead of sorting every published
project (SQLite at 10,000: 27 ms, now under 1 ms).

The order needs NULLS LAST on PostgreSQL, which SQLite's CREATE INDEX does not take (its
descending order puts NULLs last anyway), so the index is made here for each database rather
than declared in Meta.indexes.
"""

from django.db import migrations

from regionportal.base.engine_indexes import indexes_per_engine

NAME = "project_latest_first"
COLUMNS = {
    "sqlite": "(start_date DESC, end_date DESC, id, state, publish_at)",
    "postgresql": (
        "(start_date DESC NULLS LAST, end_date DESC NULLS LAST, id) INCLUDE (state, publish_at)"
    ),
}


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_list_filter_indexes")]

    operations = [indexes_per_engine("projects_project", {NAME: COLUMNS})]
