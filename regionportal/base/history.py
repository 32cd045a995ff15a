"""What changed between two versions of a record, as a person reads it: the one place that
compares django-reversion's versions (the admin's "Zadnje spremembe" page, each record's
history page and the public change log use it).

The API:

- `previous_versions(versions)`: for each version, the version of the same record just before
  it (by its revision's date, then by id), or None for a record's first version; two queries
  for any number of versions.
- `field_changes(version, previous)`: the list of `FieldChange`s from `previous` to `version`;
  with no `previous` (the record was added), the fields that the version sets.
- `describe(versions)`: a `VersionChanges` (the version, its previous version, its action and
  its changes) for each version, in a number of queries that does not grow with the versions:
  the previous versions, the admin's log entries that tell an addition from a change, then the
  names of the related records, one query per related model. The versions should come with
  their revisions (`select_related("revision")`).

A field is named by its verbose name in the active language; a translated field
(django-modeltranslation's `title_sl`, `title_en`) by the original field's name and its language,
"naslov (slovenščina)". Its untranslated original (`title`, which mirrors the default language)
is left out, and so are the fields that staff do not edit (the id, created/updated times).

A value reads as the admin shows it: a choice's label, a related record's name (its id, where
it has since been deleted), a list of names for a many-to-many field, Da/Ne, a date and an amount
of money in the active language's format, and "—" for an empty value. Values are whole: a page
shortens a long text itself and keeps the full text reachable.

Versions are read from their JSON, not through the model's deserialiser, so that a version
stored before the model changed still reads: a stored field that the model no longer has, or a
value its field cannot read, is skipped; a version whose data cannot be read at all (another
format, broken JSON, a model that is gone) has no changes. Nothing here raises on old data.
"""

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import formats
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

from .fields import MONEY
from .formatting import format_moment, format_money

EMPTY = "—"
ADDED = "added"
CHANGED = "changed"


@dataclass(frozen=True)
class FieldChange:
    """One field's change: its name (`field`), its label in the active language, and its old
    and new values as a person reads them (EMPTY for an empty value; `old` is EMPTY too for a
    record's first version)."""

    field: str
    label: str
    old: str
    new: str


@dataclass
class VersionChanges:
    """A version with the version before it and what changed between them."""

    version: Version
    previous: Version | None
    action: str  # ADDED or CHANGED
    changes: list[FieldChange] = field(default_factory=list)


def version_order(version):
    """The sort key that puts a record's versions in the order previous_versions() reads them:
    by the revision's date, then by the version's id (a restore or a loader run can make versions
    whose ids are not in date order across databases' clocks). The version needs its revision."""
    return (version.revision.date_created, version.pk)


def previous_versions(versions):
    """{version id: the version of the same record just before it, or None}, in two queries.

    "Before" is as version_order() sorts.
    """
    versions = list(versions)
    if not versions:
        return {}
    earlier = Version.objects.filter(
        content_type_id=OuterRef("content_type_id"),
        object_id=OuterRef("object_id"),
        db=OuterRef("db"),
    ).filter(
        Q(revision__date_created__lt=OuterRef("revision__date_created"))
        | Q(revision__date_created=OuterRef("revision__date_created"), pk__lt=OuterRef("pk"))
    )
    previous_ids = dict(
        Version.objects.filter(pk__in=[version.pk for version in versions])
        .annotate(
            previous_id=Subquery(
                earlier.order_by("-revision__date_created", "-pk").values("pk")[:1]
            )
        )
        .values_list("pk", "previous_id")
    )
    wanted = {pk for pk in previous_ids.values() if pk is not None}
    found = Version.objects.select_related("revision").in_bulk(wanted) if wanted else {}
    return {version.pk: found.get(previous_ids.get(version.pk)) for version in versions}


