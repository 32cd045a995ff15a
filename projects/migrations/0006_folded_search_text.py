"""The folded search columns of projects and organisations (regionportal.base.text.FoldedText),
and on PostgreSQL their GIN indexes: trigram on both columns (the matcher's LIKE and the
search's typo-forgiving word similarity) and full text on the searched text.

The indexes are PostgreSQL's own (GIN, pg_trgm's operator class), so they are made here for
PostgreSQL only rather than declared in Meta.indexes, which SQLite would be asked to create too.
"""

from django.db import migrations

import regionportal.base.text

INDEXES = [
    ("projects_project_folded_name_trgm", "projects_project", "folded_name gin_trgm_ops"),
    ("projects_project_folded_text_trgm", "projects_project", "folded_text gin_trgm_ops"),
    (
        "projects_project_folded_text_fts",
        "projects_project",
        "to_tsvector('simple'::regconfig, COALESCE(folded_text, ''))",
    ),
    ("projects_org_folded_name_trgm", "projects_organisation", "folded_name gin_trgm_ops"),
    ("projects_org_folded_text_trgm", "projects_organisation", "folded_text gin_trgm_ops"),
    (
        "projects_org_folded_text_fts",
        "projects_organisation",
        "to_tsvector('simple'::regconfig, COALESCE(folded_text, ''))",
    ),
]


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in INDEXES:
        schema_editor.execute(f"CREATE INDEX {name} ON {table} USING gin ({expression})")
    # The planner's statistics of the new columns and of the full-text expression, so that
    # it picks these indexes on a large table from the start rather than after autovacuum.
    schema_editor.execute("ANALYZE projects_project, projects_organisation")


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_images_and_documents"),
        ("regionportal", "0009_fold_function"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="folded_name",
            field=regionportal.base.text.FoldedText(
                fields=["name", "name_en", "acronym"], verbose_name="name, folded"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="folded_text",
            field=regionportal.base.text.FoldedText(
                fields=["name", "name_en", "acronym", "city", "description_sl", "description_en"],
                verbose_name="searched text, folded",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="folded_name",
            field=regionportal.base.text.FoldedText(
                fields=["acronym", "title_sl", "title_en"], verbose_name="name, folded"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="folded_text",
            field=regionportal.base.text.FoldedText(
                fields=[
                    "acronym",
                    "title_sl",
                    "title_en",
                    "summary_sl",
                    "summary_en",
                    "objectives_sl",
                    "objectives_en",
                ],
                verbose_name="searched text, folded",
            ),
        ),
        migrations.RunPython(create_search_indexes, drop_search_indexes, elidable=False),
    ]
