"""Money as the portal writes it (regionportal.base.formatting.format_money): the language's own
separators, as Django's number_format writes them, for any amount."""

import random
from decimal import Decimal

import pytest
from django.utils import formats, translation

from regionportal.base.formatting import format_money, rounded


@pytest.mark.parametrize(
    ("language", "amount", "shown"),
    [
        ("sl", Decimal("1598948"), "1.598.948,00 €"),
        ("en", Decimal("1598948"), "€1,598,948.00"),
        ("sl", Decimal("-1234.565"), "-1.234,57 €"),
        ("en", Decimal("-1234.565"), "-€1,234.57"),
        ("sl", Decimal("999.995"), "1.000,00 €"),
        ("en", Decimal("0.004"), "€0.00"),
        ("sl", Decimal("-0.004"), "0,00 €"),
        ("en", "12.5", "€12.50"),
        ("sl", 7, "7,00 €"),
        ("sl", None, ""),
    ],
)
def test_an_amount_in_each_language(language, amount, shown):
    assert format_money(amount, language) == shown


def numbers_format(amount, language):
    """What Django's number_format writes, the portal's reference for its separators."""
    with translation.override(language):
        return formats.number_format(rounded(amount, 2), 2, use_l10n=True, force_grouping=True)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_any_amount_is_written_as_djangos_number_format_writes_it(language):
    generator = random.Random(2030)  # noqa: S311 - amounts to write, the same in every run
    amounts = [
        Decimal(generator.randint(-(10**13), 10**13)) / Decimal(10 ** generator.randint(0, 4))
        for _ in range(2000)
    ]
    for amount in amounts:
        number = numbers_format(amount, language)
        if language == "en":
            expected = f"-€{number[1:]}" if number.startswith("-") else f"€{number}"
        else:
            expected = f"{number} €"
        assert format_money(amount, language) == expected, amount


def test_the_active_language_is_the_default():
    with translation.override("en"):
        assert format_money(Decimal("1000")) == "€1,000.00"
    with translation.override("sl"):
        assert format_money(Decimal("1000")) == "1.000,00 €"
