"""How the portal writes money, percentages, partial dates and periods in each language, and
works out a percentage of a total."""

import functools
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy


def rounded(value, decimal_places):
    """The value rounded half up (Django's number_format cuts the extra digits off)."""
    return Decimal(value).quantize(_unit(decimal_places), rounding=ROUND_HALF_UP)


@functools.cache
def _unit(decimal_places):
    # Made once per number of places: a download rounds every amount of its 100,000 rows.
    return Decimal(1).scaleb(-decimal_places)


def percent_of(part, total):
    """The part as a percentage of the total; None where the part is not known or the total is
    0 or not known."""
    if part is None or not total:
        return None
    return Decimal(part) * 100 / Decimal(total)


def format_money(amount, language=None):
    """An amount in EUR in the active (or given) language: sl 1.598.948,00 €, en €1,598,948.00."""
    if amount is None or amount == "":
        return ""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    decimal_separator, thousand_separator = _number_separators(language)
    # Python's grouping by threes, then the language's separators, as Django's number_format
    # writes it (with force_grouping) at a fraction of its cost: a page or a download writes
    # thousands of amounts, and number_format looks every format up again for each.
    value = rounded(amount, 2)
    # A negative amount that rounds to nothing is 0,00 €, as number_format writes it.
    number = f"{value if value else abs(value):,.2f}".translate(
        {ord(","): thousand_separator, ord("."): decimal_separator}
    )
    if language.startswith("en"):
        return f"-€{number[1:]}" if number.startswith("-") else f"€{number}"
    return f"{number} €"


@functools.cache
def _number_separators(language):
    """The language's decimal and thousand separators (its number grouping is by threes, as
    format_money's checked at start-up)."""
    with translation.override(language):
        if formats.get_format("NUMBER_GROUPING") != 3:
            raise ValueError(f"format_money groups digits by threes, {language!r} does not")
        return formats.get_format("DECIMAL_SEPARATOR"), formats.get_format("THOUSAND_SEPARATOR")


def format_percent(value, decimal_places=1):
    """A percentage: sl 8,4 %, en 8.4%."""
    if value is None or value == "":
        return ""
    number = formats.number_format(rounded(value, decimal_places), decimal_places, use_l10n=True)
    return f"{number}%" if (translation.get_language() or "").startswith("en") else f"{number} %"


# The months' alternative names that the date format's "E" shows (regionportal/formats): in
# Slovenian the genitive a day takes ("1. decembra"). Django's Slovenian catalogue has the
# nominative there, so the portal's catalogue gives them.
GENITIVE_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]


def format_moment(value):
    """A date and time as staff and visitors read it: in the portal's time zone, in the active
    language's format ("1. decembra 2026, 09:00")."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATETIME_FORMAT")


def format_partial_date(value, precision):
    """A date shown only as far as its source gives it: a year, a month or a day."""
    if value is None:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def format_period(start, start_precision, end, end_precision):
    """A period such as 2017–2021, or 1. junij 2018 – 30. november 2022."""
    start_text = format_partial_date(start, start_precision)
    end_text = format_partial_date(end, end_precision)
    if start_text and end_text:
        separator = "–" if start_precision == end_precision == "year" else " – "
        return f"{start_text}{separator}{end_text}"
    if start_text:
        return _("from %(start)s") % {"start": start_text}
    if end_text:
        return _("until %(end)s") % {"end": end_text}
    return ""