def field_changes(version, previous, *, names=None):
    """The changes from `previous` to `version` (both reversion Versions of one record), in the
    order of the model's fields; with `previous` None, the fields the version sets.

    `names` is a RelatedNames that has already looked up the related records' names (describe()
    passes one for a whole page); without it each related record is looked up here.
    """
    pairs = _changed_values(version, previous)
    if names is None:
        names = RelatedNames()
        names.want(pairs)
    return [
        FieldChange(
            field=model_field.name,
            label=field_label(model_field),
            old=EMPTY if previous is None else names.display(model_field, old),
            new=names.display(model_field, new),
        )
        for model_field, old, new in pairs
    ]


def describe(versions):
    """A VersionChanges for each version, in their order, in a constant number of queries.

    A version is an addition where the admin logged adding the record with it, or, with no
    such entry (a command saved it), where it is the record's first version. A record's first
    version that the admin logged as a change (a record made before its history was kept) has
    no earlier values to compare with: it lists no field changes.
    """
    versions = list(versions)
    previous = previous_versions(versions)
    logged = logged_actions(versions)
    result = []
    for version in versions:
        earlier = previous[version.pk]
        action = logged.get(version.pk) or (ADDED if earlier is None else CHANGED)
        result.append(VersionChanges(version=version, previous=earlier, action=action))
    names = RelatedNames()
    pairs = {}
    for item in result:
        if item.previous is not None or item.action == ADDED:
            pairs[item.version.pk] = _changed_values(item.version, item.previous)
            names.want(pairs[item.version.pk])
    for item in result:
        if item.version.pk in pairs:
            item.changes = field_changes(item.version, item.previous, names=names)
    return result


# How long before its revision the admin may log a save: the log entry is written while the
# request runs, the revision when it ends.
LOG_MATCH_WINDOW = datetime.timedelta(minutes=5)


def logged_actions(versions):
    """{version id: ADDED or CHANGED} for the versions that an admin log entry of the same
    record, by the same staff member, just before the revision was saved, tells apart; one
    query. Versions without such an entry (a command's) are not in it."""
    by_record = defaultdict(list)
    for version in versions:
        if version.revision.user_id is not None:
            by_record[version.content_type_id, str(version.object_id)].append(version)
    if not by_record:
        return {}
    wanted = Q()
    for content_type_id, object_id in by_record:
        wanted |= Q(content_type_id=content_type_id, object_id=object_id)
    times = [version.revision.date_created for group in by_record.values() for version in group]
    entries = LogEntry.objects.filter(
        wanted,
        action_flag__in=[ADDITION, CHANGE],
        action_time__gte=min(times) - LOG_MATCH_WINDOW,
        action_time__lte=max(times),
    ).order_by("action_time")
    actions = {}
    for entry in entries:
        for version in by_record.get((entry.content_type_id, str(entry.object_id)), []):
            revision = version.revision
            if entry.user_id == revision.user_id and (
                revision.date_created - LOG_MATCH_WINDOW
                <= entry.action_time
                <= revision.date_created
            ):
                # The latest entry before the revision wins (entries come oldest first).
                actions[version.pk] = ADDED if entry.action_flag == ADDITION else CHANGED
    return actions


def field_label(model_field):
    """The field's name in the active language: "naslov (slovenščina)" for `title_sl`."""
    if isinstance(model_field, TranslationField):
        language = dict(settings.LANGUAGES).get(model_field.language, model_field.language)
        return f"{model_field.translated_field.verbose_name} ({language})"
    return str(model_field.verbose_name)


# Reading a version ---------------------------------------------------------------------------


def stored_values(version):
    """{model field: its value read by the field} of the version, in the model's field order,
    with the fields staff do not edit left out; None if the version cannot be read."""
    model = ContentType.objects.get_for_id(version.content_type_id).model_class()
    if model is None or version.format != "json":
        return None
    try:
        stored = json.loads(version.serialized_data)[0]["fields"]
    except (ValueError, TypeError, LookupError):
        return None
    if not isinstance(stored, dict):
        return None
    values = {}
    for model_field in _compared_fields(model):
        if model_field.name not in stored:
            continue
        try:
            values[model_field] = _read(model_field, stored[model_field.name])
        except (ValidationError, ValueError, TypeError):
            continue  # a value this field can no longer read
    return values


