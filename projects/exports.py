"""What the downloads of the project and partner lists hold, and the list of operations.

Codes stand beside their labels (a country's ISO code beside its name in the page's language, a
status's code beside its label), so that a program can read the codes and a person the labels.
regionportal.base.exporting writes them as CSV, XLSX or JSON.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from regionportal.base.country_names import country_name
from regionportal.base.exporting import Column, Export, Kind, date_of
from regionportal.base.formatting import percent_of, rounded

from .filters import name_sort_key
from .models import Partnership

# The first part of every operation's code; with the programme's code and the project's slug it
# makes a code that does not change when titles or the agency's own name do.
OPERATION_CODE_PREFIX = "RASR"


def _programme(attribute):
    def value(project):
        return getattr(project.programme, attribute) if project.programme else None

    return value


def _pillars(attribute):
    """The project's pillars, the primary one first (as for_list_page() prefetches them)."""

    def value(project):
        return [getattr(link.pillar, attribute) for link in project.project_pillars.all()]

    return value


def _role_label(role):
    return Partnership.Role(role).label if role else None


def _partner_countries(project):
    """The countries of the project's partners other than the agency, by name."""
    codes = {
        partnership.organisation.country.code
        for partnership in project.partnerships.all()
        if not partnership.organisation.is_agency
    }
    return sorted(codes, key=lambda code: name_sort_key(country_name(code)))


def _municipalities(attribute):
    def value(project):
        return [getattr(municipality, attribute) for municipality in project.municipalities.all()]

    return value


def _period_columns():
    return [
        Column("start_date", _("Start"), lambda project: project.start_date, Kind.DATE),
        Column("start_precision", _("Start precision"), lambda project: project.start_precision),
        Column("end_date", _("End"), lambda project: project.end_date, Kind.DATE),
        Column("end_precision", _("End precision"), lambda project: project.end_precision),
    ]


def _status_columns():
    return [
        Column("status_code", _("Status code"), lambda project: project.status),
        Column("status", _("Status"), lambda project: project.get_status_display()),
    ]


def _programme_columns():
    return [
        Column("programme_code", _("Programme code"), _programme("code")),
        Column("programme", _("Programme"), _programme("name")),
        Column("fund", _("EU fund"), _programme("fund")),
    ]


def _agency_columns():
    return [
        Column(
            "agency_share",
            _("Agency's share (EUR)"),
            lambda project: project.agency_share,
            Kind.MONEY,
        ),
        Column("agency_role_code", _("Agency's role code"), lambda project: project.agency_role),
        Column(
            "agency_role", _("The agency's role"), lambda project: _role_label(project.agency_role)
        ),
    ]


class ProjectExport(Export):
    """The project list (Project.objects.published().for_export())."""

    file_names = {"sl": "projekti", "en": "projects"}
    title = _("Projects")
    columns = [
        Column("acronym", _("Acronym"), lambda project: project.acronym),
        Column("title", _("Title"), lambda project: project.title),
        *_status_columns(),
        *_programme_columns(),
        Column("pillar_codes", _("Pillar codes"), _pillars("slug"), Kind.LIST),
        Column("pillars", _("Pillars (the primary one first)"), _pillars("name"), Kind.LIST),
        *_period_columns(),
        Column(
            "total_budget",
            _("Total budget (EUR)"),
            lambda project: project.total_budget,
            Kind.MONEY,
        ),
        *_agency_columns(),
        Column(
            "partner_count",
            _("Partners (the agency included)"),
            lambda project: len(project.partnerships.all()),
            Kind.INTEGER,
        ),
        Column("partner_country_codes", _("Partner country codes"), _partner_countries, Kind.LIST),
        Column(
            "partner_countries",
            _("Partner countries"),
            lambda project: [country_name(code) for code in _partner_countries(project)],
            Kind.LIST,
        ),
        Column(
            "municipality_codes", _("Municipality codes"), _municipalities("iso_code"), Kind.LIST
        ),
        Column("municipalities", _("Municipalities"), _municipalities("name"), Kind.LIST),
        Column("url", _("Page"), lambda project: project.get_absolute_url(), Kind.URL),
    ]


class OrganisationExport(Export):
    """The partner list (Organisation.objects.public().for_list_page())."""

    file_names = {"sl": "partnerji", "en": "partners"}
    title = _("Partner organisations")
    columns = [
        Column("name", _("Name"), lambda organisation: organisation.name),
        Column("name_en", _("English name"), lambda organisation: organisation.name_en),
        Column("acronym", _("Acronym"), lambda organisation: organisation.acronym),
        Column("country_code", _("Country code"), lambda organisation: organisation.country.code),
        Column("country", _("Country"), lambda organisation: country_name(organisation.country)),
        Column("kind_code", _("Type code"), lambda organisation: organisation.kind),
        Column("kind", _("Type"), lambda organisation: organisation.get_kind_display()),
        Column("city", _("City"), lambda organisation: organisation.city),
        Column("website", _("Website"), lambda organisation: organisation.website),
        Column(
            "is_agency",
            _("The agency itself"),
            lambda organisation: organisation.is_agency,
            Kind.BOOLEAN,
        ),
        Column(
            "project_count",
            _("Projects"),
            lambda organisation: organisation.project_count,
            Kind.INTEGER,
        ),
        Column("url", _("Page"), lambda organisation: organisation.get_absolute_url(), Kind.URL),
    ]


