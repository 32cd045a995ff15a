"""The agreement projects' invariants, held by the database where it can hold them and by
clean() where a many-to-many relation is involved."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from funding.models import AgreementProject
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "amounts",
    [
        # EU funds above the total value.
        {"total_value": Decimal("100"), "eu_amount": Decimal("100.01")},
        # EU funds above the cohesion funds they are part of.
        {"cohesion_amount": Decimal("50"), "eu_amount": Decimal("50.01")},
        {"total_value": Decimal("100"), "cohesion_amount": Decimal("100.01")},
    ],
)
def test_the_database_refuses_amounts_above_the_ones_they_are_part_of(amounts):
    category = factories.make_category()

    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementProject.objects.create(category=category, slug="prevec", title="Preveč", **amounts)

    assert not AgreementProject.objects.exists()


def test_the_same_amounts_are_accepted():
    project = factories.make_agreement_project(
        total_value=Decimal("100"), cohesion_amount=Decimal("100"), eu_amount=Decimal("100")
    )

    project.full_clean()


def test_clean_refuses_the_lead_municipality_among_the_others():
    zalec = factories.make_municipality(name="Žalec")
    project = factories.make_agreement_project(lead_municipality=zalec, municipalities=[zalec])

    with translation.override("en"), pytest.raises(ValidationError) as error:
        project.full_clean()

    assert error.value.message_dict == {
        "municipalities": [
            "Žalec is the lead municipality: do not list it among the other municipalities too."
        ]
    }
