"""Search over the portal's content in both languages, blind to case and to č/š/ž/ć/đ.

`search(query)` returns the hits grouped by type (projects, partners, pillars, vision goals,
potentials, municipalities, programmes), in a number of queries that does not grow with the
data (see search()). A record matches when its Slovenian and English text, folded to lower
case without diacritics, contains every word of the query; "sostanj" finds Šoštanj and "CLEAN"
finds CLEAN.

On PostgreSQL the folding is the `unaccent` extension, and a record also matches on a typo in
its name: each word of the query is looked up among the words of the searched names (a table the
database keeps, site migration 0001, with a trigram index), and a name holding a near spelling of
every word matches too ("sostaj" finds Šoštanj); its words' full-text prefixes match as well. On
SQLite the portal registers an `unaccent` function of its own (regionportal.base.text).

On both, hits are ranked by where the query matched: a name equal to the query first, then names
that start with it, names that hold every word, names that hold every word up to a typo, and
then the rest; within each, in the type's own order (the newest projects first).
"""

import operator
import re
from dataclasses import dataclass, field, fields
from functools import reduce

from django.contrib.postgres.search import (
    Lexeme,
    SearchQuery,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact, StartsWith
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from funding.models import Programme
from pillars.models import Pillar, PotentialExample, VisionGoal
from projects.models import Organisation, Project
from regionportal.base.country_names import country_name
from regionportal.base.languages import fallback_language, in_language, translated
from regionportal.base.models import Municipality
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.text import (
    MAX_QUERY_LENGTH,
    Fold,
    clean_query,
    contains_every_term,
    fold,
    folded,
    folded_terms,
    matching_condition,
)

HITS_PER_TYPE = 20
EXCERPT_LENGTH = 180
# A typo is forgiven in words of this length and longer: in a shorter one it makes another word.
NEAR_SPELLING_MIN_LENGTH = 4
# The most similar words of the names taken for a word of the query.
NEAR_SPELLINGS_PER_TERM = 20
# Each term's near spellings among the words of the searched names, which PostgreSQL keeps in a
# table of their own (site migration 0001).
NEAR_SPELLINGS_SQL = (
    "SELECT term, near.word FROM unnest(%s::text[]) AS term CROSS JOIN LATERAL ("
    "SELECT word FROM site_search_word WHERE word %%> term "
    "ORDER BY word_similarity(term, word) DESC, word LIMIT %s) AS near"
)


@dataclass(frozen=True)
class Hit:
    """One record found. Its title, excerpt and meta are HTML where they hold a translated
    field's text, marked with its language where that is a fallback."""

    title: str
    url: str
    excerpt: str = ""
    meta: str = ""


@dataclass
class ResultGroup:
    key: str
    label: str
    hits: list = field(default_factory=list)
    has_more: bool = False


@dataclass
class SearchResults:
    query: str
    groups: list

    @property
    def total(self):
        return sum(len(group.hits) for group in self.groups)

    def __bool__(self):
        return self.total > 0


@dataclass(frozen=True)
class SearchType:
    """One kind of record the search finds, and how a hit on it is shown."""

    key: str
    label: object
    queryset: object
    # Matched and ranked first: names, titles, acronyms, in both languages.
    name_fields: tuple
    # Searched too, but weigh less: descriptions and the like.
    text_fields: tuple
    hit: object
    # Extra searchable words that are not a column, from the record: "mestna občina" for an
    # urban municipality. Only for a type matched in memory.
    extra_text: object = None
    # On PostgreSQL, the large tables keep their names (weight A) and text fields (B) as a
    # stored full-text vector in this column (projects migration 0011), which the words'
    # prefixes are matched against.
    stored_vector: str | None = None
    # A small table (a few dozen rows) is matched in memory, against its records' folded texts
    # kept per content version, rather than by a query built for each search: building and
    # compiling that took far longer than the database's answer.
    in_memory: bool = False


def _excerpt_of(record, field_names, terms, length=EXCERPT_LENGTH):
    """The excerpt of the first of the translated fields with a text, marked with its
    language where that is a fallback."""
    for field_name in field_names:
        if text := getattr(record, field_name):
            return in_language(
                excerpt(text, terms, length=length), fallback_language(record, field_name)
            )
    return ""


def _project_hit(project, terms):
    title = project.acronym
    if project.title and fold(project.title) != fold(project.acronym):
        title = format_html("{} – {}", project.acronym, translated(project, "title"))
    return Hit(
        title=title,
        url=project.get_absolute_url(),
        excerpt=_excerpt_of(project, ["summary", "objectives"], terms),
        meta=project.get_status_display(),
    )


def _organisation_hit(organisation, terms):
    title = organisation.name
    if organisation.acronym and organisation.acronym != organisation.name:
        title = f"{title} ({organisation.acronym})"
    place = ", ".join(
        part for part in [organisation.city, country_name(organisation.country)] if part
    )
    return Hit(
        title=title,
        url=organisation.get_absolute_url(),
        excerpt=_excerpt_of(organisation, ["description"], terms),
        meta=place,
    )


def _pillar_hit(pillar, terms):
    return Hit(
        title=translated(pillar, "name"),
        url=pillar.get_absolute_url(),
        excerpt=_excerpt_of(pillar, ["potentials", "in_implementation"], terms),
        meta=translated(pillar, "economic_model"),
    )


def _goal_hit(goal, terms):
    pillar = translated(goal.pillar, "name") if goal.pillar else _("The region as a whole")
    return Hit(
        title=_excerpt_of(goal, ["statement"], terms, length=160),
        url=goal.get_absolute_url(),
        excerpt=_excerpt_of(goal, ["indicator"], terms),
        meta=format_html("{} · {}", pillar, goal.get_horizon_display()),
    )


def _example_hit(example, terms):
    return Hit(
        title=translated(example, "name"),
        # The pillar page's list of potentials.
        url=f"{example.pillar.get_absolute_url()}#potentials-heading",
        excerpt=_excerpt_of(example, ["description"], terms),
        meta=format_html(
            "{}: {}", _("Potential of the pillar"), translated(example.pillar, "name")
        ),
    )


def _municipality_hit(municipality, terms):
    return Hit(
        title=municipality.name,
        url=municipality.get_absolute_url(),
        meta=_("Urban municipality") if municipality.is_urban else _("Municipality"),
    )


def _programme_hit(programme, terms):
    return Hit(
        title=translated(programme, "name"),
        url=programme.get_absolute_url(),
        excerpt=_excerpt_of(programme, ["description"], terms),
        meta=programme.period,
    )


SEARCH_TYPES = [
    SearchType(
        key="projects",
        label=_("Projects"),
        queryset=lambda: Project.objects.published(),
        name_fields=("acronym", "title_sl", "title_en"),
        text_fields=("summary_sl", "summary_en", "objectives_sl", "objectives_en"),
        hit=_project_hit,
        stored_vector="search_vector",
    ),
    SearchType(
        key="partners",
        label=_("Partners"),
        # Each match checked for a published project: a search finds few of them.
        queryset=lambda: Organisation.objects.public_checked_each(),
        name_fields=("name", "name_en", "acronym"),
        text_fields=("city", "description_sl", "description_en"),
        hit=_organisation_hit,
        stored_vector="search_vector",
    ),
    SearchType(
        key="pillars",
        label=_("Pillars"),
        queryset=lambda: Pillar.objects.all(),
        name_fields=("name_sl", "name_en"),
        text_fields=(
            "other_wordings",
            "economic_model_sl",
            "economic_model_en",
            "potentials_sl",
            "potentials_en",
            "in_implementation_sl",
            "in_implementation_en",
        ),
        hit=_pillar_hit,
        in_memory=True,
    ),
    SearchType(
        key="goals",
        label=_("Vision goals"),
        queryset=lambda: VisionGoal.objects.select_related("pillar"),
        name_fields=("statement_sl", "statement_en"),
        text_fields=("indicator_sl", "indicator_en"),
        hit=_goal_hit,
        in_memory=True,
    ),
    SearchType(
        key="examples",
        label=_("Potentials of the pillars"),
        queryset=lambda: PotentialExample.objects.select_related("pillar"),
        name_fields=("name_sl", "name_en"),
        text_fields=("description_sl", "description_en"),
        hit=_example_hit,
        in_memory=True,
    ),
    SearchType(
        key="municipalities",
        label=_("Municipalities"),
        queryset=lambda: Municipality.objects.in_region(),
        name_fields=("name",),
        text_fields=("iso_code",),
        hit=_municipality_hit,
        # Both languages' words for the kind of municipality, so "mestna" finds Celje.
        extra_text=lambda municipality: (
            "mestna občina MO urban municipality city"
            if municipality.is_urban
            else "občina municipality"
        ),
        in_memory=True,
    ),
    SearchType(
        key="programmes",
        label=_("Funding programmes"),
        queryset=lambda: Programme.objects.all(),
        name_fields=("name_sl", "name_en", "code"),
        text_fields=("fund", "period", "description_sl", "description_en"),
        hit=_programme_hit,
        in_memory=True,
    ),
]


def search(query):
    """Every type's hits for the query, best first: the large types in one query each, the
    small ones from their texts kept per content version and one query each for what they
    found (none when nothing is), and on PostgreSQL one for the near spellings.

    The query is expected to be cleaned (see SearchForm); an empty one finds nothing.
    """
    query = clean_query(query)[:MAX_QUERY_LENGTH]
    terms = folded_terms(query)
    spellings = near_spellings(terms)
    # The small types' texts, read once for all of them (one round trip to the cache).
    kept = kept_per_content_version(_KEPT_RECORDS_KEY, _kept_records) if terms else {}
    groups = []
    for search_type in SEARCH_TYPES:
        group = ResultGroup(key=search_type.key, label=search_type.label)
        if terms:
            if search_type.in_memory:
                records = _matching_in_memory(
                    search_type, kept[search_type.key], query, terms, spellings
                )
            else:
                records = _first_matching(search_type, query, terms, spellings, HITS_PER_TYPE + 1)
            group.has_more = len(records) > HITS_PER_TYPE
            group.hits = [search_type.hit(record, terms) for record in records[:HITS_PER_TYPE]]
        groups.append(group)
    return SearchResults(query=query, groups=groups)


def near_spellings(terms):
    """On PostgreSQL, for each (folded) term of NEAR_SPELLING_MIN_LENGTH letters or more, the words
    of the searched names that are a near spelling of it, most similar first: pg_trgm's word
    similarity of the term to the word reaches its threshold (`word %> term`, which the words'
    trigram index serves). Words that hold the term are left out: the term as written finds
    them. Nothing on SQLite, which has no trigrams."""
    terms = [term for term in terms if len(term) >= NEAR_SPELLING_MIN_LENGTH]
    if connection.vendor != "postgresql" or not terms:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            NEAR_SPELLINGS_SQL,
            [terms, NEAR_SPELLINGS_PER_TERM],
        )
        found = {}
        for term, word in cursor.fetchall():
            if term not in word:
                found.setdefault(term, []).append(word)
    return found


