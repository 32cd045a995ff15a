"""Counts and sums of related rows as subqueries, for annotating the rows of another model
(e.g. each programme with the number and budget of its projects) without a GROUP BY over the
outer query."""

from django.db.models import Func, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce

from .fields import money_field


def subquery_count(queryset, field_name="pk"):
    """The number of distinct rows of the queryset (which refers to the outer row through an
    OuterRef), or of the distinct values of its field `field_name`, 0 when there are none."""
    counted = queryset.order_by().annotate(
        counted=Func(
            field_name, function="COUNT", template="%(function)s(DISTINCT %(expressions)s)"
        )
    )
    return Coalesce(
        Subquery(counted.values("counted"), output_field=IntegerField()),
        Value(0),
        output_field=IntegerField(),
    )


def subquery_sum(queryset, field_name):
    """The sum of an amount over the queryset's rows (which may refer to the outer row through
    an OuterRef); None when no row has one."""
    summed = queryset.order_by().annotate(summed=Func(field_name, function="SUM"))
    return Subquery(summed.values("summed"), output_field=money_field())
