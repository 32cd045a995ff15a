"""On SQLite, an index that holds each organisation's country and whether it is the agency
beside its key: the downloads sum up each project's partners (their countries, the agency's
share) by joining every partnership of 10,000 projects to its organisation, which read each
organisation's whole row (its long texts and folded search text as well). At 100,000 projects
a chunk's summary took 94 ms, with the index 69 ms.

PostgreSQL hashes the organisations for that join whether or not an index covers them (a
covering index measured no faster there), so the index is made on SQLite alone.
"""

from django.db import migrations

from regionportal.base.engine_indexes import indexes_per_engine

INDEXES = {"organisation_country_by_id": {"sqlite": "(id, is_agency, country)"}}


class Migration(migrations.Migration):
    dependencies = [("projects", "0013_organisation_name_order")]

    operations = [indexes_per_engine("projects_organisation", INDEXES)]
