"""The publishers' group, Odobritelj: what editors may do, and publishing, returning and
withdrawing projects and the agreement's projects. Editors (Urednik) and reviewers
(Pregledovalec) do not get the publish permissions.

No users are made here: an administrator adds staff to the group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PUBLISHERS = "Odobritelj"
EDITORS = "Urednik"
REVIEWERS = "Pregledovalec"
PUBLISH = [("projects", "publish_project"), ("funding", "publish_agreementproject")]


def create_publishers(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are made after `migrate` (post_migrate); the group needs them now.
    for label in ["projects", "funding"]:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publish = [
        Permission.objects.using(using).get(content_type__app_label=app, codename=codename)
        for app, codename in PUBLISH
    ]
    for group in Group.objects.using(using).filter(name__in=[EDITORS, REVIEWERS]):
        group.permissions.remove(*publish)
    publishers, _ = Group.objects.using(using).get_or_create(name=PUBLISHERS)
    editors = Group.objects.using(using).filter(name=EDITORS).first()
    if editors is not None:
        publishers.permissions.add(*editors.permissions.all())
    publishers.permissions.add(*publish)


def delete_publishers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=PUBLISHERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("regionportal", "0002_staff_groups"),
        ("funding", "0003_agreement_project_state"),
        ("projects", "0003_project_state"),
    ]

    operations = [
        migrations.RunPython(create_publishers, delete_publishers),
    ]
