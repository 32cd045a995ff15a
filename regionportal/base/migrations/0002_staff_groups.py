"""The two staff groups: editors (Urednik) and reviewers (Pregledovalec).

No users are made here: an administrator adds staff to a group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PORTAL_APPS = ["regionportal", "pillars", "funding", "projects"]
EDITORS = "Urednik"
REVIEWERS = "Pregledovalec"


def create_staff_groups(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are normally made after `migrate` (post_migrate), which has not run yet on
    # a new database; make them now for the apps whose permissions the groups get.
    for label in [*PORTAL_APPS, "reversion"]:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    portal = Permission.objects.using(using).filter(content_type__app_label__in=PORTAL_APPS)
    history = Permission.objects.using(using).filter(
        content_type__app_label="reversion", codename__in=["view_revision", "view_version"]
    )

    editors, _ = Group.objects.using(using).get_or_create(name=EDITORS)
    editors.permissions.set([*portal, *history])
    reviewers, _ = Group.objects.using(using).get_or_create(name=REVIEWERS)
    reviewers.permissions.set([*portal.filter(codename__startswith="view_"), *history])


def delete_staff_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=[EDITORS, REVIEWERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("regionportal", "0001_initial"),
        ("pillars", "0002_initial"),
        ("funding", "0002_initial"),
        ("projects", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(create_staff_groups, delete_staff_groups),
    ]
