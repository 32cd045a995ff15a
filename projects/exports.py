"""What the downloads of the project and partner lists hold, and the list of operations.

Codes stand beside their labels (a country's ISO code beside its name in the page's language, a
status's code beside its label), so that a program can read the codes and a person the labels.
regionportal.base.exporting writes them as CSV, XLSX or JSON.

A download of the lists can hold 100,000 rows, so the columns read light rows (ProjectRow,
PartnershipRow, OrganisationRow) rather than model instances: each export's rows() reads the
list in chunks with values() queries, a chunk's pillars and municipalities one query each and
its partners summed up per project in one more (their count, countries, lead partner and EU
contributions: a project's partners are not read one by one), and the few programmes, pillars
and municipalities once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Max, Q, StringAgg, Sum, Value
from django.utils.translation import gettext_lazy as _

from funding.models import Programme
from pillars.models import Pillar
from regionportal.base.country_names import names_in_language
from regionportal.base.exporting import (
    AmongValues,
    Column,
    Export,
    Kind,
    date_of,
    grouped,
    path_maker,
    values_chunks,
)
from regionportal.base.fields import money_field
from regionportal.base.formatting import percent_of, rounded
from regionportal.base.languages import localized_fieldnames, text_in_language
from regionportal.base.models import Municipality

from .filters import name_sort_key
from .models import Organisation, Partnership, Project, ProjectPillar

# The first part of every operation's code; with the programme's code and the project's slug it
# makes a code that does not change when titles or the agency's own name do.
OPERATION_CODE_PREFIX = "RASR"

# Rows ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class ProjectRow:
    """A project as its downloads read it: texts and labels in the active language, its
    programme's code, name and fund, its pillars (the primary one first), how many partners it
    has and their countries, its municipalities (by name), and the path of its page."""

    slug: str
    acronym: str
    title: str
    status: str
    status_label: str
    programme_code: str | None
    programme_name: str | None
    fund: str | None
    pillar_codes: list
    pillar_names: list
    start_date: object
    start_precision: str
    end_date: object
    end_precision: str
    total_budget: Decimal | None
    agency_share: Decimal | None  # the agency's budget in the project
    agency_role: str | None
    agency_role_label: str | None
    partner_count: int  # the agency included
    # The countries of the partners other than the agency, by name.
    partner_country_codes: list
    partner_country_names: list
    municipality_codes: list
    municipality_names: list
    url: str
    # What the list of operations reads besides, read for it only: its texts, when the project
    # was last updated, its lead partner's name and country code (None without one) and the
    # sum of its partners' EU contributions (None unless every partner's is known).
    summary: str = ""
    objectives: str = ""
    priority_area: str = ""
    updated_at: object = None
    lead_name: str | None = None
    lead_country: str | None = None
    eu_contribution: Decimal | None = None


def _programmes():
    """Every programme's (code, name, fund) by id, names in the active language."""
    return {
        programme.pk: (programme.code, programme.name, programme.fund)
        for programme in Programme.objects.all()
    }


def partner_summaries(of_chunk, *, operations):
    """The partners of the projects of_chunk picks out (a lookup on project_id) summed up, a row of
    values per project, with its project_id: how many partners there are (the agency included),
    the countries of those other than the agency (ISO codes joined with commas) and the agency's
    budget and role (None where it takes no part); with the lead partner's name and country and
    the partners' EU contributions (their sum, and how many are known) if `operations`. One
    grouped query: a project's partners are not read one by one."""
    is_agency = Q(organisation__is_agency=True)
    # A project has one partnership of the agency at most (one of each organisation), so its
    # greatest is it. Read here rather than by with_agency_share()'s subqueries, two a project
    # in the projects' query (on PostgreSQL 1.4 s of its 1.9 s at 100,000 projects).
    summaries = {
        "partner_count": Count("pk"),
        # Each partner's country, told apart in Python (a DISTINCT here sorts every chunk's
        # partners: some 15 ms of a chunk's 130 on PostgreSQL at 100,000 projects).
        "countries": StringAgg(
            "organisation__country", Value(","), filter=Q(organisation__is_agency=False)
        ),
        "agency_share": Max("budget", filter=is_agency, output_field=money_field()),
        "agency_role": Max("role", filter=is_agency),
    }
    if operations:
        is_lead = Q(role=Partnership.Role.LEAD)
        # A project has one lead partner at most (a constraint), so its greatest is it.
        summaries |= {
            "lead_name": Max("organisation__name", filter=is_lead),
            "lead_country": Max("organisation__country", filter=is_lead),
            "eu_contribution_sum": Sum("eu_contribution"),
            "eu_contribution_count": Count("eu_contribution"),
        }
    return (
        Partnership.objects.filter(of_chunk).values("project_id").annotate(**summaries).order_by()
    )