def _compared_fields(model):
    untranslated = _translated_originals(model)
    return [
        model_field
        for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        # Not the times Django stamps (created, updated); but the publication state, which
        # only the workflow sets, is a change staff want to see.
        if (model_field.editable or model_field.choices)
        and not model_field.primary_key
        and model_field.name not in untranslated
    ]


def _translated_originals(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _read(model_field, value):
    if value is None:
        return None
    if model_field.many_to_many:
        if not isinstance(value, list):
            raise ValidationError("Not a list of related records.")
        return tuple(sorted(_related_pk(model_field, item) for item in value))
    if model_field.is_relation:
        return _related_pk(model_field, value)
    return model_field.to_python(value)


def _related_pk(model_field, value):
    # A natural key (a list) cannot be looked up by id; it is shown as it is stored.
    if isinstance(value, list):
        return tuple(value)
    return model_field.related_model._meta.pk.to_python(value)


def _changed_values(version, previous):
    """[(model field, old value, new value)] of the fields that differ (all the fields the
    version sets, with no previous version); [] for a version that cannot be read."""
    new_values = stored_values(version)
    if new_values is None:
        return []
    if previous is None:
        return [(f, None, value) for f, value in new_values.items() if not _is_empty(value)]
    old_values = stored_values(previous)
    if old_values is None:
        return []
    return [
        (f, old_values.get(f), value)
        for f, value in new_values.items()
        if f in old_values and _comparable(old_values[f]) != _comparable(value)
    ]


def _is_empty(value):
    return value is None or value == "" or value == ()


def _comparable(value):
    return None if _is_empty(value) else value


# Showing a value -----------------------------------------------------------------------------


class RelatedNames:
    """The names of the related records that changes refer to: want() every change first, then
    display() looks them up, one query per related model."""

    def __init__(self):
        self._wanted = defaultdict(set)
        self._names = None

    def want(self, pairs):
        """Notes the related records named by [(model field, old, new)]."""
        for model_field, old, new in pairs:
            if not model_field.is_relation:
                continue
            for value in (old, new):
                for pk in value if model_field.many_to_many and value else [value]:
                    if pk is not None and not isinstance(pk, tuple):
                        self._wanted[model_field.related_model].add(pk)

    def _name(self, model, pk):
        if self._names is None:
            self._names = {}
            for related_model, pks in self._wanted.items():
                for record in related_model._base_manager.filter(pk__in=pks):
                    self._names[related_model, record.pk] = str(record)
        if isinstance(pk, tuple):
            return ", ".join(map(str, pk))
        name = self._names.get((model, pk))
        if name is None:
            return _("deleted record (id %(id)s)") % {"id": pk}
        return name

    def display(self, model_field, value):
        """The value of the field as a person reads it."""
        if _is_empty(value):
            return EMPTY
        if model_field.many_to_many:
            return ", ".join(sorted(self._name(model_field.related_model, pk) for pk in value))
        if model_field.is_relation:
            return self._name(model_field.related_model, value)
        return display_value(model_field, value)


def display_value(model_field, value):
    """A value of a field that is not a relation, as a person reads it."""
    if _is_empty(value):
        return EMPTY
    if model_field.flatchoices:
        labels = {str(key): label for key, label in model_field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return format_moment(value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, Decimal):
        if _is_money(model_field):
            return format_money(value)
        return formats.number_format(value, use_l10n=True)
    if isinstance(value, int | float):
        return formats.number_format(value, use_l10n=True)
    return str(value)


def _is_money(model_field):
    return (
        isinstance(model_field, models.DecimalField)
        and all(validator in model_field.validators for validator in MONEY["validators"])
        and model_field.decimal_places == MONEY["decimal_places"]
    )
