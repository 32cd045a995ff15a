"""The public change log (/sl/changes/, /en/changes/ and its Atom feed): what changed that matters
to the public, newest first.

What it lists, for the records in RECORDS (projects and the agreement's projects):

- a publication, dated by the moment the public could first see the record (its publish-at when
  it was embargoed), and only from that moment on;
- a withdrawal from publication (of a record the public had seen);
- a change of an announced field (a project's status, its total budget), old → new as the
  admin's history reads them (regionportal.base.history), in the active language;
- an item added to or removed from the record with one save (ITEMS: a project's partners, its
  sources, its documents).

Nothing about a record that is not public now appears, except its withdrawals; and a change
appears only where the public saw the record both just before and just after it, so that what
staff did while a record was a draft, in review or embargoed never shows.

Where it comes from: it is derived when it is read, from django-reversion's versions and the
workflow's StateChange rows, not stored. Every write path (an admin edit with its inlines, a
workflow step, a restore from the history, load_content) already saves one revision with a
version of the record and of every record it follows (its partnerships, its sources), so reading
them is exact for all of them without any write path having to remember to write an entry, and
without business logic in a signal. A publication comes from its StateChange (content loaded
from files is not "published" by anyone); when the public first saw it, from the versions that
follow it (their state and publish-at). The page takes a constant number of queries however
long the history is; the work in Python grows with the number of versions of these few models.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext, pgettext_lazy
from reversion.models import Version

from funding.models import AgreementProject
from projects.models import Partnership, Project, ProjectDocument, ProjectLink
from regionportal.base import history
from regionportal.base.models import StateChange

State = StateChange.State

PUBLISHED = "published"
WITHDRAWN = "withdrawn"
FIELD_CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"


@dataclass(frozen=True)
class RecordKind:
    """A kind of public record that the log follows: how it is named, where its public page is,
    and the fields whose changes it announces, each with its wording ("Status: A → B")."""

    model: type
    name: Callable
    url: Callable
    fields: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ItemKind:
    """Records saved with their owner (an admin inline) whose arrival or departure the log
    announces: `owner` is the foreign key to the record, `key` the field that tells one item
    from another (an organisation is one partner however often its partnership is re-entered),
    or None for the item itself."""

    model: type
    owner: str
    key: str | None
    announce_removed: bool
    # The translated field that names an item without a key (its `<label>_sl`, `<label>_en`).
    label: str = "label"

    def added_text(self, name):
        if self.model is Partnership:
            return pgettext("public change", "Partner added: %(name)s") % {"name": name}
        if self.model is ProjectDocument:
            return pgettext("public change", "Document added: %(name)s") % {"name": name}
        return pgettext("public change", "Source added: %(name)s") % {"name": name}

    def removed_text(self, name):
        return pgettext("public change", "Partner removed: %(name)s") % {"name": name}


RECORDS = [
    RecordKind(
        Project,
        name=attrgetter("headline"),
        url=Project.get_absolute_url,
        fields={
            "status": pgettext_lazy("public change", "Status: %(old)s → %(new)s"),
            "total_budget": pgettext_lazy("public change", "Total budget: %(old)s → %(new)s"),
        },
    ),
    RecordKind(
        AgreementProject,
        name=attrgetter("title"),
        # The agreement's projects are listed on the agreement's page: none has its own.
        url=lambda record: reverse("funding:agreement"),
    ),
]
ITEMS = [
    ItemKind(Partnership, owner="project", key="organisation", announce_removed=True),
    ItemKind(ProjectLink, owner="project", key=None, announce_removed=False),
    ItemKind(ProjectDocument, owner="project", key=None, announce_removed=False, label="title"),
]


@dataclass
class Entry:
    """One line of the log: when, about which record (its name, and its public page's address
    while it has one), what happened in words, and an id that stays the same for the same change
    (the feed's entry id and the page's anchor)."""

    time: datetime.datetime
    key: str
    record_name: str
    record_kind: str
    url: str | None
    text: str

    @property
    def anchor(self):
        return f"change-{self.key}"


@dataclass
class _Step:
    """A version of a record as the log reads it: from when it held, and whether it was public."""

    version: Version
    start: datetime.datetime
    state: str | None
    publish_at: datetime.datetime | None

    def public_at(self, moment):
        return self.state == State.PUBLISHED and (
            self.publish_at is None or self.publish_at <= moment
        )


def entries():
    """Every entry of the log in the active language, newest first, in a constant number of
    queries: the records' versions, their items' versions, the publication steps, the records
    as they are now (one query per kind) and the names of the related records."""
    now = timezone.now()
    kinds = {ContentType.objects.get_for_model(kind.model).pk: kind for kind in RECORDS}
    item_kinds = {ContentType.objects.get_for_model(kind.model).pk: kind for kind in ITEMS}
    versions = list(
        Version.objects.filter(content_type_id__in=kinds)
        .select_related("revision")
        .only(*VERSION_FIELDS, "revision__date_created")
    )
    steps = list(
        StateChange.objects.filter(
            content_type_id__in=kinds, to_state__in=[State.PUBLISHED, State.WITHDRAWN]
        ).only("pk", "content_type_id", "object_id", "to_state", "at")
    )
    wanted = {}
    for version in versions:
        wanted.setdefault(version.content_type_id, set()).add(version.object_id)
    current = {}
    for content_type_id, object_ids in wanted.items():
        model = kinds[content_type_id].model
        pks = [int(pk) for pk in object_ids if pk.isdigit()]
        for record in model._default_manager.filter(pk__in=pks):
            current[content_type_id, str(record.pk)] = record

    chains = {}
    for version in sorted(versions, key=history.version_order):
        if (version.content_type_id, version.object_id) in current:
            chains.setdefault((version.content_type_id, version.object_id), []).append(
                _step(version)
            )
    for key, chain in chains.items():
        # The version in force now holds as the record stands now: a write that reversion did
        # not see (a bulk update of the publish-at) is what the public sees all the same.
        chain[-1].state, chain[-1].publish_at = current[key].state, current[key].publish_at
    items = _items_by_revision(item_kinds, {version.revision_id for version in versions})
    names = history.RelatedNames()
    for kind_items in items.values():
        for item_kind, key, _value in kind_items:
            if item_kind.key:
                names.want([(item_kind.model._meta.get_field(item_kind.key), None, key)])

    result = []
    steps_by_record = {}
    for step in steps:
        steps_by_record.setdefault((step.content_type_id, str(step.object_id)), []).append(step)
    for (content_type_id, object_id), chain in chains.items():
        kind = kinds[content_type_id]
        record = current[content_type_id, object_id]
        record_steps = steps_by_record.get((content_type_id, object_id), [])
        about = {
            "record_name": str(kind.name(record)),
            "record_kind": str(kind.model._meta.verbose_name),
            "url": kind.url(record) if record.is_public else None,
        }
        prefix = f"{kind.model._meta.model_name}-{object_id}"
        for step in record_steps:
            if step.to_state == State.WITHDRAWN and _was_public_before(chain, step.at):
                result.append(
                    Entry(
                        time=step.at,
                        key=f"{prefix}-withdrawn-{step.pk}",
                        text=pgettext("public change", "Withdrawn from publication"),
                        **about,
                    )
                )
        if not record.is_public:
            continue  # only its withdrawals
        for step in record_steps:
            if step.to_state == State.PUBLISHED:
                seen = _first_public_moment(chain, step.at, now)
                if seen is not None:
                    result.append(
                        Entry(
                            time=seen,
                            key=f"{prefix}-published-{step.pk}",
                            text=pgettext("public change", "Published"),
                            **about,
                        )
                    )
        for previous, step in pairwise(chain):
            if not (previous.public_at(step.start) and step.public_at(step.start)):
                continue
            version = step.version
            for change in history.field_changes(version, previous.version, names=names):
                if change.field in kind.fields:
                    result.append(
                        Entry(
                            time=step.start,
                            key=f"{prefix}-{change.field}-{version.pk}",
                            text=kind.fields[change.field] % {"old": change.old, "new": change.new},
                            **about,
                        )
                    )
            result.extend(
                _item_entries(
                    items.get(version.revision_id, []),
                    items.get(previous.version.revision_id, []),
                    owner=int(object_id),
                    time=step.start,
                    prefix=f"{prefix}-{version.pk}",
                    names=names,
                    about=about,
                )
            )
    result.sort(key=lambda entry: (entry.time, entry.key), reverse=True)
    return result


VERSION_FIELDS = ("pk", "content_type_id", "object_id", "db", "format", "serialized_data")


def _values_by_name(version):
    """{field name: value} of a version as history reads it ({} where it cannot be read)."""
    return {
        model_field.name: value
        for model_field, value in (history.stored_values(version) or {}).items()
    }


def _step(version):
    values = _values_by_name(version)
    return _Step(
        version=version,
        start=version.revision.date_created,
        state=values.get("state"),
        publish_at=values.get("publish_at"),
    )


def _was_public_before(chain, moment):
    """Whether the public saw the record just before the version in force at `moment` replaced
    the one before it (the version a withdrawal saved, and the one it replaced)."""
    index = _index_at(chain, moment)
    return index is not None and index > 0 and chain[index - 1].public_at(chain[index].start)


def _first_public_moment(chain, since, now):
    """The first moment from `since` (a publication step) on at which the public saw the record,
    while it stayed published; None if that has not happened by `now`."""
    index = _index_at(chain, since)
    if index is None:
        return None
    for position in range(index, len(chain)):
        step = chain[position]
        if step.state != State.PUBLISHED:
            return None
        start = max(step.start, since)
        moment = max(start, step.publish_at) if step.publish_at else start
        end = chain[position + 1].start if position + 1 < len(chain) else now
        if moment < end or (position + 1 == len(chain) and moment <= now):
            return moment
    return None


def _index_at(chain, moment):
    """The position of the version in force at `moment`, None before the first."""
    found = None
    for position, step in enumerate(chain):
        if step.start <= moment:
            found = position
        else:
            break
    return found


def _items_by_revision(item_kinds, revision_ids):
    """{revision id: [(item kind, key, stored values)]} of the items that the revisions saved."""
    result = {}
    item_versions = Version.objects.filter(
        content_type_id__in=item_kinds, revision_id__in=revision_ids
    ).only(*VERSION_FIELDS, "revision_id")
    for version in item_versions:
        kind = item_kinds[version.content_type_id]
        values = {
            field.name: value for field, value in (history.stored_values(version) or {}).items()
        }
        key = values.get(kind.key) if kind.key else version.object_id
        if key is not None and values.get(kind.owner) is not None:
            result.setdefault(version.revision_id, []).append((kind, key, values))
    return result


def _item_entries(items, earlier_items, *, owner, time, prefix, names, about):
    def keyed(revision_items):
        return {
            (kind.model, key): (kind, values)
            for kind, key, values in revision_items
            if values.get(kind.owner) == owner
        }

    now_items, before = keyed(items), keyed(earlier_items)
    for model_key in sorted(set(now_items) - set(before), key=str):
        kind, values = now_items[model_key]
        yield Entry(
            time=time,
            key=f"{prefix}-{kind.model._meta.model_name}-{model_key[1]}-added",
            text=kind.added_text(_item_name(kind, model_key[1], values, names)),
            **about,
        )
    for model_key in sorted(set(before) - set(now_items), key=str):
        kind, values = before[model_key]
        if kind.announce_removed:
            yield Entry(
                time=time,
                key=f"{prefix}-{kind.model._meta.model_name}-{model_key[1]}-removed",
                text=kind.removed_text(_item_name(kind, model_key[1], values, names)),
                **about,
            )


def _item_name(kind, key, values, names):
    """An item's public name: its related record's (a partner's organisation), else its label in
    the active language, the Slovenian one where it has no other."""
    if kind.key:
        return names.display(kind.model._meta.get_field(kind.key), key)
    return values.get(f"{kind.label}_{get_language()}") or values.get(f"{kind.label}_sl") or ""
