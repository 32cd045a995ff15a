"""A source discrepancy's record is named in the admin ("vrsta zapisa", "ID zapisa"), not by the
field names Django makes up in English. Names only: nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("regionportal", "0003_search_extensions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sourcediscrepancy",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                to="contenttypes.contenttype",
                verbose_name="kind of record",
            ),
        ),
        migrations.AlterField(
            model_name="sourcediscrepancy",
            name="object_id",
            field=models.PositiveBigIntegerField(verbose_name="record ID"),
        ),
    ]
