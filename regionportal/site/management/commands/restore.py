"""Replace the database's content and the uploaded media with those of a backup."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from regionportal.site.backups import BackupError, read_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Replace every row of the database and every file under MEDIA_ROOT with those of a "
        "backup written by `manage.py backup`. The file is checked whole before anything "
        "changes; a damaged file, or one from a newer version of the portal, is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file (backups/regionportal-….zip).")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument("--database", default="default", help="The database to restore into.")

    def handle(self, *args, file, interactive, database, **options):
        try:
            manifest = read_backup(file)
            if interactive and not self.confirmed(file, manifest, database):
                raise CommandError("Restore cancelled; nothing was changed.")
            summary = restore_backup(file, using=database)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {summary.path} (made {summary.created_at} on {summary.database}): "
            f"{summary.counts()}."
        )

    def confirmed(self, file, manifest, database):
        name = connections[database].settings_dict["NAME"]
        answer = input(
            f"This replaces everything in the database {name} and in {settings.MEDIA_ROOT} "
            f"with the backup {file} (made {manifest['created_at']}).\n"
            "Type 'yes' to continue, or anything else to cancel: "
        )
        return answer == "yes"
