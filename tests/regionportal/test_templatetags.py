"""The `portal` template library's filters, as a template renders them in each language."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from pytest_django.asserts import assertHTMLEqual


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load portal %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "amount", "shown"),
    [
        ("sl", Decimal("1598948.00"), '<span class="money">1.598.948,00 €</span>'),
        ("en", Decimal("1598948.00"), '<span class="money">€1,598,948.00</span>'),
        # Zero is an amount: a project the agency takes part in without a share of the budget.
        ("sl", Decimal("0"), '<span class="money">0,00 €</span>'),
        ("en", Decimal("0"), '<span class="money">€0.00</span>'),
        ("sl", None, '<span class="note">ni navedeno</span>'),
        ("en", None, '<span class="note">not stated</span>'),
    ],
)
def test_money_or_not_stated(language, amount, shown):
    assertHTMLEqual(render("{{ amount|money_or_not_stated }}", language, amount=amount), shown)


@pytest.mark.parametrize(
    ("language", "amount", "shown"),
    [
        ("sl", Decimal("133562"), '<span class="money">133.562,00 €</span>'),
        ("en", Decimal("133562"), '<span class="money">€133,562.00</span>'),
        ("en", Decimal("0"), '<span class="money">€0.00</span>'),
        (
            "sl",
            None,
            '<span aria-hidden="true">–</span><span class="visually-hidden">ni znano</span>',
        ),
        (
            "en",
            None,
            '<span aria-hidden="true">–</span><span class="visually-hidden">not known</span>',
        ),
    ],
)
def test_money_or_dash(language, amount, shown):
    assertHTMLEqual(render("{{ amount|money_or_dash }}", language, amount=amount), shown)
