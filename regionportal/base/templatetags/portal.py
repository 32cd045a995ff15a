"""Template filters and tags used across the portal's pages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import gettext

from regionportal.base import formatting, languages

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
