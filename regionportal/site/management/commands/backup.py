"""Write a backup of the whole portal: every table and the uploaded media, in one file."""

from django.core.management.base import BaseCommand, CommandError

from regionportal.site.backups import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write every table of the database and every file under MEDIA_ROOT into one "
        "timestamped zip file in BACKUP_DIR (backups/ by default)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database", default="default", help="The database to back up (default: default)."
        )

    def handle(self, *args, database, **options):
        try:
            summary = write_backup(using=database)
        except (BackupError, OSError) as exc:
            raise CommandError(f"No backup was written: {exc}") from exc
        self.stdout.write(str(summary.path))
        self.stdout.write(f"{summary.counts()}.")
        if options["verbosity"] > 1:
            for label, rows in summary.rows.items():
                self.stdout.write(f"  {label}: {rows}")