def _first_matching(search_type, query, terms, spellings, count):
    """The first `count` of the type's records that match, best first (see the module's
    docstring). Every part of the condition reads what the large tables keep folded
    (regionportal.base.text.folded), and on PostgreSQL each has an index: trigram for the words,
    full text for the lexemes. `spellings` are the terms' near spellings (near_spellings()).

    On PostgreSQL the records whose names hold every word (as written or up to a typo) are read
    first, as they rank above all others; once `count` are read, the rest is never read. A word
    common in the names otherwise has the database read and recheck every row whose text holds
    it, to rank them all ("energija" at 100,000 projects: 4,000 names hold "energije", 7,000
    more texts "energija"; all of them 56 ms, the names alone 20 ms). SQLite reads every row
    either way (it has no index for a word within a text): reading the names first would only
    read them twice."""
    ranked, matches, in_names = _ranked(search_type, query, terms, spellings)
    if connection.vendor != "postgresql":
        return list(ranked.filter(matches)[:count])
    records = list(ranked.filter(in_names)[:count])
    if len(records) < count:
        records += ranked.filter(matches & ~in_names)[: count - len(records)]
    return records


def _ranked(search_type, query, terms, spellings=None):
    """The type's queryset ranked best first, the condition that a
    record matches, and the condition that its names hold every term (as written or up to a
    typo), which ranks it above every record whose names do not."""
    queryset = search_type.queryset()
    model = queryset.model
    folded_query = Fold(Value(query))
    name = folded(model, search_type.name_fields)
    # Ties keep the type's own order (the model's, unless its queryset sets one).
    ordering = queryset.query.order_by or model._meta.ordering
    document_fields = [*search_type.name_fields, *search_type.text_fields]

    matches = matching_condition(model, document_fields, terms)
    names = [Fold(F(name_field)) for name_field in search_type.name_fields]
    # A name equal to the query, or one that starts with it, holds every word of it: only the
    # rows whose (stored) folded names hold them all fold each name to tell these apart.
    name_tier = Case(
        When(reduce(operator.or_, [Q(Exact(n, folded_query)) for n in names]), then=4),
        When(reduce(operator.or_, [Q(StartsWith(n, folded_query)) for n in names]), then=3),
        default=2,
    )
    in_names = contains_every_term(name, terms)
    tiers = [When(in_names, then=name_tier)]
    if spellings := {term: spellings[term] for term in terms if term in (spellings or {})}:
        # Every word in the name as written or as a near spelling of it.
        nearly = reduce(
            operator.and_,
            [
                reduce(
                    operator.or_,
                    [
                        contains_every_term(name, [word])
                        for word in [term, *spellings.get(term, [])]
                    ],
                )
                for term in terms
            ],
        )
        matches |= nearly
        tiers.append(When(nearly, then=1))
        in_names |= nearly
    queryset = queryset.alias(search_tier=Case(*tiers, default=0, output_field=IntegerField()))
    # On PostgreSQL, full-text search over the stored vector of the folded text. Every word is a
    # prefix, so "zelen" finds "zelena" (a word part is left to the substring match). Only
    # letters and digits make lexemes ("a:*|b" is the words a and b, "!!!" none).
    words = [word for term in terms for word in re.findall(r"\w+", term)]
    if connection.vendor == "postgresql" and search_type.stored_vector and words:
        full_text = SearchQuery(
            reduce(operator.and_, [Lexeme(word, prefix=True) for word in words]),
            config="simple",
        )
        matches |= Q(SearchVectorExact(stored_search_vector(search_type, model), full_text))
    return queryset.order_by("-search_tier", *ordering), matches, in_names


