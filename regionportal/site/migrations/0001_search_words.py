"""On PostgreSQL, the words of the names the site search looks through (regionportal.site.search):
a table of the distinct words, folded, with a trigram index, which the database keeps by itself
through triggers on every searched table, whatever writes the row (a form, an import, update(),
bulk_create, a restore).

The search forgives a typo in a name by looking up each word of the query among these words
(pg_trgm's word similarity, through the index) and then matching the names against the words
it found, as it matches the words as written. This replaces the name's word similarity to the
whole query (`folded_name %> query`), which pg_trgm rechecks on every name that shares a few
trigrams with the query: about 1,000 names at 10,000 projects, 16,000 at 100,000; the
distinct words of all names are a few thousand, however many rows hold them.

A word is added when a row's names bring it and never removed: a word no name holds any more
makes the search look for it in vain, nothing more. SQLite has no typo matching and so no table.
"""

from django.db import migrations

TABLE = "site_search_word"
FUNCTION = "site_keep_search_words"
# Each searched table's name columns, as regionportal.site.search's types list them then.
NAMES = {
    "projects_project": ["acronym", "title_sl", "title_en"],
    "projects_organisation": ["name", "name_en", "acronym"],
    "pillars_pillar": ["name_sl", "name_en"],
    "pillars_visiongoal": ["statement_sl", "statement_en"],
    "pillars_potentialexample": ["name_sl", "name_en"],
    "regionportal_municipality": ["name"],
    "funding_programme": ["name_sl", "name_en", "code"],
}


def _words(text):
    # The words as the search vectors hold them: folded, then split by the 'simple' parser.
    return (
        "SELECT DISTINCT word FROM unnest(tsvector_to_array("
        f"to_tsvector('simple'::regconfig, regionportal_fold({text})))) AS word"
    )


def _trigger(table):
    return f"{table}_search_words"


def add_search_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute(f"CREATE TABLE {TABLE} (word text PRIMARY KEY)")
    execute(f"CREATE INDEX {TABLE}_trgm ON {TABLE} USING gin (word gin_trgm_ops)")
    # The trigger's arguments name the row's name columns (read through to_jsonb, as a
    # function shared by every table cannot name them itself).
    execute(
        f"""
        CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            names text := '';
            name_column text;
        BEGIN
            FOREACH name_column IN ARRAY TG_ARGV LOOP
                names := names || ' ' || COALESCE(to_jsonb(NEW) ->> name_column, '');
            END LOOP;
            INSERT INTO {TABLE} (word) {_words("names")} ON CONFLICT DO NOTHING;
            RETURN NULL;
        END
        $$
        """
    )
    for table, columns in NAMES.items():
        arguments = ", ".join(f"'{column}'" for column in columns)
        execute(
            f"CREATE TRIGGER {_trigger(table)} AFTER INSERT OR UPDATE OF {', '.join(columns)} "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION {FUNCTION}({arguments})"
        )
        joined = " || ' ' || ".join(f"COALESCE({column}::text, '')" for column in columns)
        execute(
            f"INSERT INTO {TABLE} (word) SELECT word FROM {table}, LATERAL ({_words(joined)}) "
            "AS words ON CONFLICT DO NOTHING"
        )
    execute(f"ANALYZE {TABLE}")


def remove_search_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in NAMES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {_trigger(table)} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("projects", "0013_organisation_name_order"),
        ("pillars", "0003_pillar_colour_validated"),
        ("funding", "0005_programme_logo"),
        ("regionportal", "0009_fold_function"),
    ]

    operations = [
        migrations.RunPython(add_search_words, remove_search_words, elidable=False),
    ]
