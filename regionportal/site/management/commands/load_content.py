"""Load the portal's content from `regionportal.site.content` into the database.

Staff own what is in the database once it is there. A plain run only adds what is missing;
`--check` lists where the database and the content files differ; `--update` writes the files'
values as one revision in the history, which staff can revert.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import translation
from reversion.models import Version

from funding.models import (
    AgencyRecord,
    AgreementCategory,
    AgreementProject,
    DevelopmentAgreement,
    FinancialPerspective,
    PolicyGoal,
    Programme,
)
from pillars.models import KeyMessage, Pillar, PotentialExample, VisionGoal
from projects.models import (
    Organisation,
    Partnership,
    Project,
    ProjectLink,
    ProjectPillar,
    ProjectResult,
    RelatedPlace,
)
from regionportal.base.models import Municipality, Region, Source, SourceDiscrepancy
from regionportal.base.publishing import State
from regionportal.site.content import funding, pillars, projects, region, sources

# Keys of a project's entry that are not fields of Project but records around it.
PROJECT_RELATIONS = (
    "pillars",
    "goals",
    "municipalities",
    "partners",
    "results",
    "places",
    "links",
    "discrepancies",
)

# For a record edited inline on another one's admin page, that record: a change the loader
# writes goes into the owner's history too, where staff see and revert it.
INLINE_OWNERS = {
    PotentialExample: "pillar",
    AgreementCategory: "agreement",
    PolicyGoal: "perspective",
    ProjectPillar: "project",
    Partnership: "project",
    ProjectResult: "project",
    RelatedPlace: "project",
    ProjectLink: "project",
    SourceDiscrepancy: "content_object",
}

# The one mark a project gives one of its pillars and partners: field, marked and unmarked value.
PRIMARY_PILLAR = ("is_primary", True, False)
LEAD_PARTNER = ("role", Partnership.Role.LEAD, Partnership.Role.PARTNER)

# The revision comment names this many records; the admin shows it on each one's history.
COMMENT_RECORDS = 20

# Stands for a record the content files name but a plain run leaves out, because staff deleted
# it (or one it needs).
MISSING = object()
# The content comes from the agency's own and public documents: a project or investment it
# brings in is public at once. The loader never changes a record's state after that: the
# workflow is the staff's.
PUBLISHED = {"state": State.PUBLISHED}


@dataclass
class Difference:
    """One way in which the database differs from the content files.

    `kind` is "value" (a field of a record both have), "missing" (a record or link the
    database never had) or "deleted" (one its history has: staff deleted or unlinked it).
    """

    record: str
    kind: str
    field: str = ""
    database: object = None
    content: object = None

    def __str__(self):
        if self.kind == "value":
            return (
                f"{self.record}: {self.field}: database {_shown(self.database)}, "
                f"content files {_shown(self.content)}"
            )
        where = f"{self.field}: {_shown(self.content)} " if self.field else ""
        what = "linked" if self.field else "in the database"
        if self.kind == "deleted":
            return f"{self.record}: {where}not {what}; its history has it (staff removed it)"
        return f"{self.record}: {where}not {what}"


class ContentLoader:
    """Compares the content records with the database, each found by its natural key.

    Every difference is noted; which ones are written depends on the mode. A plain run
    (`update=False`) writes only records and many-to-many links the database never had: it
    changes no value of a record that exists and brings back nothing the history shows staff
    deleted. `update=True` writes every difference. A record the database no longer has under
    its natural key, but the history does, is the same record with a key staff changed.
    Records and links the content does not name (a partner or result staff added) are left
    alone. Two invariants hold in both modes: a project has one primary pillar and one lead
    partner, so an update takes the mark from another record, and a plain run that adds a
    pillar or partner where another one holds the mark adds it without.
    """

    def __init__(self, *, update=False):
        self.update = update
        self.differences = []
        # What this run wrote, for the revision's comment: (record, the fields it changed).
        self.written = []
        # Counts per model or many-to-many relation, keyed by their (lazy) verbose names.
        self.tally = defaultdict(Counter)
        # The natural key of every record found or written so far, by (model, pk).
        self.keys = {}
        self.histories = {}
        self.sources = {}
        self.region = None
        self.municipalities = {}
        self.pillars = {}
        self.goals = {}
        self.programmes = {}
        self.organisations = {}

    def load(self):
        self.load_sources()
        self.load_region()
        self.load_pillars()
        self.load_funding()
        self.load_projects()

    def note(self, difference):
        """Keep the difference; return whether this run writes what the content says."""
        self.differences.append(difference)
        return self.update or difference.kind == "missing"

    def sync(self, model, lookup, values=None, *, create_as=None):
        """Find the record the content means and compare it with the content's values.

        Returns the record, or MISSING when it is not in the database after this run. A
        record this run creates gets `create_as` over the content's values.
        """
        values = values or {}
        if MISSING in (*lookup.values(), *values.values()):
            return MISSING  # it needs a record staff deleted, so it stays as staff left it
        label = _describe(model, lookup)
        tally = self.tally[(model._meta.verbose_name_plural,)]
        record, known = self.find(model, lookup)
        if record is None:
            if not self.note(Difference(label, "deleted" if known else "missing")):
                tally["different"] += 1
                return MISSING
            record = model(**{**lookup, **values, **(create_as or {})})
            self.write(record, label, [])
            outcome = "created"
        else:
            wanted = {**lookup, **values}
            changed = [name for name, value in wanted.items() if _differs(record, name, value)]
            for name in changed:
                self.note(Difference(label, "value", name, getattr(record, name), wanted[name]))
            if not changed:
                outcome = "unchanged"
            elif not self.update:
                outcome = "different"
            else:
                for name in changed:
                    setattr(record, name, wanted[name])
                self.write(record, label, [record._meta.get_field(name) for name in changed])
                outcome = "updated"
        # A record met twice (it gave up a mark, then came with its own entry) counts once.
        if (model, record.pk) not in self.keys:
            tally[outcome] += 1
        self.keys[(model, record.pk)] = lookup
        return record

    def find(self, model, lookup):
        """The record with the natural key, and whether the database or its history knows it.

        When no record has the key, the record the history last knew under it is the one,
        unless it is gone or another content entry already found it.
        """
        record = model._default_manager.filter(**lookup).order_by("pk").first()
        if record is not None:
            return record, True
        for object_id, fields in self.history(model):
            if all(
                fields.get(model._meta.get_field(name).attname) == getattr(value, "pk", value)
                for name, value in lookup.items()
            ):
                record = model._default_manager.filter(pk=object_id).first()
                if record is None or (model, record.pk) in self.keys:
                    return None, True
                return record, True
        return None, False

    def history(self, model):
        """(primary key, field values) of every version of the model's records, latest first."""
        if model not in self.histories:
            self.histories[model] = [
                (version.object_id, version.field_dict)
                for version in Version.objects.get_for_model(model).order_by("-pk")
            ]
        return self.histories[model]

    def write(self, record, label, fields):
        """Validate and save the record, and put its owner into the revision too.

        `fields` are the fields this run changed; none for a record it created.
        """
        try:
            record.full_clean()
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise CommandError(f"{label}: {problems}") from error
        record.save()
        self.written.append((record, fields))
        owner = INLINE_OWNERS.get(type(record))
        if owner:
            reversion.add_to_revision(getattr(record, owner))

    def link(self, record, field_name, objects):
        """Compare the objects the content links to a record through a many-to-many field."""
        if record is MISSING:
            return
        field = record._meta.get_field(field_name)
        tally = self.tally[(record._meta.verbose_name_plural, field.verbose_name)]
        label = _describe(type(record), self.keys[(type(record), record.pk)])
        manager = getattr(record, field_name)
        present = set(manager.values_list("pk", flat=True))
        objects = [obj for obj in objects if obj is not MISSING]
        missing = [obj for obj in objects if obj.pk not in present]
        tally["unchanged"] += len(objects) - len(missing)
        if not missing:
            return
        linked_before = {
            pk
            for version in Version.objects.get_for_object(record)
            for pk in version.field_dict.get(field.attname, ())
        }
        added = []
        for obj in missing:
            kind = "deleted" if obj.pk in linked_before else "missing"
            if self.note(Difference(label, kind, field_name, content=obj)):
                added.append(obj)
            else:
                tally["different"] += 1
        if added:
            manager.add(*added)
            self.written.append((record, [field]))
            tally["created"] += len(added)

    def resolve(self, entry, **lookups):
        """Copy an entry, replacing the slugs under the given keys with their records."""
        values = dict(entry)
        for key, records in lookups.items():
            if values.get(key) is not None:
                values[key] = records[values[key]]
        return values

    def load_sources(self):
        for entry in sources.SOURCES:
            values = dict(entry)
            slug = values.pop("slug")
            self.sources[slug] = self.sync(Source, {"slug": slug}, values)

    def load_region(self):
        values = self.resolve(region.REGION, source=self.sources)
        self.region = self.sync(Region, {"nuts_code": values.pop("nuts_code")}, values)
        for entry in region.MUNICIPALITIES:
            values = self.resolve(entry, source=self.sources)
            values["region"] = self.region
            municipality = self.sync(Municipality, {"iso_code": values.pop("iso_code")}, values)
            self.municipalities[municipality.slug] = municipality

    def load_pillars(self):
        for entry in pillars.PILLARS:
            values = self.resolve(entry, source=self.sources)
            slug = values.pop("slug")
            self.pillars[slug] = self.sync(Pillar, {"slug": slug}, values)
        for entry in pillars.POTENTIAL_EXAMPLES:
            values = self.resolve(entry, source=self.sources, pillar=self.pillars)
            lookup = {"pillar": values.pop("pillar"), "name_sl": values.pop("name_sl")}
            self.sync(PotentialExample, lookup, values)
        for entry in pillars.KEY_MESSAGES:
            values = self.resolve(entry, source=self.sources)
            self.sync(KeyMessage, {"kind": values.pop("kind")}, values)
        for entry in pillars.VISION_GOALS:
            values = self.resolve(entry, source=self.sources, pillar=self.pillars)
            slug = values.pop("slug")
            self.goals[slug] = self.sync(VisionGoal, {"slug": slug}, values)

    def load_funding(self):
        for entry in funding.PROGRAMMES:
            values = self.resolve(entry, source=self.sources)
            slug = values.pop("slug")
            self.programmes[slug] = self.sync(Programme, {"slug": slug}, values)

        agreements = {}
        for entry in funding.AGREEMENTS:
            values = self.resolve(entry, source=self.sources, figures_source=self.sources)
            slug = values.pop("slug")
            agreements[slug] = self.sync(DevelopmentAgreement, {"slug": slug}, values)
        categories = {}
        for entry in funding.AGREEMENT_CATEGORIES:
            values = self.resolve(entry, source=self.sources, agreement=agreements)
            slug = values.pop("slug")
            lookup = {"agreement": values.pop("agreement"), "slug": slug}
            categories[slug] = self.sync(AgreementCategory, lookup, values)
        for entry in funding.AGREEMENT_PROJECTS:
            values = self.resolve(
                entry,
                source=self.sources,
                category=categories,
                lead_municipality=self.municipalities,
            )
            municipalities = [self.municipalities[slug] for slug in values.pop("municipalities")]
            discrepancies = values.pop("discrepancies")
            project = self.sync(
                AgreementProject, {"slug": values.pop("slug")}, values, create_as=PUBLISHED
            )
            if project is MISSING:
                continue
            self.link(project, "municipalities", municipalities)
            self.check_other_municipalities(project)
            self.load_discrepancies(project, discrepancies)

        values = self.resolve(funding.PERSPECTIVE, source=self.sources)
        perspective = self.sync(FinancialPerspective, {"slug": values.pop("slug")}, values)
        for entry in funding.POLICY_GOALS:
            values = self.resolve(entry, source=self.sources)
            lookup = {"perspective": perspective, "number": values.pop("number")}
            self.sync(PolicyGoal, lookup, values)

        # The record holds what one source states, so the source is its natural key.
        values = self.resolve(funding.AGENCY_RECORD, source=self.sources)
        self.sync(AgencyRecord, {"source": values.pop("source")}, values)

    def load_projects(self):
        for entry in projects.ORGANISATIONS:
            values = self.resolve(entry, source=self.sources)
            slug = values.pop("slug")
            self.organisations[slug] = self.sync(Organisation, {"slug": slug}, values)
        for entry in projects.PROJECTS:
            values = self.resolve(entry, source=self.sources, programme=self.programmes)
            related = {key: values.pop(key, []) for key in PROJECT_RELATIONS}
            project = self.sync(Project, {"slug": values.pop("slug")}, values, create_as=PUBLISHED)
            if project is MISSING:
                continue
            self.load_project_pillars(project, related["pillars"])
            self.link(project, "goals", [self.goals[slug] for slug in related["goals"]])
            self.link(
                project,
                "municipalities",
                [self.municipalities[slug] for slug in related["municipalities"]],
            )
            self.load_partners(project, related["partners"])
            self.check_partner_budgets(project)
            for entry in related["results"]:
                values = self.resolve(entry, source=self.sources)
                lookup = {
                    "project": project,
                    "kind": values.pop("kind"),
                    "title_sl": values.pop("title_sl"),
                }
                self.sync(ProjectResult, lookup, values)
            for entry in related["places"]:
                values = self.resolve(entry, source=self.sources, municipality=self.municipalities)
                self.sync(RelatedPlace, {"project": project, "name": values.pop("name")}, values)
            for order, entry in enumerate(related["links"], start=1):
                values = {**entry, "order": order}
                self.sync(ProjectLink, {"project": project, "url": values.pop("url")}, values)
            self.load_discrepancies(project, related["discrepancies"])

    def load_project_pillars(self, project, pillar_entries):
        # The secondary pillars first, so that the primary mark moves in a single step.
        for slug, is_primary in sorted(pillar_entries, key=lambda entry: entry[1]):
            lookup = {"project": project, "pillar": self.pillars[slug]}
            self.sync_marked(ProjectPillar, lookup, {"is_primary": is_primary}, PRIMARY_PILLAR)

    def load_partners(self, project, partner_entries):
        # The lead partner comes first; the others keep the order of the project's slide.
        ordered = sorted(partner_entries, key=lambda entry: entry["role"] != "lead")
        for order, entry in enumerate(ordered, start=1):
            values = self.resolve(entry, source=self.sources, organisation=self.organisations)
            lookup = {"project": project, "organisation": values.pop("organisation")}
            values["order"] = order
            self.sync_marked(Partnership, lookup, values, LEAD_PARTNER)

    def check_partner_budgets(self, project):
        """Refuse a project whose partners' budgets, as they are once its partners are
        written, add up to more than its total (see Project.validate_partner_budgets())."""
        try:
            project.validate_partner_budgets(project.partnerships.values_list("budget", flat=True))
        except ValidationError as error:
            label = _describe(Project, self.keys[(Project, project.pk)])
            raise CommandError(f"{label}: {' '.join(error.messages)}") from error

    def check_other_municipalities(self, project):
        """Refuse an agreement project whose lead municipality is, once its municipalities are
        linked, also among the others (see AgreementProject.check_other_municipalities())."""
        try:
            project.check_other_municipalities(
                project.lead_municipality, project.municipalities.all()
            )
        except ValidationError as error:
            label = _describe(AgreementProject, self.keys[(AgreementProject, project.pk)])
            raise CommandError(f"{label}: {' '.join(error.messages)}") from error

    def sync_marked(self, model, lookup, values, mark):
        """Sync a record of which a project has at most one with the mark.

        `mark` is the field and its marked and unmarked values. When the content marks the
        record, the project's other marked record gives the mark up; where this run leaves
        the mark with it (a plain run), a record the run creates is created unmarked.
        """
        field, marked, unmarked = mark
        holders = model.objects.none()
        # (A lookup naming a record staff deleted finds nothing: sync() leaves it alone.)
        if values[field] == marked and MISSING not in lookup.values():
            holders = model.objects.filter(project=lookup["project"], **{field: marked})
            holders = holders.exclude(**lookup)
        for holder in holders:
            self.sync(model, {name: getattr(holder, name) for name in lookup}, {field: unmarked})
        create_as = {field: unmarked} if holders.exists() else None
        return self.sync(model, lookup, values, create_as=create_as)

    def load_discrepancies(self, record, entries):
        content_type = ContentType.objects.get_for_model(record)
        for entry in entries:
            values = self.resolve(entry, source=self.sources)
            lookup = {
                "content_type": content_type,
                "object_id": record.pk,
                "field_label_sl": values.pop("field_label_sl"),
                "source": values.pop("source"),
            }
            self.sync(SourceDiscrepancy, lookup, values)

    def summary(self):
        """One line per model: how many records the content has, and what this run did."""
        lines = []
        totals = Counter()
        for label, counts in self.tally.items():
            totals.update(counts)
            lines.append(f"{' → '.join(map(str, label))}: {_counted(counts)}")
        lines.append(f"Total: {_counted(totals)}")
        return lines

    def revision_comment(self):
        """What this run wrote, in Slovenian as staff read the history, record by record.

        After COMMENT_RECORDS records the comment gives only how many there are in all.
        """
        fields = defaultdict(list)
        for record, changed in self.written:
            fields[record].extend(field.verbose_name for field in changed)
        parts = [
            f"{record._meta.verbose_name} »{record}«: "
            f"{', '.join(dict.fromkeys(map(str, names))) or 'dodano'}"
            for record, names in fields.items()
        ]
        if len(parts) > COMMENT_RECORDS:
            parts[COMMENT_RECORDS:] = [f"… (vseh spremenjenih zapisov: {len(parts)})"]
        return "Posodobljeno iz vsebinskih datotek: " + "; ".join(parts)