class OperationsExport(Export):
    """The list of operations in the spirit of the cohesion rules (Regulation (EU) 2021/1060,
    Article 49(3) and (5)): the published projects selected for funding
    (Project.objects.published().operations().for_export()).

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
            Column("acronym", _("Acronym"), lambda project: project.acronym),
            Column("title", _("Name of the operation"), lambda project: project.title),
            Column(
                "summary",
                _("Purpose and achievements"),
                lambda project: project.summary or project.objectives,
            ),
            *_period_columns(),
            Column(
                "total_cost",
                _("Total cost (EUR)"),
                lambda project: project.total_budget,
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
            Column("priority_area", _("Priority area"), lambda project: project.priority_area),
            *_status_columns(),
            *_agency_columns(),
            Column(
                "updated",
                _("Date of last update"),
                lambda project: date_of(project.updated_at),
                Kind.DATE,
            ),
            Column("url", _("Page"), lambda project: project.get_absolute_url(), Kind.URL),
        ]

    def operation_code(self, project):
        parts = [
            OPERATION_CODE_PREFIX,
            project.programme.code if project.programme else "",
            project.slug,
        ]
        return "-".join(part for part in parts if part)

    def beneficiary(self, project):
        """The lead partner, else the agency (None if no organisation is marked as it)."""
        for partnership in project.partnerships.all():
            if partnership.role == Partnership.Role.LEAD:
                return partnership.organisation
        return self.agency

    def beneficiary_name(self, project):
        beneficiary = self.beneficiary(project)
        return beneficiary.name if beneficiary else None

    def beneficiary_country_code(self, project):
        beneficiary = self.beneficiary(project)
        return beneficiary.country.code if beneficiary else None

    def eu_amount(self, project):
        contributions = [partnership.eu_contribution for partnership in project.partnerships.all()]
        if not contributions or None in contributions:
            return None
        return sum(contributions, Decimal(0))

    def co_financing_rate(self, project):
        rate = percent_of(self.eu_amount(project), project.total_budget)
        return None if rate is None else rounded(rate, 2)

    def location_codes(self, project):
        municipalities = project.municipalities.all()
        if municipalities:
            return [municipality.iso_code for municipality in municipalities]
        return [self.region.nuts_code] if self.region else []

    def location_names(self, project):
        municipalities = project.municipalities.all()
        if municipalities:
            return [municipality.name for municipality in municipalities]
        return [self.region.name] if self.region else []


class PartnershipExport(Export):
    """Who takes part in the listed projects: one row per project and organisation, with the
    role, budget and EU contribution (Project.objects.…partnerships_for_export())."""

    file_names = {"sl": "partnerstva", "en": "partnerships"}
    title = _("Partnerships")
    columns = [
        Column("project_acronym", _("Project"), lambda partnership: partnership.project.acronym),
        Column("project_title", _("Title"), lambda partnership: partnership.project.title),
        Column(
            "programme_code",
            _("Programme code"),
            lambda partnership: (
                partnership.project.programme.code if partnership.project.programme else None
            ),
        ),
        Column(
            "organisation", _("Organisation"), lambda partnership: partnership.organisation.name
        ),
        Column(
            "organisation_name_en",
            _("English name"),
            lambda partnership: partnership.organisation.name_en,
        ),
        Column(
            "organisation_acronym",
            _("Acronym"),
            lambda partnership: partnership.organisation.acronym,
        ),
        Column(
            "country_code",
            _("Country code"),
            lambda partnership: partnership.organisation.country.code,
        ),
        Column(
            "country",
            _("Country"),
            lambda partnership: country_name(partnership.organisation.country),
        ),
        Column(
            "is_agency",
            _("The agency itself"),
            lambda partnership: partnership.organisation.is_agency,
            Kind.BOOLEAN,
        ),
        Column("role_code", _("Role code"), lambda partnership: partnership.role),
        Column("role", _("Role"), lambda partnership: partnership.get_role_display()),
        Column(
            "listed_as", _("Listed in the source as"), lambda partnership: partnership.listed_as
        ),
        Column("budget", _("Budget (EUR)"), lambda partnership: partnership.budget, Kind.MONEY),
        Column(
            "eu_contribution",
            _("EU contribution (EUR)"),
            lambda partnership: partnership.eu_contribution,
            Kind.MONEY,
        ),
        Column(
            "share_of_total",
            _("Share of the project's total budget (%)"),
            lambda partnership: _share(partnership),
            Kind.DECIMAL,
        ),
        Column(
            "project_url",
            _("Project page"),
            lambda partnership: partnership.project.get_absolute_url(),
            Kind.URL,
        ),
        Column(
            "organisation_url",
            _("Organisation page"),
            lambda partnership: partnership.organisation.get_absolute_url(),
            Kind.URL,
        ),
    ]


def _share(partnership):
    share = partnership.share_of_total
    return None if share is None else rounded(share, 2)
