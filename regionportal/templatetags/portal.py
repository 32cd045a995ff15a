"""Template filters and tags used across the portal's pages."""

from django import template
from django.conf import settings
from django.urls import translate_url

from regionportal import formatting

register = template.Library()


@register.filter
def money(amount):
    return formatting.format_money(amount)


@register.filter
def percent(value, decimal_places=1):
    return formatting.format_percent(value, decimal_places)


@register.simple_tag
def partial_date(value, precision):
    return formatting.format_partial_date(value, precision)


@register.simple_tag
def period(start, start_precision, end, end_precision):
    return formatting.format_period(start, start_precision, end, end_precision)


@register.simple_tag(takes_context=True)
def alternate_urls(context):
    """The current page's address in each language, for hreflang links and the switch."""
    request = context["request"]
    path = request.get_full_path()
    alternates = []
    for code, name in settings.LANGUAGES:
        translated = translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "path": translated,
                "url": request.build_absolute_uri(translated),
            }
        )
    return alternates