@dataclass(frozen=True)
class _KeptRecord:
    """What the search reads of a record of a type matched in memory: its texts folded as the
    database folds them (regionportal.base.text.folded)."""

    pk: int
    # Each name field on its own, then all of them joined, then every searched text joined.
    names: tuple
    name: str
    document: str
    # The document's words, for the full-text prefixes PostgreSQL's types match too.
    words: frozenset


# The kept records' key names their fields: what an older release kept (until the content next
# changes) is not read by code that expects another shape.
_KEPT_RECORDS_KEY = "search-records:" + ",".join(kept.name for kept in fields(_KeptRecord))


def _folded_join(record, field_names, extra=""):
    texts = ["" if (text := getattr(record, name)) is None else str(text) for name in field_names]
    return fold(" ".join([*texts, extra] if extra else texts))


def _kept_records():
    """Every record of each type matched in memory, folded, in the type's own order."""
    kept = {}
    for search_type in SEARCH_TYPES:
        if not search_type.in_memory:
            continue
        records = []
        for record in search_type.queryset():
            extra = search_type.extra_text(record) if search_type.extra_text else ""
            document = _folded_join(
                record, [*search_type.name_fields, *search_type.text_fields], extra
            )
            records.append(
                _KeptRecord(
                    pk=record.pk,
                    names=tuple(_folded_join(record, [name]) for name in search_type.name_fields),
                    name=_folded_join(record, search_type.name_fields),
                    document=document,
                    words=frozenset(re.findall(r"\w+", document)),
                )
            )
        kept[search_type.key] = records
    return kept


