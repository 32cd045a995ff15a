"""The language of a translated field's text on a page.

A translated field (django-modeltranslation, see */translation.py) whose text is empty in the
page's language shows the text of a fallback language (MODELTRANSLATION_FALLBACK_LANGUAGES):
Slovenian on an English page, English on a Slovenian one. Such text is marked with its own
language, so that screen readers pronounce it as that language. The templates mark it with the
`translated` and `lang_attribute` tags of the `portal` library; tables, search hits, charts and
feeds with these functions.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order


def fallback_language(record, field_name):
    """The language of the text that `getattr(record, field_name)` shows, where it is not the
    page's (the active language's text is empty, and a fallback language's is not); "" where
    the text is in the page's language or empty in every language."""
    language = get_language()
    for candidate in resolution_order(language):
        if getattr(record, build_localized_fieldname(field_name, candidate)) not in (None, ""):
            return "" if candidate == language else candidate
    return ""


def in_language(text, language):
    """The text (escaped unless it is safe HTML) in a <span lang> of the language, or as it is
    where there is no language to mark."""
    if not language:
        return format_html("{}", text)
    return format_html('<span lang="{}">{}</span>', language, text)


def translated(record, field_name):
    """The field's text as the page shows it, marked with its language where it is a
    fallback."""
    return in_language(getattr(record, field_name), fallback_language(record, field_name))


def lang_attribute(record, field_name):
    """` lang="…"` for the element that holds the field's text where it is a fallback, else
    nothing: for text that is a block (paragraphs, list items) rather than a phrase."""
    language = fallback_language(record, field_name)
    return format_html(' lang="{}"', language) if language else SafeString()


def localized_fieldnames(field_name):
    """The columns of a translated field in the order its text is looked up in the active
    language (title_en, then title_sl, on an English page): what a values() query reads to show
    the field without a model instance (see text_in_language())."""
    return [
        build_localized_fieldname(field_name, language)
        for language in resolution_order(get_language())
    ]


def text_in_language(values, fieldnames):
    """The text a translated text field shows in the active language, from a values() row:
    the first of its columns (localized_fieldnames()) that is not empty, else ""; as
    django-modeltranslation reads it from a model instance."""
    for name in fieldnames:
        if value := values[name]:
            return value
    return ""
