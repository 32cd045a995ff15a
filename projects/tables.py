"""The tables of the project and partner lists: columns, how each sorts, how money shows."""

import django_tables2 as tables
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tables2.data import TableQuerysetData
from modeltranslation.utils import build_localized_fieldname, get_language

from regionportal.base.country_names import country_name
from regionportal.base.formatting import format_money, format_period
from regionportal.base.languages import translated
from regionportal.base.paging import kept_count, rows_by_key

from .filters import country_choices, name_sort_key
from .models import Organisation, Project, title_sort_key

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# A page that shows projects beside other content (a programme's, a municipality's, a pillar's,
# the agency's) shows this many, with their count and sums, and links to the list for the rest.
FIRST_ROWS = 20


class BoundedPaginator(Paginator):
    """A paginator that keeps a page size asked for in the address (?per_page=) sensible.

    django-tables2 passes ?per_page= on as it is; 0 would divide by zero and a huge number would
    put the whole table on one page, so either falls back to the default.
    """

    def __init__(self, object_list, per_page, *args, **kwargs):
        if not 1 <= int(per_page) <= MAX_PER_PAGE:
            per_page = DEFAULT_PER_PAGE
        super().__init__(object_list, per_page, *args, **kwargs)


class RowsByPage(TableQuerysetData):
    """A table's queryset whose page is fetched by regionportal.base.paging.rows_by_key():
    what the rows carry is worked out for the rows of the page alone, and the rows are counted
    by kept_count(). `rows`: as rows_by_key()'s."""

    def __init__(self, data, rows=None):
        super().__init__(data)
        self.rows = rows

    def __len__(self):
        if getattr(self, "_length", None) is None and hasattr(self.table, "paginator"):
            self._length = kept_count(self.data)
        return super().__len__()

    def __getitem__(self, key):
        if isinstance(key, slice):
            return rows_by_key(self.data, key, self.rows)
        return super().__getitem__(key)


def _unknown():
    return format_html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
        gettext("not known"),
    )


def _money(amount):
    return format_html('<span class="money">{}</span>', format_money(amount))


def _ordered(queryset, is_descending, *expressions):
    """Order by the expressions, empty values last either way, then by id so pages are stable."""
    keys = [
        expression.desc(nulls_last=True) if is_descending else expression.asc(nulls_last=True)
        for expression in expressions
    ]
    return queryset.order_by(*keys, "pk"), True


def _ordered_by_key(queryset, is_descending, key):
    """Order by a key that is never empty, as an index of (key, id) holds it, then by id: with
    no "empty last", which PostgreSQL's index, read backwards, cannot give."""
    return queryset.order_by(key.desc() if is_descending else key.asc(), "pk"), True


def _in_active_language(field_name):
    """A translated field in the active language, or in Slovenian where that one is empty."""
    language = get_language()
    field = F(build_localized_fieldname(field_name, language))
    if language == "sl":
        return field
    return Coalesce(NullIf(field, Value("")), F(build_localized_fieldname(field_name, "sl")))


def _rank(field_name, values):
    """An expression that orders a field by the given values: the first is 0, the next 1, …"""
    return Case(
        *(When(**{field_name: value}, then=Value(rank)) for rank, value in enumerate(values)),
        default=Value(len(values)),
        output_field=IntegerField(),
    )


class PortalTable(tables.Table):
    """A table rendered by includes/_table.html, which shows `caption` in a <caption>."""

    caption = ""

    class Meta:
        per_page = DEFAULT_PER_PAGE

    def __init__(self, *args, caption=None, **kwargs):
        super().__init__(*args, **kwargs)
        if caption is not None:
            self.caption = caption


class MoneyColumn(tables.Column):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", {"th": {"class": "number"}, "td": {"class": "number"}})
        kwargs.setdefault("default", _unknown)
        super().__init__(*args, **kwargs)

    def render(self, value):
        return _money(value)


