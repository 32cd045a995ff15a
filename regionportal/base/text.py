"""Text matching, the same for every search box, list filter and the API's `q`: blind to case
and to č/š/ž/ć/đ on both databases, so that "sostanj" finds Šoštanj everywhere.

The folding is PostgreSQL's `unaccent` extension there; on SQLite the portal registers an
`unaccent` function of its own that folds the same way (`unaccent` below, registered by
BaseConfig.ready).
"""

import operator
import unicodedata
from functools import reduce

from django.db.models import F, Func, Q, TextField, Value
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import Contains

# Longer queries are cut: no name or text on the portal needs more to be found.
MAX_QUERY_LENGTH = 200
# More words than this add nothing a reader could want and only slow the query.
MAX_TERMS = 10

# Letters that carry no combining mark to strip, folded as PostgreSQL's unaccent folds them.
_LETTERS_WITHOUT_MARKS = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ħ": "h",
        "Ħ": "H",
        "\u0131": "i",  # dotless i
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
    }
)
# Control and format characters (NUL, RTL marks, zero-width joiners …) never belong in a query.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def unaccent(text):
    """The text without diacritics, as PostgreSQL's unaccent gives it: "Šoštanj" → "Sostanj"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS_WITHOUT_MARKS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text):
    return unaccent(text).lower()


def clean_query(text):
    """The query with invisible characters made spaces and runs of spaces made one."""
    visible = "".join(
        " " if unicodedata.category(char) in _INVISIBLE_CATEGORIES else char for char in text
    )
    return " ".join(visible.split())


def query_terms(query):
    """The query's distinct words, at most MAX_TERMS of them."""
    return list(dict.fromkeys(query.split()))[:MAX_TERMS]


def folded_terms(text):
    """The words a query looks for: cleaned, cut to MAX_QUERY_LENGTH, folded, distinct."""
    return query_terms(fold(clean_query(text)[:MAX_QUERY_LENGTH]))


class Fold(Func):
    """Lower case without diacritics, in the database (unaccent: see the module docstring)."""

    template = "LOWER(UNACCENT(%(expressions)s))"
    output_field = TextField()


class JoinedText(Func):
    """The texts joined by spaces, an empty (NULL) one as "", each read as text first (an
    address field is `inet` on PostgreSQL, which cannot be coalesced with "").

    A flat `a || ' ' || b || …` chain: Concat nests each pair in the next, which overflows
    SQLite's parser stack once a type searches a dozen columns.
    """

    arg_joiner = " || ' ' || "
    template = "(%(expressions)s)"
    output_field = TextField()

    def __init__(self, *expressions):
        super().__init__(
            *[
                Coalesce(Cast(text, TextField()), Value(""), output_field=TextField())
                for text in expressions
            ]
        )


def joined(field_names):
    """The fields' texts joined by spaces (see JoinedText)."""
    return JoinedText(*[F(name) for name in field_names])


def contains_every_term(document, terms):
    """The condition that the folded document contains each of the (folded) terms."""
    return reduce(operator.and_, [Q(Contains(document, Fold(Value(term)))) for term in terms])


def matching(queryset, field_names, text):
    """The rows whose fields, read together, contain every word of the text, blind to case and
    diacritics: "sostanj" finds "Šoštanj", "clean projekt" finds "CLEAN … projekt". Every row
    when the text has no words."""
    terms = folded_terms(text)
    if not terms:
        return queryset
    return queryset.filter(contains_every_term(Fold(joined(field_names)), terms))
