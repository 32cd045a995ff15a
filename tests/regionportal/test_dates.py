"""Dates as the pages show them: in Slovenian a day takes its month in the genitive."""

import datetime

import pytest
from django.utils import translation

from regionportal.base.formatting import format_partial_date, format_period

JUNE_1 = datetime.date(2018, 6, 1)
NOVEMBER_30 = datetime.date(2022, 11, 30)


@pytest.mark.parametrize(
    ("language", "precision", "shown"),
    [
        ("sl", "day", "1. junija 2018"),
        ("sl", "month", "junij 2018"),
        ("sl", "year", "2018"),
        ("en", "day", "June 1, 2018"),
        ("en", "month", "June 2018"),
    ],
)
def test_a_date_as_far_as_it_is_known(language, precision, shown):
    with translation.override(language):
        assert format_partial_date(JUNE_1, precision) == shown


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_takes_the_genitive_after_a_day(month):
    genitive = [
        "januarja", "februarja", "marca", "aprila", "maja", "junija",
        "julija", "avgusta", "septembra", "oktobra", "novembra", "decembra",
    ]  # fmt: skip
    with translation.override("sl"):
        assert format_partial_date(datetime.date(2026, month, 3), "day") == (
            f"3. {genitive[month - 1]} 2026"
        )


def test_a_period():
    with translation.override("sl"):
        assert format_period(JUNE_1, "day", NOVEMBER_30, "day") == (
            "1. junija 2018 – 30. novembra 2022"
        )