def project_rows(queryset, *, operations=False):
    """ProjectRows of the queryset's projects, in its order; with what the list of operations
    reads besides if `operations`. Queries: the projects' own
    (read in chunks) and three more at the start, then three per CHUNK_SIZE projects, however
    many partners, pillars and municipalities they have."""
    titles = localized_fieldnames("title")
    texts = {
        field: localized_fieldnames(field) for field in ("summary", "objectives", "priority_area")
    }
    fields = [
        "pk",
        "slug",
        "acronym",
        "status",
        "programme_id",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "total_budget",
        *titles,
    ]
    if operations:
        fields += ["updated_at", *(name for names in texts.values() for name in names)]
    status_labels = {value: str(label) for value, label in Project.Status.choices}
    role_labels = {value: str(label) for value, label in Partnership.Role.choices}
    country_names = names_in_language()
    country_sort_keys = {code: name_sort_key(name) for code, name in country_names.items()}
    programmes = _programmes()
    pillars = {pillar.pk: (pillar.slug, pillar.name) for pillar in Pillar.objects.all()}
    # In the municipalities' own order (by name), as a project's page lists them.
    municipalities = {
        pk: (order, iso_code, name)
        for order, (pk, iso_code, name) in enumerate(
            Municipality.objects.values_list("pk", "iso_code", "name")
        )
    }
    project_path = path_maker("projects:detail")
    no_programme = (None, None, None)
    no_partners = {"partner_count": 0, "countries": None, "agency_share": None, "agency_role": None}
    for chunk in values_chunks(queryset, *fields):
        # The chunk's related rows, by project id: the ids as they are rather than project__in,
        # which checks each of the 2,000 ids as a related object (some 5 ms a query).
        of_chunk = AmongValues(F("project_id"), [row["pk"] for row in chunk])
        partners = {
            summary["project_id"]: summary
            for summary in partner_summaries(of_chunk, operations=operations)
        }
        # The primary pillar first (ProjectPillar's own order).
        project_pillars = grouped(
            ProjectPillar.objects.filter(of_chunk).values_list("project_id", "pillar_id")
        )
        project_municipalities = grouped(
            Project.municipalities.through.objects.filter(of_chunk).values_list(
                "project_id", "municipality_id"
            )
        )
        for row in chunk:
            pk = row["pk"]
            programme_code, programme_name, fund = programmes.get(row["programme_id"], no_programme)
            pillar_ids = project_pillars.get(pk, ())
            places = sorted(municipalities[id] for id in project_municipalities.get(pk, ()))
            its_partners = partners.get(pk, no_partners)
            countries = its_partners["countries"]
            countries = (
                sorted(
                    set(countries.split(",")),
                    key=lambda code: country_sort_keys.get(code, ("", "")),
                )
                if countries
                else []
            )
            extra = {}
            if operations:
                extra = {field: text_in_language(row, names) for field, names in texts.items()}
                extra["updated_at"] = row["updated_at"]
                if pk in partners:
                    extra["lead_name"] = its_partners["lead_name"]
                    extra["lead_country"] = its_partners["lead_country"]
                    if its_partners["eu_contribution_count"] == its_partners["partner_count"]:
                        # In cents, as each contribution is (SQLite sums them as floats).
                        extra["eu_contribution"] = rounded(its_partners["eu_contribution_sum"], 2)
            yield ProjectRow(
                slug=row["slug"],
                acronym=row["acronym"],
                title=text_in_language(row, titles),
                status=row["status"],
                status_label=status_labels.get(row["status"], row["status"]),
                programme_code=programme_code,
                programme_name=programme_name,
                fund=fund,
                pillar_codes=[pillars[id][0] for id in pillar_ids],
                pillar_names=[pillars[id][1] for id in pillar_ids],
                start_date=row["start_date"],
                start_precision=row["start_precision"],
                end_date=row["end_date"],
                end_precision=row["end_precision"],
                total_budget=row["total_budget"],
                agency_share=its_partners["agency_share"],
                agency_role=its_partners["agency_role"],
                agency_role_label=role_labels.get(its_partners["agency_role"]),
                partner_count=its_partners["partner_count"],
                partner_country_codes=countries,
                partner_country_names=[country_names.get(code, "") for code in countries],
                municipality_codes=[iso_code for _order, iso_code, _name in places],
                municipality_names=[name for _order, _iso_code, name in places],
                url=project_path(row["slug"]),
                **extra,
            )


