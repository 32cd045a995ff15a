"""Every invariant holds in the database itself, not only in forms, and model validation
names it with a clear message."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Partnership, Project, ProjectPillar
from tests.factories import (
    make_agency,
    make_agreement,
    make_agreement_project,
    make_goal,
    make_organisation,
    make_partnership,
    make_pillar,
    make_project,
    make_project_pillar,
)

pytestmark = pytest.mark.django_db


def assert_rejected_by_database(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_project_end_before_start_is_rejected():
    assert_rejected_by_database(
        lambda: make_project(
            start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2019, 12, 31)
        )
    )
    project = make_project(start_date=datetime.date(2020, 1, 1), end_date=None)
    project.end_date = datetime.date(2019, 12, 31)
    with translation.override("sl"):
        with pytest.raises(ValidationError) as error:
            project.full_clean()
        assert "Konec ne more biti pred začetkom." in str(error.value)


def test_negative_amounts_are_rejected():
    assert_rejected_by_database(lambda: make_project(total_budget=Decimal("-0.01")))
    project = make_project(total_budget=Decimal("1000.00"))
    assert_rejected_by_database(lambda: make_partnership(project=project, budget=Decimal("-1")))


def test_eu_contribution_above_partner_budget_is_rejected():
    project = make_project(total_budget=Decimal("1000.00"))
    assert_rejected_by_database(
        lambda: make_partnership(
            project=project, budget=Decimal("100.00"), eu_contribution=Decimal("100.01")
        )
    )


def test_partner_budgets_above_the_total_fail_validation_and_equal_ones_pass():
    project = Project(total_budget=Decimal("1000.00"))
    with translation.override("sl"):
        with pytest.raises(ValidationError) as error:
            project.validate_partner_budgets([Decimal("600.00"), None, Decimal("400.01")])
        assert error.value.messages == [
            "Proračuni partnerjev skupaj znašajo 1.000,01 €, kar presega skupni proračun "
            "projekta (1.000,00 €)."
        ]
    # An unknown budget counts as nothing.
    project.validate_partner_budgets([Decimal("600.00"), None, Decimal("400.00")])
    # Without a total there is nothing to exceed.
    Project(total_budget=None).validate_partner_budgets([Decimal("600.00"), Decimal("400.01")])


def test_at_most_one_lead_partner_per_project():
    project = make_project()
    make_partnership(project=project, role=Partnership.Role.LEAD)
    assert_rejected_by_database(
        lambda: make_partnership(project=project, role=Partnership.Role.LEAD)
    )
    second = Partnership(
        project=project, organisation=make_organisation(), role=Partnership.Role.LEAD
    )
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            second.full_clean()
        assert "A project can have only one lead partner." in str(error.value)
    # Another project may have its own lead partner.
    make_partnership(project=make_project(), role=Partnership.Role.LEAD)


def test_an_organisation_is_a_partner_once_per_project():
    project = make_project()
    organisation = make_organisation()
    make_partnership(project=project, organisation=organisation)
    assert_rejected_by_database(
        lambda: make_partnership(project=project, organisation=organisation)
    )


def test_one_primary_pillar_per_project():
    project = make_project()
    make_project_pillar(project=project, pillar=make_pillar(), is_primary=True)
    assert_rejected_by_database(
        lambda: ProjectPillar.objects.create(project=project, pillar=make_pillar(), is_primary=True)
    )


def test_only_one_organisation_is_the_agency():
    make_agency()
    assert_rejected_by_database(lambda: make_organisation(is_agency=True))


def test_slugs_are_unique():
    make_project(slug="clean")
    assert_rejected_by_database(lambda: make_project(slug="clean"))
    make_pillar(slug="narava")
    assert_rejected_by_database(lambda: make_pillar(slug="narava"))
    make_organisation(slug="ernact")
    assert_rejected_by_database(lambda: make_organisation(slug="ernact"))


def test_a_goal_target_needs_its_year():
    assert_rejected_by_database(lambda: make_goal(target_value=Decimal("-30"), target_year=None))


def test_agreement_commitment_cannot_exceed_its_total():
    assert_rejected_by_database(
        lambda: make_agreement(total_value=Decimal("100"), committed_funds=Decimal("101"))
    )
    assert_rejected_by_database(
        lambda: make_agreement_project(
            total_value=Decimal("100"), cohesion_amount=Decimal("100.01")
        )
    )
