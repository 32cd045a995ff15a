"""Load the portal's content from `regionportal.content` into the database."""

from collections import Counter, defaultdict

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

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
from regionportal.content import funding, pillars, projects, region, sources
from regionportal.models import Municipality, Region, Source, SourceDiscrepancy

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


class ContentLoader:
    """Writes the content records, each found by its natural key.

    A record that exists is updated only in the fields the content gives, and saved only when
    one of them differs, so a second run changes nothing. Records and links the content does
    not name (a partner, result or municipality staff added) are left alone. Two invariants
    are the exception: a project has one primary pillar and one lead partner, so another record
    marked so on a project the content names gives up the mark.
    """

    def __init__(self):
        # Counts per model or many-to-many relation, keyed by their (lazy) verbose names.
        self.tally = defaultdict(Counter)
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

    def sync(self, model, lookup, values=None):
        """Create or update one record; return it."""
        values = values or {}
        obj = model._default_manager.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **values)
            outcome = "created"
        else:
            changed = [name for name, value in values.items() if _differs(obj, name, value)]
            if not changed:
                self.tally[(model._meta.verbose_name_plural,)]["unchanged"] += 1
                return obj
            for name in changed:
                setattr(obj, name, values[name])
            outcome = "updated"
        obj.full_clean()
        obj.save()
        self.tally[(model._meta.verbose_name_plural,)][outcome] += 1
        return obj

    def link(self, record, field_name, objects):
        """Add objects to a many-to-many field, keeping the ones already there."""
        manager = getattr(record, field_name)
        present = set(manager.values_list("pk", flat=True))
        missing = [obj for obj in objects if obj.pk not in present]
        manager.add(*missing)
        field = record._meta.get_field(field_name)
        label = (record._meta.verbose_name_plural, field.verbose_name)
        self.tally[label]["created"] += len(missing)
        self.tally[label]["unchanged"] += len(objects) - len(missing)

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

        values = self.resolve(funding.AGREEMENT, source=self.sources, figures_source=self.sources)
        agreement = self.sync(DevelopmentAgreement, {"slug": values.pop("slug")}, values)
        categories = {}
        for entry in funding.AGREEMENT_CATEGORIES:
            values = self.resolve(entry, source=self.sources)
            slug = values.pop("slug")
            lookup = {"agreement": agreement, "slug": slug}
            categories[slug] = self.sync(AgreementCategory, lookup, values)
        for entry in funding.AGREEMENT_PROJECTS:
            values = self.resolve(entry, source=self.sources, category=categories)
            municipalities = [self.municipalities[slug] for slug in values.pop("municipalities")]
            project = self.sync(AgreementProject, {"slug": values.pop("slug")}, values)
            self.link(project, "municipalities", municipalities)

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
            project = self.sync(Project, {"slug": values.pop("slug")}, values)
            self.load_project_pillars(project, related["pillars"])
            self.link(project, "goals", [self.goals[slug] for slug in related["goals"]])
            self.link(
                project,
                "municipalities",
                [self.municipalities[slug] for slug in related["municipalities"]],
            )
            self.load_partners(project, related["partners"])
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
            pillar = self.pillars[slug]
            if is_primary:
                others = ProjectPillar.objects.filter(project=project, is_primary=True)
                for other in others.exclude(pillar=pillar):
                    self.sync(ProjectPillar, {"pk": other.pk}, {"is_primary": False})
            lookup = {"project": project, "pillar": pillar}
            self.sync(ProjectPillar, lookup, {"is_primary": is_primary})

    def load_partners(self, project, partner_entries):
        # The lead partner comes first; the others keep the order of the project's slide.
        ordered = sorted(partner_entries, key=lambda entry: entry["role"] != "lead")
        for order, entry in enumerate(ordered, start=1):
            values = self.resolve(entry, source=self.sources, organisation=self.organisations)
            organisation = values.pop("organisation")
            values["order"] = order
            if values["role"] == Partnership.Role.LEAD:
                others = Partnership.objects.filter(project=project, role=Partnership.Role.LEAD)
                for other in others.exclude(organisation=organisation):
                    self.sync(Partnership, {"pk": other.pk}, {"role": Partnership.Role.PARTNER})
            self.sync(Partnership, {"project": project, "organisation": organisation}, values)

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
            lines.append(
                f"{' → '.join(map(str, label))}: {counts.total()} "
                f"({counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged)"
            )
        lines.append(
            f"Total: {totals.total()} ({totals['created']} created, {totals['updated']} "
            f"updated, {totals['unchanged']} unchanged)"
        )
        return lines


def _differs(obj, name, value):
    field = obj._meta.get_field(name)
    if field.is_relation:
        return getattr(obj, field.attname) != (None if value is None else value.pk)
    return field.get_prep_value(getattr(obj, field.attname)) != field.get_prep_value(value)


class Command(BaseCommand):
    help = (
        "Load the agency's presentation and the public facts about the region into the "
        "database. Safe to run again: it creates what is missing, updates what differs and "
        "leaves records it does not know alone."
    )

    def handle(self, *args, **options):
        loader = ContentLoader()
        # Untranslated lookups and the base column of each translated field follow the active
        # language, so the content is always written in the default one.
        with (
            translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
            transaction.atomic(),
            reversion.create_revision(),
        ):
            # What the command writes is a version in the history like a staff edit, so the
            # admin can restore it and recover it once deleted.
            reversion.set_comment("Naloženo z ukazom load_content.")
            loader.load()
            # Records left unchanged by this run but without any version yet (loaded before
            # history was kept) get their first one.
            call_command("createinitialrevisions", comment="Začetna različica.", verbosity=0)
        with translation.override("en"):
            for line in loader.summary():
                self.stdout.write(line)
