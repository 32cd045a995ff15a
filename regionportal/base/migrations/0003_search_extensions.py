"""The PostgreSQL extensions that search uses: unaccent (č/š/ž/ć/đ fold to c/s/z/c/d) and
pg_trgm (similarity ranking). Both are trusted extensions since PostgreSQL 13, so the database
owner can create them. CreateExtension does nothing on other databases (it checks the vendor);
on SQLite the portal registers its own `unaccent` function instead (RegionPortalConfig.ready).
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("regionportal", "0002_staff_groups"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
    ]