def _matching_in_memory(search_type, kept, query, terms, spellings):
    """The type's records that match, best first, at most HITS_PER_TYPE + 1: as _first_matching()
    finds and ranks them, read from its folded texts kept per content version (`kept`, its
    part of _kept_records()), and then only the records found from the database (no query
    when none is)."""
    folded_query = fold(query)
    words = (
        [word for term in terms for word in re.findall(r"\w+", term)]
        if connection.vendor == "postgresql"
        else []
    )
    spellings = spellings or {}
    found = []
    for position, record in enumerate(kept):
        if all(term in record.name for term in terms):
            if folded_query in record.names:
                tier = 4
            elif any(name.startswith(folded_query) for name in record.names):
                tier = 3
            else:
                tier = 2
        elif any(term in spellings for term in terms) and all(
            any(word in record.name for word in [term, *spellings.get(term, [])]) for term in terms
        ):
            tier = 1
        elif all(term in record.document for term in terms) or (
            words and all(any(known.startswith(word) for known in record.words) for word in words)
        ):
            tier = 0
        else:
            continue
        found.append((-tier, position, record.pk))
    found.sort()
    pks = [pk for _tier, _position, pk in found[: HITS_PER_TYPE + 1]]
    records = search_type.queryset().in_bulk(pks) if pks else {}
    # A record deleted since its text was kept is gone from the hits.
    return [records[pk] for pk in pks if pk in records]


def stored_search_vector(search_type, model):
    """The type's stored full-text vector (PostgreSQL's, projects migration 0011): a column the
    model does not declare (SQLite has none), read by its name; the search's query reads the
    table itself, unaliased."""
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(search_type.stored_vector)}"
    return RawSQL(column, [], output_field=SearchVectorField())  # noqa: S611 – no input


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """A short, HTML-safe piece of the text around the first word of the query found in it,
    with the query's words marked. The text as it is when shorter than `length`."""
    if not text:
        return ""
    # Fold character by character to map a position in the folded text back to the original.
    folded_chars = []
    origin = []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded_chars.append(folded_char)
            origin.append(index)
    folded = "".join(folded_chars)
    spans = []
    for term in terms:
        for found in re.finditer(re.escape(term), folded):
            spans.append((origin[found.start()], origin[found.end() - 1] + 1))
    spans.sort()

    start, end = 0, len(text)
    if len(text) > length:
        first = spans[0][0] if spans else 0
        start = max(0, first - length // 3)
        if start:
            # Begin at a word, not in the middle of one.
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end

    pieces = ["… "] if start else []
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # noqa: S308 – every piece of text is escaped above
