"""Template filters and tags used across the portal's pages."""

from django import template
from django.conf import settings
from django.template.base import render_value_in_context
from django.templatetags.l10n import localize, unlocalize
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django_tables2.utils import signature

from regionportal.base import country_names, formatting, languages, pdf

register = template.Library()


@register.filter
def money(amount):
    return formatting.format_money(amount)


@register.filter
def money_or_not_stated(amount):
    """The amount as money (zero is an amount too), or "not stated" as a note where there is
    none. The same markup serves the pages and the PDFs: pdf.css gives `.money` no style."""
    if amount is None:
        return format_html('<span class="note">{}</span>', gettext("not stated"))
    return format_html('<span class="money">{}</span>', formatting.format_money(amount))


@register.filter
def money_or_dash(amount):
    """The amount as money, or a dash where there is none, which screen readers read as "not
    known" (pdf.css hides `.visually-hidden`, so a PDF shows the dash alone)."""
    if amount is None:
        return format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            gettext("not known"),
        )
    return format_html('<span class="money">{}</span>', formatting.format_money(amount))


@register.filter
def percent(value, decimal_places=1):
    return formatting.format_percent(value, decimal_places)


@register.filter
def elided_page_range(paginator, number):
    """The page numbers to link around page `number`, with Paginator.ELLIPSIS for a gap."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.simple_tag
def partial_date(value, precision):
    return formatting.format_partial_date(value, precision)


@register.simple_tag
def period(start, start_precision, end, end_precision):
    return formatting.format_period(start, start_precision, end, end_precision)


@register.simple_tag(name="translated")
def translated_text(record, field_name):
    """`{% translated project "title" %}`: the translated field's text as the page shows it, in
    a <span lang="sl"> where it is the Slovenian fallback of an empty English text (or the
    reverse). `{% translated project "title" as title %}` keeps it for an include or a
    blocktranslate."""
    return languages.translated(record, field_name)


@register.simple_tag(name="lang_attribute")
def lang_attribute_of(record, field_name):
    """`<p{% lang_attribute project "summary" %}>`: ` lang="sl"` on the element that holds a
    translated field's text where that text is a fallback, for text a tag cannot wrap in a
    <span> (paragraphs, list items, text through a filter)."""
    return languages.lang_attribute(record, field_name)


@register.simple_tag(takes_context=True)
def alternate_urls(context):
    """The current page's address in each language: `path` keeps the query string (the
    language switch keeps filters and search terms); `url` is the absolute address of the page
    itself, without it (canonical and hreflang links). The default language's entry also has
    `x_default`: the address without a language prefix, which redirects to the visitor's
    language, as the x-default of sitemap.xml does."""
    request = context["request"]
    alternates = []
    for code, name in settings.LANGUAGES:
        page_path = translate_url(request.path, code)
        x_default = None
        if code == settings.LANGUAGE_CODE and page_path.startswith(f"/{code}/"):
            x_default = request.build_absolute_uri(page_path.removeprefix(f"/{code}"))
        alternates.append(
            {
                "code": code,
                "name": name,
                "path": translate_url(request.get_full_path(), code),
                "url": request.build_absolute_uri(page_path),
                "x_default": x_default,
            }
        )
    return alternates


@register.inclusion_tag("admin/includes/_error_summary.html", takes_context=True)
def admin_error_summary(context):
    """The errors of an admin change form and of its inlines, each with the address of what it
    is about: a field's input, an inline row (an error of the row as a whole, or of a hidden
    field), an inline group (an error of its rows together), or the form (an error of the form
    as a whole). Nothing when the form has no errors."""
    adminform = context.get("adminform")
    if adminform is None or not context.get("errors"):
        return {"links": []}
    form = adminform.form
    form_anchor = f"{context['opts'].model_name}_form"
    links = list(_form_error_links(form, form_anchor, label_prefix=None))
    for inline_admin_formset in context.get("inline_admin_formsets", []):
        formset = inline_admin_formset.formset
        group = capfirst(inline_admin_formset.opts.verbose_name_plural)
        for message in formset.non_form_errors():
            links.append((f"{formset.prefix}-group", group, message))
        for number, row in enumerate(formset.forms, start=1):
            row_label = pgettext("error summary", "%(inline)s, row %(number)s") % {
                "inline": group,
                "number": number,
            }
            links.extend(
                _form_error_links(row, f"{formset.prefix}-{number - 1}", label_prefix=row_label)
            )
    return {"links": links}


def _form_error_links(form, form_anchor, *, label_prefix):
    """(anchor, label, message) for each error of one form; `form_anchor` is the address of an
    error that no visible input shows."""
    for name, messages in form.errors.items():
        field = form.fields.get(name)
        if field is None or field.widget.is_hidden:
            anchor, label = form_anchor, label_prefix
        else:
            bound_field = form[name]
            anchor = bound_field.id_for_label or bound_field.auto_id
            field_label = capfirst(bound_field.label)
            label = (
                field_label
                if label_prefix is None
                else pgettext("error summary", "%(row)s: %(field)s")
                % {"row": label_prefix, "field": field_label}
            )
        for message in messages:
            yield anchor, label, message


@register.simple_tag(name="media_path")
def media_path_of(file):
    """`<img src="{% media_path image.image %}">` in a PDF: the uploaded file's address on the
    portal's own host, which the PDF's fetcher reads through the storage API (not the storage's
    own URL, which may be another host's)."""
    return pdf.media_path(file.name)


@register.filter
def moment(value):
    """A date and time as the portal writes them (formatting.format_moment)."""
    return formatting.format_moment(value) if value else ""


@register.filter
def country_name(country):
    """A country (or its code) by name in the active language (base.country_names)."""
    return country_names.country_name(country)


@register.simple_tag(takes_context=True)
def table_rows(context, table):
    """The rows of a django-tables2 table's page (includes/_table.html), the first cell of each
    as its row's header: written here rather than by a template loop over every cell, whose
    lookups cost as much as the cells' own values (a list page's 20 rows of 8 cells).

    Each cell's value is django-tables2's (BoundRow.get_cell()), but what is the same in every
    row is worked out once per column (_ColumnCells), not once per cell."""
    columns = [
        _ColumnCells(column, context, is_row_header=index == 0)
        for index, column in enumerate(table.columns)
    ]
    return format_html_join(
        "\n",
        "<tr {}>{}</tr>",
        (
            (row.attrs.as_html(), SafeString("".join(column.cell(row) for column in columns)))
            for row in table.paginated_rows
        ),
    )


class _ColumnCells:
    """A column's cells as BoundRow.get_cell() renders them, with what that works out for each
    cell anew worked out once: the cell's attributes (from a column whose attributes are not
    callables of the row), the arguments the column's render method takes and its default."""

    def __init__(self, bound_column, context, *, is_row_header):
        self.bound_column = bound_column
        self.context = context
        td_attrs = bound_column.column.attrs.get("td", bound_column.column.attrs.get("cell", {}))
        self.opening = None
        if not any(callable(value) for value in td_attrs.values()):
            self.opening = self._opening(bound_column.attrs["td"], is_row_header)
        self.is_row_header = is_row_header
        self.arguments, self.takes_any = signature(bound_column.render)
        self.default = bound_column.default

    @staticmethod
    def _opening(attrs, is_row_header):
        if is_row_header:
            return format_html('<th scope="row" {}>', attrs.as_html())
        return format_html("<td {}>", attrs.as_html())

    def cell(self, row):
        column = self.bound_column
        content = row._get_and_render_with(
            column,
            render_func=lambda _column, value=None: self._render(row, value),
            default=self.default,
        )
        # Set as BoundRow.items() sets them, for attributes that are callables of the row.
        column.current_value, column.current_record = content, row.record
        opening = self.opening or self._opening(column.attrs["td"], self.is_row_header)
        if column.localize is not None:
            content = localize(content) if column.localize else unlocalize(content)
        closing = "</th>" if self.is_row_header else "</td>"
        return format_html(
            "{}{}{}", opening, render_value_in_context(content, self.context), SafeString(closing)
        )

    def _render(self, row, value):
        """The column's render method called as django_tables2.utils.call_with_appropriate()
        calls it, then linked as BoundRow._call_render() links it."""
        column = self.bound_column
        kwargs = {
            "value": value,
            "record": row.record,
            "column": column.column,
            "bound_column": column,
            "bound_row": row,
            "table": row.table,
        }
        if self.takes_any:
            content = column.render(**kwargs)
        elif all(name in kwargs for name in self.arguments):
            content = column.render(**{name: kwargs[name] for name in self.arguments})
        else:
            content = None
        return column.link(content, **kwargs) if column.link else content
