"""On PostgreSQL, the site search's weighted full-text vector of projects and organisations,
kept by the database in a stored generated column with a GIN index, in place of the full-text
index on the folded text.

The search matched and ranked by a vector it parsed from the text on every search: where the
planner read the table, every row's long text was folded and parsed, and every matching row's
once more to rank it (the projects' query at 10,000 took 530 ms, at 100,000 over 1 s). The
stored vector is parsed once, on the write: its names weigh A and the rest of the searched
text B, as the search's rank weighs them (regionportal.site.search), and its lexemes are those
of the folded text the index it replaces held. The database computes it on every insert and
update, whatever writes the row (a form, an import, update(), bulk_create, a restore).

SQLite has no full-text vector: the column and its index are PostgreSQL's alone, made here
rather than declared on the models, which would ask SQLite for them too (and would read the
vector with every project the site shows). The search reads the column by name.
"""

from django.db import migrations

COLUMN = "search_vector"
# Each table's searched names (weight A) and the rest of its searched text (weight B), as
# regionportal.site.search's types list them, and the full-text index this replaces.
TABLES = {
    "projects_project": (
        ["acronym", "title_sl", "title_en"],
        ["summary_sl", "summary_en", "objectives_sl", "objectives_en"],
        "projects_project_folded_text_fts",
    ),
    "projects_organisation": (
        ["name", "name_en", "acronym"],
        ["city", "description_sl", "description_en"],
        "projects_org_folded_text_fts",
    ),
}


def _vector(columns, weight):
    # Folded as regionportal.base.text.Fold(joined(…)) folds: each column as text, NULL as "".
    joined = " || ' ' || ".join(f"COALESCE({column}::text, '')" for column in columns)
    return f"setweight(to_tsvector('simple'::regconfig, regionportal_fold({joined})), '{weight}')"


def _index(table):
    return f"{table}_{COLUMN}"


def add_search_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (names, text, old_index) in TABLES.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS "
            f"({_vector(names, 'A')} || {_vector(text, 'B')}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {_index(table)} ON {table} USING gin ({COLUMN})")
        schema_editor.execute(f"DROP INDEX IF EXISTS {old_index}")
    # The planner's statistics of the new column, so that it picks the index from the start.
    schema_editor.execute(f"ANALYZE {', '.join(TABLES)}")


def remove_search_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (_names, _text, old_index) in TABLES.items():
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {COLUMN}")
        schema_editor.execute(
            f"CREATE INDEX {old_index} ON {table} USING gin "
            "(to_tsvector('simple'::regconfig, COALESCE(folded_text, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0010_sort_indexes")]

    operations = [
        migrations.RunPython(add_search_vectors, remove_search_vectors, elidable=False),
    ]
