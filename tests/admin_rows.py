"""One more row for each list of the portal's admin, made as the tests need it."""

from funding.models import (
    AgencyRecord,
    AgreementProject,
    DevelopmentAgreement,
    FinancialPerspective,
    Programme,
)
from pillars.models import KeyMessage, Pillar, VisionGoal
from projects.models import Organisation, Partnership, Project
from regionportal.base.models import (
    ImportLog,
    LinkCheck,
    Municipality,
    Region,
    Source,
    SourceDiscrepancy,
)
from tests import factories


def make_municipality_project():
    municipality = factories.make_municipality()
    return factories.make_agreement_project(municipalities=[municipality])


def make_funded_project():
    return factories.make_full_project(programme=factories.make_programme())


def make_source_discrepancy():
    return factories.make_discrepancy(about=factories.make_project())


# For each model in the admin: how to make one more row of its list, with what the list shows.
ROW_FACTORIES = {
    Source: factories.make_source,
    LinkCheck: factories.make_link_check,
    SourceDiscrepancy: make_source_discrepancy,
    Region: factories.make_region,
    Municipality: factories.make_municipality,
    Pillar: lambda: factories.make_example().pillar,
    VisionGoal: factories.make_goal,
    KeyMessage: factories.make_key_message,
    Programme: factories.make_programme,
    DevelopmentAgreement: lambda: factories.make_category().agreement,
    AgreementProject: make_municipality_project,
    FinancialPerspective: lambda: factories.make_policy_goal().perspective,
    AgencyRecord: factories.make_agency_record,
    Organisation: factories.make_organisation,
    Project: make_funded_project,
    Partnership: factories.make_partnership,
    ImportLog: factories.make_import_log,
}
