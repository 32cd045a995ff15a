"""The admin index's "Needs attention": how many records staff should look at, each count a
link to exactly those records on their admin list.

The site asks every ModelAdmin that has an `attention_items(request)` method for its items, so
that each app declares the items about its own models and the base imports no app. An item
is a small declaration: the records it counts, the list filters that show them on the model's
changelist (filters the staff member can also pick by hand), and the wording of its count.
"""

import dataclasses

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy, pgettext_lazy
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


@dataclasses.dataclass(frozen=True)
class AttentionItem:
    """One line of "Needs attention".

    `text` is an ngettext_lazy(…, "count") whose "%(count)s" is the number of `records`;
    `filters` is the query string of the model's changelist that lists exactly those records.
    `note` (optional) is said below the list, whatever the count.
    """

    text: Promise
    records: QuerySet
    filters: dict[str, str]
    note: str = ""


@dataclasses.dataclass(frozen=True)
class AttentionLine:
    """An item as the index shows it: its count in words, and the link to its records."""

    text: str
    url: str


@dataclasses.dataclass(frozen=True)
class Attention:
    lines: list[AttentionLine]
    notes: list[str]


def attention(site, request):
    """The "Needs attention" of the staff member, from the items of every model admin of `site`
    whose list they may view: a line for each item whose count is not zero (a zero is nothing
    to do, and a list of zeros would bury the counts that are not), and every item's note.

    One COUNT query per item, whatever the number of records."""
    lines, notes = [], []
    for model, model_admin in site._registry.items():
        if not hasattr(model_admin, "attention_items"):
            continue
        if not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        changelist = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_changelist", current_app=site.name
        )
        for item in model_admin.attention_items(request):
            if count := item.records.count():
                lines.append(
                    AttentionLine(
                        text=item.text % {"count": count},
                        url=f"{changelist}?{urlencode(item.filters)}",
                    )
                )
            if item.note:
                notes.append(item.note)
    return Attention(lines=lines, notes=notes)


ENGLISH = "en"
SLOVENIAN = "sl"


def missing_english(model, fields=None):
    """The condition for a record whose Slovenian text has no English: one of the translated
    `fields` (all the model's translated fields unless named) has Slovenian text and an empty
    English one."""
    if fields is None:
        fields = translator.get_options_for_model(model).fields
    condition = Q()
    for field in fields:
        english = build_localized_fieldname(field, ENGLISH)
        condition |= Q(**{f"{build_localized_fieldname(field, SLOVENIAN)}__gt": ""}) & (
            Q(**{english: ""}) | Q(**{f"{english}__isnull": True})
        )
    return condition


class MissingEnglishFilter(admin.SimpleListFilter):
    """A list filter, "By English text": the records that have Slovenian text without its
    English (missing_english()). A subclass names `fields` to look at fewer than all the
    model's translated fields."""

    title = pgettext_lazy("list filter", "English text")
    parameter_name = "english"
    MISSING = "missing"
    fields: tuple[str, ...] | None = None

    def lookups(self, request, model_admin):
        return [(self.MISSING, gettext_lazy("Missing English text"))]

    def queryset(self, request, queryset):
        if self.value() != self.MISSING:
            return queryset
        return queryset.filter(missing_english(queryset.model, self.fields))

    @classmethod
    def records(cls, queryset):
        """The records of `queryset` that the filter lists."""
        return queryset.filter(missing_english(queryset.model, cls.fields))

    @classmethod
    def filters(cls):
        """The query string of a changelist filtered by it."""
        return {cls.parameter_name: cls.MISSING}
