"""Country names in the active language, each language's names looked up once.

django-countries translates a name on every call (`Country.name`, `countries.name()`: a gettext
lookup each, about 36 µs), which a list or download of thousands of partners repeats for every
row. The names of one language are the same for the whole process, so they are read once."""

from functools import cache

from django.conf import settings
from django.utils import translation
from django_countries import countries


@cache
def _names(language):
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def country_name(code):
    """The country's name in the active language ("" for no or an unknown code), as
    django-countries gives it."""
    if not code:
        return ""
    return _names(translation.get_language() or settings.LANGUAGE_CODE).get(str(code), "")


def names_in_language():
    """Every country's name by code in the active language, for a loop over many rows: it
    looks the language up once (a lookup takes longer than the name's)."""
    return _names(translation.get_language() or settings.LANGUAGE_CODE)
