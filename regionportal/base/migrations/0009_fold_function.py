"""regionportal_fold(text) on PostgreSQL: LOWER(UNACCENT(text)) declared immutable, so that the
folded search columns (regionportal.base.text.FoldedText) and their indexes may use it.

The extension's unaccent(text) is only stable: it reads the dictionary found on the search
path at call time. The wrapper names the dictionary with its schema, the usual way to make it
immutable. SQLite needs nothing: the portal's own unaccent is registered as deterministic.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION regionportal_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower({schema}.unaccent('{schema}.unaccent'::regdictionary, $1)) $$
"""


def create_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
        )
        (schema,) = cursor.fetchone()
    schema_editor.execute(FUNCTION.format(schema=schema))


def drop_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS regionportal_fold(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("regionportal", "0008_import_jobs"),
    ]

    operations = [
        migrations.RunPython(create_fold_function, drop_fold_function, elidable=False),
    ]