# Columns -------------------------------------------------------------------------------------


def _period_columns():
    return [
        Column("start_date", _("Start"), "start_date", Kind.DATE),
        Column("start_precision", _("Start precision"), "start_precision"),
        Column("end_date", _("End"), "end_date", Kind.DATE),
        Column("end_precision", _("End precision"), "end_precision"),
    ]


def _status_columns():
    return [
        Column("status_code", _("Status code"), "status"),
        Column("status", _("Status"), "status_label"),
    ]


def _programme_columns():
    return [
        Column("programme_code", _("Programme code"), "programme_code"),
        Column("programme", _("Programme"), "programme_name"),
        Column("fund", _("EU fund"), "fund"),
    ]


def _agency_columns():
    return [
        Column(
            "agency_share",
            _("Agency's share (EUR)"),
            "agency_share",
            Kind.MONEY,
        ),
        Column("agency_role_code", _("Agency's role code"), "agency_role"),
        Column("agency_role", _("The agency's role"), "agency_role_label"),
    ]


class ProjectExport(Export):
    """The project list (Project.objects.published().for_export()), a ProjectRow a row."""

    file_names = {"sl": "projekti", "en": "projects"}
    title = _("Projects")
    columns = [
        Column("acronym", _("Acronym"), "acronym"),
        Column("title", _("Title"), "title"),
        *_status_columns(),
        *_programme_columns(),
        Column("pillar_codes", _("Pillar codes"), "pillar_codes", Kind.LIST),
        Column(
            "pillars",
            _("Pillars (the primary one first)"),
            "pillar_names",
            Kind.LIST,
        ),
        *_period_columns(),
        Column(
            "total_budget",
            _("Total budget (EUR)"),
            "total_budget",
            Kind.MONEY,
        ),
        *_agency_columns(),
        Column(
            "partner_count",
            _("Partners (the agency included)"),
            "partner_count",
            Kind.INTEGER,
        ),
        Column(
            "partner_country_codes",
            _("Partner country codes"),
            "partner_country_codes",
            Kind.LIST,
        ),
        Column(
            "partner_countries",
            _("Partner countries"),
            "partner_country_names",
            Kind.LIST,
        ),
        Column(
            "municipality_codes",
            _("Municipality codes"),
            "municipality_codes",
            Kind.LIST,
        ),
        Column(
            "municipalities",
            _("Municipalities"),
            "municipality_names",
            Kind.LIST,
        ),
        Column("url", _("Page"), "url", Kind.URL),
    ]

    def rows(self, queryset):
        return project_rows(queryset)


@dataclass(slots=True)
class OrganisationRow:
    """A partner organisation as the partner list's download reads it."""

    name: str
    name_en: str
    acronym: str
    country: str  # ISO code
    country_name: str
    kind: str
    kind_label: str
    city: str
    website: str
    is_agency: bool
    project_count: int
    url: str


class OrganisationExport(Export):
    """The partner list (Organisation.objects.public().for_list_page()), an OrganisationRow a
    row."""

    file_names = {"sl": "partnerji", "en": "partners"}
    title = _("Partner organisations")
    columns = [
        Column("name", _("Name"), "name"),
        Column("name_en", _("English name"), "name_en"),
        Column("acronym", _("Acronym"), "acronym"),
        Column("country_code", _("Country code"), "country"),
        Column("country", _("Country"), "country_name"),
        Column("kind_code", _("Type code"), "kind"),
        Column("kind", _("Type"), "kind_label"),
        Column("city", _("City"), "city"),
        Column("website", _("Website"), "website"),
        Column(
            "is_agency",
            _("The agency itself"),
            "is_agency",
            Kind.BOOLEAN,
        ),
        Column(
            "project_count",
            _("Projects"),
            "project_count",
            Kind.INTEGER,
        ),
        Column("url", _("Page"), "url", Kind.URL),
    ]

    def rows(self, queryset):
        """OrganisationRows of the queryset's organisations (annotated with project_count), in
        its order: one query."""
        kind_labels = {value: str(label) for value, label in Organisation.Kind.choices}
        country_names = names_in_language()
        organisation_path = path_maker("partners:detail")
        fields = ["name", "name_en", "acronym", "country", "kind", "city", "website"]
        for chunk in values_chunks(queryset, *fields, "is_agency", "project_count", "slug"):
            for row in chunk:
                yield OrganisationRow(
                    **{field: row[field] for field in fields},
                    country_name=country_names.get(row["country"], ""),
                    kind_label=kind_labels.get(row["kind"], row["kind"]),
                    is_agency=row["is_agency"],
                    project_count=row["project_count"],
                    url=organisation_path(row["slug"]),
                )