def _counted(counts):
    return (
        f"{counts.total()} ({counts['created']} created, {counts['updated']} updated, "
        f"{counts['different']} different, {counts['unchanged']} unchanged)"
    )


def _differs(obj, name, value):
    field = obj._meta.get_field(name)
    if field.is_relation:
        return getattr(obj, field.attname) != (None if value is None else value.pk)
    return field.get_prep_value(getattr(obj, field.attname)) != field.get_prep_value(value)


def _shown(value):
    """A value as one line: a record by its slug (or name), text quoted."""
    if isinstance(value, ContentType):
        return f"{value.app_label}.{value.model}"
    if isinstance(value, models.Model):
        return getattr(value, "slug", None) or str(value)
    return repr(str(value)) if isinstance(value, str) else str(value)


def _describe(model, lookup):
    """A record by its model and its natural key, e.g. `Project slug='clean'`."""
    key = " ".join(f"{name}={_shown(value)}" for name, value in lookup.items())
    return f"{model.__name__} {key}"


class Command(BaseCommand):
    help = (
        "Load the agency's presentation and the public facts about the region into the "
        "database. Staff own what is there: without an option the command only adds the "
        "records and links the database never had, and changes or brings back nothing staff "
        "edited or deleted. --check lists every difference between the database and the "
        "content files and fails if there is one; --update writes the content files' values "
        "as one revision that staff can revert in the admin's history."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--check",
            action="store_true",
            help="List every difference between the database and the content files; change "
            "nothing; exit with an error if there is any.",
        )
        mode.add_argument(
            "--update",
            action="store_true",
            help="Write the content files' values over the database's, bringing back what "
            "staff deleted, as one revision in the history.",
        )

    def handle(self, *args, check=False, update=False, **options):
        loader = ContentLoader(update=check or update)
        # Untranslated lookups and the base column of each translated field follow the active
        # language, so the content is always written in the default one.
        with (
            translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
            transaction.atomic(),
        ):
            # What the command writes is a version in the history like a staff edit, so the
            # admin can restore it and recover it once deleted.
            with reversion.create_revision():
                loader.load()
                if update:
                    reversion.set_comment(loader.revision_comment())
                elif not check:
                    reversion.set_comment("Naloženo z ukazom load_content.")
                    # Records without any version yet (loaded before history was kept) get
                    # their first one.
                    call_command(
                        "createinitialrevisions", comment="Začetna različica.", verbosity=0
                    )
            if check:
                # A check is an update that is undone: what the update wrote are the differences.
                transaction.set_rollback(True)
        with translation.override("en"):
            if check:
                self.report(loader.differences)
            else:
                self.summarise(loader, update=update)

    def report(self, differences):
        for difference in differences:
            self.stdout.write(str(difference))
        if differences:
            raise CommandError(
                f"Differences between the database and the content files: {len(differences)}."
            )
        self.stdout.write("No differences: the database holds what the content files say.")

    def summarise(self, loader, *, update):
        if update:
            for difference in loader.differences:
                self.stdout.write(f"Updated: {difference}")
        for line in loader.summary():
            self.stdout.write(line)
        different = sum(counts["different"] for counts in loader.tally.values())
        if different:
            self.stdout.write(
                f"Records and links that differ from the content files, kept as they are: "
                f"{different}. `manage.py load_content --check` lists them, `--update` writes "
                "the files' values."
            )