class ProjectTable(PortalTable):
    caption = _("Projects")

    acronym = tables.Column(verbose_name=_("Acronym"), linkify=True)
    title = tables.Column(verbose_name=_("Title"))
    programme = tables.Column(verbose_name=_("Programme"), default=_unknown)
    period = tables.Column(
        verbose_name=_("Period"),
        empty_values=(),
        default=_unknown,
        attrs={"td": {"class": "period"}},
    )
    total_budget = MoneyColumn(verbose_name=_("Total budget"))
    agency_share = MoneyColumn(verbose_name=_("Agency's share"))
    status = tables.Column(verbose_name=_("Status"))

    class Meta(PortalTable.Meta):
        empty_text = _("No projects match these filters.")
        # The latest first; projects without dates last, on every database.
        order_by = "-period"

    def render_title(self, record):
        badges = format_html_join(
            "",
            ' <span class="pillar-badge pillar--{}">{}</span>',
            (
                (project_pillar.pillar.slug, translated(project_pillar.pillar, "name"))
                for project_pillar in record.project_pillars.all()
            ),
        )
        return format_html("{}{}", translated(record, "title"), badges)

    def render_programme(self, value):
        return translated(value, "name")

    def render_period(self, record):
        text = format_period(
            record.start_date, record.start_precision, record.end_date, record.end_precision
        )
        return text or _unknown()

    def render_status(self, record):
        return record.get_status_display()

    def order_acronym(self, queryset, is_descending):
        return _ordered(queryset, is_descending, Lower("acronym"))

    def order_title(self, queryset, is_descending):
        """By title_sort_key(), which its index holds: every project has a Slovenian title, so
        the key is never empty."""
        return _ordered_by_key(queryset, is_descending, title_sort_key(get_language()))

    def order_programme(self, queryset, is_descending):
        return _ordered(queryset, is_descending, Lower(_in_active_language("programme__name")))

    def order_period(self, queryset, is_descending):
        return _ordered(queryset, is_descending, F("start_date"), F("end_date"))

    def order_total_budget(self, queryset, is_descending):
        return _ordered(queryset, is_descending, F("total_budget"))

    def order_agency_share(self, queryset, is_descending):
        return _ordered(queryset, is_descending, F("agency_share"))

    def order_status(self, queryset, is_descending):
        """In the order a project goes through: idea, application, approval, work, end."""
        return _ordered(queryset, is_descending, _rank("status", Project.Status.values))


class OrganisationTable(PortalTable):
    caption = _("Partner organisations")

    name = tables.Column(verbose_name=_("Name"), linkify=True)
    name_en = tables.Column(verbose_name=_("English name"), default="")
    acronym = tables.Column(verbose_name=_("Acronym"), default="")
    country = tables.Column(verbose_name=_("Country"))
    kind = tables.Column(verbose_name=_("Type"))
    project_count = tables.Column(
        verbose_name=_("Projects"), attrs={"th": {"class": "number"}, "td": {"class": "number"}}
    )

    class Meta(PortalTable.Meta):
        empty_text = _("No organisations match these filters.")
        order_by = "name"

    def render_country(self, record):
        return country_name(record.country)

    def render_kind(self, record):
        return record.get_kind_display()

    def order_name(self, queryset, is_descending):
        """By the name without regard to case, as its index holds it: every organisation has a
        name."""
        return _ordered_by_key(queryset, is_descending, Lower("name"))

    def order_name_en(self, queryset, is_descending):
        return _ordered(queryset, is_descending, Lower(NullIf("name_en", Value(""))))

    def order_acronym(self, queryset, is_descending):
        return _ordered(queryset, is_descending, Lower(NullIf("acronym", Value(""))))

    def order_country(self, queryset, is_descending):
        """By the country's name in the active language, not by its code."""
        codes = [code for code, _name in country_choices(Organisation.objects.countries())]
        return _ordered(queryset, is_descending, _rank("country", codes))

    def order_kind(self, queryset, is_descending):
        labels = sorted(Organisation.Kind.choices, key=lambda choice: name_sort_key(choice[1]))
        return _ordered(queryset, is_descending, _rank("kind", [value for value, _label in labels]))

    def order_project_count(self, queryset, is_descending):
        """By project_count counted for every organisation in one grouped pass over the
        partnerships, in place of the list's subquery per organisation (the same number):
        the sort needs every organisation's, and one by one they took 0.5 s at 10,000
        projects on PostgreSQL (grouped: 70-100 ms) and 2.9 s at 100,000 (1.2 s). A page's
        rows, read apart by their keys, count theirs with the subquery."""
        counted = queryset.annotate(
            project_count=Count(
                "partnerships", filter=Q(partnerships__project__in=Project.objects.published())
            )
        )
        return _ordered(counted, is_descending, F("project_count"))
