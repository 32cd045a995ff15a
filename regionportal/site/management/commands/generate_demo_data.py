"""Fill a database with many realistic, published demo projects for benchmarks and load tests,
or delete them again (see regionportal.site.demo_data)."""

import time

from django.core.management.base import BaseCommand, CommandError

from regionportal.site.demo_data import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_SEED,
    DemoDataGenerator,
    ReferenceContent,
    content_not_generated,
    delete_demo_data,
)


def _positive(value):
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Add N made-up, published projects with partners from many countries, pillars, vision "
        "goals, municipalities, budgets and results, for benchmarks and load tests. They refer "
        "to the content load_content loaded; the database must hold no other projects or "
        "organisations unless --force is given. Every generated record names the source "
        "'Generirani demo podatki', and --delete removes exactly those records."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--projects",
            type=_positive,
            default=100,
            metavar="N",
            help="How many projects to make (default: 100).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"The random seed: the same seed makes the same data (default: {DEFAULT_SEED}).",
        )
        parser.add_argument(
            "--batch-size",
            type=_positive,
            default=DEFAULT_BATCH_SIZE,
            help=f"Projects written per transaction (default: {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the demo data beside projects and organisations it did not make.",
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Delete every generated record (and nothing else) instead of making any.",
        )

    def handle(self, *args, projects, seed, batch_size, force, delete, **options):
        if delete:
            self.delete()
            return
        reference = ReferenceContent()
        missing = reference.missing()
        if missing:
            raise CommandError(
                f"The database lacks the reference content the demo projects refer to: "
                f"{', '.join(missing)}. Run `manage.py load_content` first."
            )
        others = content_not_generated()
        if (others["projects"] or others["organisations"]) and not force:
            raise CommandError(
                f"The database holds {others['projects']} projects and "
                f"{others['organisations']} organisations (besides the agency) that "
                "generate_demo_data did not make: it looks like the portal's real content, and "
                "the demo projects would be published beside it. Use a database of its own for "
                "benchmarks, or give --force to add them anyway (--delete removes them again)."
            )
        started = time.monotonic()

        def progress(batch_number, batch_count, tally):
            self.stdout.write(
                f"Batch {batch_number}/{batch_count}: {tally.projects:,} of {projects:,} "
                f"projects, {tally.organisations:,} organisations "
                f"({time.monotonic() - started:.1f} s)"
            )

        generator = DemoDataGenerator(reference=reference, seed=seed)
        tally = generator.run(projects, batch_size=batch_size, progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Made {tally.projects:,} published projects in {seconds:.1f} s (seed {seed}):\n"
            f"  organisations: {tally.organisations:,} from {len(tally.countries)} countries\n"
            f"  partnerships: {tally.partnerships:,} "
            f"({tally.partnerships / tally.projects:.1f} per project, one lead each)\n"
            f"  with the agency: {tally.agency_projects:,} projects, "
            f"{tally.agency_leads:,} of them led by it\n"
            f"  pillars: {tally.project_pillars:,}, vision goals: {tally.goal_links:,}, "
            f"municipalities: {tally.municipality_links:,}, results: {tally.results:,}\n"
            f"  statuses: "
            + ", ".join(f"{status} {count:,}" for status, count in sorted(tally.statuses.items()))
        )

    def delete(self):
        started = time.monotonic()

        def progress(label, done, total, seconds):
            self.stdout.write(f"Deleted {done:,} of {total:,} {label} ({seconds:.1f} s)")

        deleted = delete_demo_data(progress=progress)
        if not (deleted.projects or deleted.organisations or deleted.source_deleted):
            self.stdout.write("No generated demo data to delete.")
            return
        self.stdout.write(
            f"Deleted {deleted.projects:,} generated projects and {deleted.organisations:,} "
            f"generated organisations in {time.monotonic() - started:.1f} s."
        )
        if deleted.organisations_kept:
            self.stdout.write(
                "Generated organisations kept because they take part in projects "
                f"generate_demo_data did not make (with the source that marks them): "
                f"{deleted.organisations_kept:,}."
            )
