"""Field types that several apps share."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every amount of money: euros and cents, never negative.
MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}


def money_field():
    """The output field of a computed amount (a sum, a subquery), two decimal places on SQLite
    too."""
    return models.DecimalField(max_digits=MONEY["max_digits"], decimal_places=2)


class DatePrecision(models.TextChoices):
    """How much of a date the source gives: only the year, the month, or the day."""

    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")