class OperationsExport(Export):
    """The list of operations in the spirit of the cohesion rules (Regulation (EU) 2021/1060,
    Article 49(3) and (5)): the published projects selected for funding
    (Project.objects.published().operations().for_export()), a ProjectRow a row.

    - The operation's code is RASR-<programme code>-<project slug> (RASR-<slug> without a
      programme): unique, and stable while the project's slug is.
    - The beneficiary is the lead partner; a project with no lead partner recorded is the
      agency's own.
    - The EU amount is the sum of the partners' EU contributions when every partner's is
      known, else empty; the co-financing rate is that amount as a percentage of the total
      cost, where both are known.
    - The location is the municipalities the project names, else the agency's region (its
      NUTS 3 code and name).
    - The portal records no category of intervention: that column stays empty.
    """

    file_names = {"sl": "seznam-operacij", "en": "list-of-operations"}
    title = _("List of operations")

    def __init__(self, *, agency, region):
        self.agency = agency
        self.region = region
        self.columns = [
            Column("operation_code", _("Operation code"), self.operation_code),
            Column("beneficiary", _("Beneficiary"), self.beneficiary_name),
            Column(
                "beneficiary_country_code",
                _("Beneficiary's country code"),
                self.beneficiary_country_code,
            ),
            Column("acronym", _("Acronym"), "acronym"),
            Column("title", _("Name of the operation"), "title"),
            Column(
                "summary",
                _("Purpose and achievements"),
                lambda project: project.summary or project.objectives,
            ),
            *_period_columns(),
            Column(
                "total_cost",
                _("Total cost (EUR)"),
                "total_budget",
                Kind.MONEY,
            ),
            Column("eu_amount", _("EU contribution (EUR)"), self.eu_amount, Kind.MONEY),
            Column(
                "co_financing_rate",
                _("EU co-financing rate (%)"),
                self.co_financing_rate,
                Kind.DECIMAL,
            ),
            Column("location_codes", _("Location codes"), self.location_codes, Kind.LIST),
            Column("location", _("Location"), self.location_names, Kind.LIST),
            Column("intervention_category", _("Category of intervention"), lambda project: None),
            *_programme_columns(),
            Column("priority_area", _("Priority area"), "priority_area"),
            *_status_columns(),
            *_agency_columns(),
            Column(
                "updated",
                _("Date of last update"),
                lambda project: date_of(project.updated_at),
                Kind.DATE,
            ),
            Column("url", _("Page"), "url", Kind.URL),
        ]

    def rows(self, queryset):
        return project_rows(queryset, operations=True)

    def operation_code(self, project):
        parts = [OPERATION_CODE_PREFIX, project.programme_code or "", project.slug]
        return "-".join(part for part in parts if part)

    def beneficiary(self, project):
        """The lead partner's name and country code, else the agency's (None if no
        organisation is marked as it)."""
        if project.lead_name is not None:
            return project.lead_name, project.lead_country
        return (self.agency.name, self.agency.country.code) if self.agency else None

    def beneficiary_name(self, project):
        beneficiary = self.beneficiary(project)
        return beneficiary[0] if beneficiary else None

    def beneficiary_country_code(self, project):
        beneficiary = self.beneficiary(project)
        return beneficiary[1] if beneficiary else None

    def eu_amount(self, project):
        return project.eu_contribution

    def co_financing_rate(self, project):
        rate = percent_of(self.eu_amount(project), project.total_budget)
        return None if rate is None else rounded(rate, 2)

    def location_codes(self, project):
        if project.municipality_codes:
            return project.municipality_codes
        return [self.region.nuts_code] if self.region else []

    def location_names(self, project):
        if project.municipality_names:
            return project.municipality_names
        return [self.region.name] if self.region else []


