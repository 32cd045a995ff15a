"""Text matching, the same for every search box, list filter and the API's `q`: blind to case
and to č/š/ž/ć/đ on both databases, so that "sostanj" finds Šoštanj everywhere.

The folding is PostgreSQL's `unaccent` extension there (through `regionportal_fold`, an
immutable wrapper that migration regionportal/0009_fold_function creates, so that stored
columns and indexes can use it); on SQLite the portal registers an `unaccent` function of its
own that folds the same way (`unaccent` below, registered by BaseConfig.ready).

The large tables keep their searched text folded in a stored column (FoldedText), which the
database itself computes on every insert and update, whatever writes the row: the matcher
reads that column instead of folding every row on every search, and on PostgreSQL a trigram
index on it serves the match.
"""

import operator
import unicodedata
from functools import reduce

from django.db.models import F, Func, GeneratedField, Q, TextField, Value
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

    def as_postgresql(self, compiler, connection, **extra_context):
        # The extension's unaccent() is only stable (its dictionary could change), which a
        # generated column and an index refuse; the wrapper names the dictionary, and folds
        # exactly as LOWER(UNACCENT(…)) does.
        return self.as_sql(compiler, connection, template="regionportal_fold(%(expressions)s)")


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


class FoldedText(GeneratedField):
    """A stored column: the fields' texts joined by spaces and folded (Fold), computed by the
    database on every insert and update, so that it is right after any write (a form, an
    inline, an import, bulk_create, update(), a restore from history, the content loader).
    Not editable, and so neither in forms nor in the history's list of changes."""

    def __init__(self, *, fields, **kwargs):
        self.folded_fields = tuple(fields)
        kwargs.update(
            expression=Fold(joined(self.folded_fields)),
            output_field=TextField(),
            db_persist=True,
        )
        super().__init__(**kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for generated in ("expression", "output_field", "db_persist"):
            del kwargs[generated]
        kwargs["fields"] = list(self.folded_fields)
        return name, path, args, kwargs


def _stored(model, field_names, *, exactly):
    """The model's FoldedText column of those fields (or, with exactly=False, of those and
    more), the one of fewest fields; None where it has none."""
    wanted = set(field_names)
    columns = [
        column
        for column in model._meta.concrete_fields
        if isinstance(column, FoldedText)
        and (
            wanted == set(column.folded_fields)
            or (not exactly and wanted < set(column.folded_fields))
        )
    ]
    return min(columns, key=lambda column: len(column.folded_fields), default=None)


def folded(model, field_names):
    """The fields' texts joined and folded: the stored column where the model has one of
    exactly these fields, the expression otherwise."""
    stored = _stored(model, field_names, exactly=True)
    return F(stored.name) if stored else Fold(joined(field_names))


def contains_every_term(document, terms):
    """The condition that the folded document contains each of the (folded) terms."""
    return reduce(operator.and_, [Q(Contains(document, Fold(Value(term)))) for term in terms])


def matching_condition(model, field_names, terms):
    """The condition that the model's fields, read together, contain each of the (folded)
    terms.

    A term never holds a space and the fields are joined by spaces, so a term is in the joined
    text exactly when it is in one of the fields: a stored column of more fields finds a
    superset, cheaply (and on PostgreSQL through its index); the fields' own text then decides
    among those rows alone.
    """
    stored = _stored(model, field_names, exactly=False)
    if stored is None:
        return contains_every_term(Fold(joined(field_names)), terms)
    condition = contains_every_term(F(stored.name), terms)
    if set(field_names) != set(stored.folded_fields):
        condition &= contains_every_term(Fold(joined(field_names)), terms)
    return condition


def matching(queryset, field_names, text):
    """The rows whose fields, read together, contain every word of the text, blind to case and
    diacritics: "sostanj" finds "Šoštanj", "clean projekt" finds "CLEAN … projekt". Every row
    when the text has no words."""
    terms = folded_terms(text)
    if not terms:
        return queryset
    return queryset.filter(matching_condition(queryset.model, field_names, terms))