@dataclass(slots=True)
class PartnershipRow:
    """A partnership as its download reads it, with its project's and organisation's
    fields."""

    project_acronym: str
    project_title: str
    programme_code: str | None
    organisation: str
    organisation_name_en: str
    organisation_acronym: str
    country: str  # ISO code
    country_name: str
    is_agency: bool
    role: str
    role_label: str
    listed_as: str
    budget: Decimal | None
    eu_contribution: Decimal | None
    share_of_total: Decimal | None  # of the project's total budget, in %, two decimals
    project_url: str
    organisation_url: str


def partnership_rows(queryset):
    """PartnershipRows of the queryset's partnerships, in its order: one query."""
    titles = [f"project__{name}" for name in localized_fieldnames("title")]
    role_labels = {value: str(label) for value, label in Partnership.Role.choices}
    country_names = names_in_language()
    project_path = path_maker("projects:detail")
    organisation_path = path_maker("partners:detail")
    fields = [
        "project__acronym",
        "project__slug",
        "project__programme__code",
        "project__total_budget",
        "organisation__name",
        "organisation__name_en",
        "organisation__acronym",
        "organisation__country",
        "organisation__is_agency",
        "organisation__slug",
        "role",
        "listed_as",
        "budget",
        "eu_contribution",
        *titles,
    ]
    for chunk in values_chunks(queryset, *fields):
        for row in chunk:
            share = percent_of(row["budget"], row["project__total_budget"])
            yield PartnershipRow(
                project_acronym=row["project__acronym"],
                project_title=text_in_language(row, titles),
                programme_code=row["project__programme__code"],
                organisation=row["organisation__name"],
                organisation_name_en=row["organisation__name_en"],
                organisation_acronym=row["organisation__acronym"],
                country=row["organisation__country"],
                country_name=country_names.get(row["organisation__country"], ""),
                is_agency=row["organisation__is_agency"],
                role=row["role"],
                role_label=role_labels.get(row["role"], row["role"]),
                listed_as=row["listed_as"],
                budget=row["budget"],
                eu_contribution=row["eu_contribution"],
                share_of_total=None if share is None else rounded(share, 2),
                project_url=project_path(row["project__slug"]),
                organisation_url=organisation_path(row["organisation__slug"]),
            )


class PartnershipExport(Export):
    """Who takes part in the listed projects: one row per project and organisation, with the
    role, budget and EU contribution (Project.objects.…partnerships_for_export()), a
    PartnershipRow a row."""

    file_names = {"sl": "partnerstva", "en": "partnerships"}
    title = _("Partnerships")
    columns = [
        Column("project_acronym", _("Project"), "project_acronym"),
        Column("project_title", _("Title"), "project_title"),
        Column("programme_code", _("Programme code"), "programme_code"),
        Column("organisation", _("Organisation"), "organisation"),
        Column(
            "organisation_name_en",
            _("English name"),
            "organisation_name_en",
        ),
        Column(
            "organisation_acronym",
            _("Acronym"),
            "organisation_acronym",
        ),
        Column("country_code", _("Country code"), "country"),
        Column("country", _("Country"), "country_name"),
        Column(
            "is_agency",
            _("The agency itself"),
            "is_agency",
            Kind.BOOLEAN,
        ),
        Column("role_code", _("Role code"), "role"),
        Column("role", _("Role"), "role_label"),
        Column("listed_as", _("Listed in the source as"), "listed_as"),
        Column("budget", _("Budget (EUR)"), "budget", Kind.MONEY),
        Column(
            "eu_contribution",
            _("EU contribution (EUR)"),
            "eu_contribution",
            Kind.MONEY,
        ),
        Column(
            "share_of_total",
            _("Share of the project's total budget (%)"),
            "share_of_total",
            Kind.DECIMAL,
        ),
        Column(
            "project_url",
            _("Project page"),
            "project_url",
            Kind.URL,
        ),
        Column(
            "organisation_url",
            _("Organisation page"),
            "organisation_url",
            Kind.URL,
        ),
    ]

    def rows(self, queryset):
        return partnership_rows(queryset)
