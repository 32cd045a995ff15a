"""The admin's "Zadnje spremembe" (/admin/changes/): every change that staff or a command made to
any record, newest first, with what changed in each field (regionportal.base.history).

What it lists, and where each part comes from:

- A revision of django-reversion is one save (a record with its inlines, or a run of
  load_content): its time, its staff member (none for a command: "sistem"), its comment, and a
  version of each record it saved. A version is an addition ("dodano") when it is the record's
  first version and a change ("spremenjeno") otherwise, with the fields that differ from the
  record's version before it.
- Reversion keeps no version of a deletion. A deletion ("izbrisano") is Django's admin log entry
  of it (LogEntry with DELETION), which names the record, the staff member and the time; the
  records deleted with it (a project's partnerships) have no entry of their own. Additions and
  changes come from the versions alone, so that a command's changes, which the admin log does
  not see, are listed too.

Revisions and deletions are listed together by time (a UNION of the two, paged in the
database), 50 a page. A revision shows at most MAX_RECORDS of its records (a run of
load_content saves hundreds) and says how many more; the CSV has all of them.
"""

import contextlib
import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Value
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from reversion import get_registered_models
from reversion.models import Revision, Version

from . import exporting, history

PER_PAGE = 50
MAX_RECORDS = 20
# Revisions read at a time for the CSV, each batch with its own few queries.
EXPORT_BATCH = 100

REVISION, DELETION_ENTRY = 0, 1

ACTION_LABELS = {
    history.ADDED: pgettext_lazy("change action", "added"),
    history.CHANGED: pgettext_lazy("change action", "changed"),
    "deleted": pgettext_lazy("change action", "deleted"),
}

DATE_RANGES = {
    "today": pgettext_lazy("date range", "Today"),
    "week": pgettext_lazy("date range", "Past 7 days"),
    "month": pgettext_lazy("date range", "This month"),
    "year": pgettext_lazy("date range", "This year"),
}


def may_see_changes(user):
    """Superusers and staff allowed to view reversion's revisions (both staff groups)."""
    return user.is_active and user.is_staff and user.has_perm("reversion.view_revision")


def staff_name(user):
    """A staff member as the page names them: their full name, else their username; "sistem"
    for a change that no one logged in made (a command)."""
    if user is None:
        return pgettext("changes by", "system")
    return user.get_full_name() or user.get_username()


def versioned_content_types():
    """The content types of the models reversion keeps, by their verbose name in the active
    language."""
    types = ContentType.objects.get_for_models(*get_registered_models()).values()
    return sorted(types, key=lambda ct: str(ct.model_class()._meta.verbose_name).casefold())


class ChangesFilterForm(forms.Form):
    """The page's filters; a value that is not valid is left out, with a message."""

    user = forms.TypedChoiceField(label=gettext_lazy("Staff member"), required=False, coerce=int)
    ct = forms.TypedChoiceField(label=gettext_lazy("Kind of record"), required=False, coerce=int)
    date = forms.ChoiceField(label=gettext_lazy("Period"), required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data, *, users, content_types):
        super().__init__(data)
        everyone = [("", pgettext_lazy("filter", "All"))]
        self.fields["user"].choices = everyone + [(user.pk, staff_name(user)) for user in users]
        self.fields["ct"].choices = everyone + [
            (ct.pk, str(ct.model_class()._meta.verbose_name)) for ct in content_types
        ]
        self.fields["date"].choices = everyone + list(DATE_RANGES.items())

    def clean_date_from(self):
        return _in_calendar(self.cleaned_data["date_from"])

    def clean_date_to(self):
        return _in_calendar(self.cleaned_data["date_to"])

    def valid_filters(self):
        """The filters whose values are valid: {name: value} (empty values left out)."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }


def _in_calendar(value):
    # The first and last years of the calendar are out: a range ends at the next day, and a
    # time zone can shift the first moment of a day into the day before.
    if value is not None and not datetime.MINYEAR < value.year < datetime.MAXYEAR:
        raise forms.ValidationError(_("Enter a date between the years 2 and 9998."))
    return value


def _period_start(name):
    today = timezone.localdate()
    return {
        "today": today,
        "week": today - datetime.timedelta(days=6),
        "month": today.replace(day=1),
        "year": today.replace(month=1, day=1),
    }[name]


def filtered(filters):
    """(revisions, deletion log entries) that the filters let through."""
    revisions = Revision.objects.all()
    deletions = LogEntry.objects.filter(action_flag=DELETION)
    if "user" in filters:
        revisions = revisions.filter(user_id=filters["user"])
        deletions = deletions.filter(user_id=filters["user"])
    if "ct" in filters:
        revisions = revisions.filter(
            Exists(Version.objects.filter(revision=OuterRef("pk"), content_type_id=filters["ct"]))
        )
        deletions = deletions.filter(content_type_id=filters["ct"])
    start = _period_start(filters["date"]) if "date" in filters else None
    if "date_from" in filters:
        start = max(start or filters["date_from"], filters["date_from"])
    if start is not None:
        revisions = revisions.filter(date_created__gte=_midnight(start))
        deletions = deletions.filter(action_time__gte=_midnight(start))
    if "date_to" in filters:
        end = _midnight(filters["date_to"] + datetime.timedelta(days=1))
        revisions = revisions.filter(date_created__lt=end)
        deletions = deletions.filter(action_time__lt=end)
    return revisions, deletions


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def entries(revisions, deletions):
    """Revisions and deletions together, newest first, as (kind, id, time) rows."""
    shape = {"entry_id": F("pk")}
    return (
        revisions.order_by()
        .annotate(
            entry_kind=Value(REVISION, output_field=IntegerField()),
            entry_time=F("date_created"),
            **shape,
        )
        .values_list("entry_kind", "entry_id", "entry_time")
        .union(
            deletions.order_by()
            .annotate(
                entry_kind=Value(DELETION_ENTRY, output_field=IntegerField()),
                entry_time=F("action_time"),
                **shape,
            )
            .values_list("entry_kind", "entry_id", "entry_time"),
            all=True,
        )
        .order_by("-entry_time", "-entry_kind", "-entry_id")
    )


class Entry:
    """One row of the page: a revision with its records' changes, or a deletion."""

    def __init__(self, *, time, user, comment, records, more_records=0, deleted=False):
        self.time = time
        self.user = user
        self.who = staff_name(user)
        self.comment = comment
        self.records = records
        self.more_records = more_records
        self.deleted = deleted


class Record:
    """A record that an entry saved or deleted: its name, kind, action and changes, and where
    its admin page is (its recover list, once it has been deleted)."""

    def __init__(self, *, name, content_type, object_id, action, changes, exists, site_name):
        self.name = name
        self.model = content_type.model_class()
        self.kind = str(self.model._meta.verbose_name) if self.model else content_type.model
        self.action = action
        self.action_label = ACTION_LABELS[action]
        self.added = action == history.ADDED
        self.changes = changes
        self.exists = exists
        self.url = None
        if self.model is not None:
            opts = self.model._meta
            view, args = ("change", [quote(object_id)]) if exists else ("recoverlist", [])
            try:
                self.url = reverse(
                    f"{site_name}:{opts.app_label}_{opts.model_name}_{view}", args=args
                )
            except NoReverseMatch:
                self.url = None  # an inline's model has no admin page of its own


def build_entries(rows, *, content_type_id=None, site_name="admin", max_records=MAX_RECORDS):
    """The Entries of (kind, id, time) rows, in a number of queries that does not grow with the
    rows: the revisions, their versions (at most max_records each, of the content type only if
    one is given), the versions before those, the related records' names, which records still
    exist, and the deletions."""
    revision_ids = [pk for kind, pk, _time in rows if kind == REVISION]
    deletion_ids = [pk for kind, pk, _time in rows if kind == DELETION_ENTRY]
    kind_filter = Q() if content_type_id is None else Q(content_type_id=content_type_id)
    record_filter = None if content_type_id is None else Q(version__content_type_id=content_type_id)
    revisions = (
        Revision.objects.select_related("user")
        .annotate(record_count=Count("version", filter=record_filter))
        .in_bulk(revision_ids)
    )
    versions = Version.objects.filter(kind_filter, revision_id__in=revision_ids)
    if max_records is not None:
        versions = versions.annotate(
            number=Window(RowNumber(), partition_by=F("revision_id"), order_by=F("pk").asc())
        ).filter(number__lte=max_records)
    versions = list(versions.select_related("revision").order_by("revision_id", "pk"))
    described = history.describe(versions)
    existing = _existing(
        [(version.content_type_id, version.object_id) for version in versions]
        + [
            (entry.content_type_id, entry.object_id)
            for entry in LogEntry.objects.filter(pk__in=deletion_ids)
        ]
    )
    by_revision = {}
    for item in described:
        version = item.version
        by_revision.setdefault(version.revision_id, []).append(
            Record(
                name=version.object_repr,
                content_type=ContentType.objects.get_for_id(version.content_type_id),
                object_id=version.object_id,
                action=item.action,
                changes=item.changes,
                exists=(version.content_type_id, version.object_id) in existing,
                site_name=site_name,
            )
        )
    deletions = LogEntry.objects.select_related("user").in_bulk(deletion_ids)
    result = []
    for kind, pk, _time in rows:
        if kind == REVISION and pk in revisions:
            revision = revisions[pk]
            records = by_revision.get(pk, [])
            result.append(
                Entry(
                    time=revision.date_created,
                    user=revision.user,
                    comment=revision.get_comment(),
                    records=records,
                    more_records=max(revision.record_count - len(records), 0),
                )
            )
        elif kind == DELETION_ENTRY and pk in deletions:
            log_entry = deletions[pk]
            deleted = Record(
                name=log_entry.object_repr,
                content_type=ContentType.objects.get_for_id(log_entry.content_type_id),
                object_id=log_entry.object_id,
                action="deleted",
                changes=[],
                exists=(log_entry.content_type_id, log_entry.object_id) in existing,
                site_name=site_name,
            )
            result.append(
                Entry(
                    time=log_entry.action_time,
                    user=log_entry.user,
                    comment=log_entry.get_change_message(),
                    records=[deleted],
                    deleted=True,
                )
            )
    return result


def _existing(references):
    """The (content type id, object id) of the references whose record still exists: one query
    per model."""
    wanted = {}
    for content_type_id, object_id in references:
        if content_type_id is not None and object_id is not None:
            wanted.setdefault(content_type_id, set()).add(str(object_id))
    existing = set()
    for content_type_id, object_ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        pks = set()
        for object_id in object_ids:
            with contextlib.suppress(ValidationError):  # an id this model cannot hold
                pks.add(model._meta.pk.to_python(object_id))
        for pk in model._base_manager.filter(pk__in=pks).values_list("pk", flat=True):
            existing.add((content_type_id, str(pk)))
    return existing


def _page_number(value):
    """The page asked for, or None where the value names no page."""
    if value is None:
        return 1
    if value.isascii() and value.isdigit() and 0 < len(value) <= 9:
        return int(value)
    return None


def changes_view(request, admin_site):
    """The page, or its CSV with ?format=csv."""
    if not may_see_changes(request.user):
        raise PermissionDenied
    users = (
        get_user_model()
        .objects.filter(
            Q(Exists(Revision.objects.filter(user=OuterRef("pk"))))
            | Q(Exists(LogEntry.objects.filter(user=OuterRef("pk"), action_flag=DELETION)))
        )
        .order_by("first_name", "last_name", "username")
    )
    content_types = versioned_content_types()
    form = ChangesFilterForm(request.GET, users=users, content_types=content_types)
    filters = form.valid_filters()
    if form.errors:
        messages.warning(
            request,
            _("Some filters could not be used and are left out: %(filters)s.")
            % {"filters": ", ".join(str(form.fields[name].label) for name in form.errors)},
        )
    revisions, deletions = filtered(filters)
    if request.GET.get("format") == "csv":
        return exporting.export_rows_response(
            request,
            ChangesExport(),
            export_rows(entries(revisions, deletions), filters.get("ct"), admin_site.name),
            "csv",
        )
    paginator = Paginator(entries(revisions, deletions), PER_PAGE)
    number = _page_number(request.GET.get("page"))
    if number is None or number > max(paginator.num_pages, 1):
        messages.info(request, _("There is no such page; this is the first."))
        number = 1
    page = paginator.page(number) if paginator.count else None
    context = {
        **admin_site.each_context(request),
        "title": _("Recent changes"),
        "form": form,
        "page": page,
        "paginator": paginator,
        "entries": build_entries(
            list(page) if page else [],
            content_type_id=filters.get("ct"),
            site_name=admin_site.name,
        ),
        "filtered": bool(filters),
    }
    request.current_app = admin_site.name
    return TemplateResponse(request, "admin/changes.html", context)


# CSV -----------------------------------------------------------------------------------------


class ChangeRow:
    """One row of the CSV: a field's change, or an addition or deletion of a record."""

    def __init__(self, entry, record, change=None):
        self.time = timezone.localtime(entry.time)
        self.who = entry.who
        self.comment = entry.comment
        self.kind = record.kind
        self.record = record.name
        self.action = str(record.action_label)
        self.field = change.label if change else ""
        self.old = change.old if change and record.action != history.ADDED else ""
        self.new = change.new if change else ""


def export_rows(all_entries, content_type_id, site_name):
    """The CSV's rows for every entry, newest first: a row per field change (an addition's
    fields each have one too), one row for a deletion or a change with no field to show.
    Entries are read EXPORT_BATCH at a time."""
    queryset = all_entries
    start = 0
    while batch := list(queryset[start : start + EXPORT_BATCH]):
        start += EXPORT_BATCH
        for entry in build_entries(
            batch, content_type_id=content_type_id, site_name=site_name, max_records=None
        ):
            for record in entry.records:
                if not record.changes:
                    yield ChangeRow(entry, record)
                for change in record.changes:
                    yield ChangeRow(entry, record, change)


class ChangesExport(exporting.Export):
    file_names = {"sl": "zadnje-spremembe", "en": "recent-changes"}
    title = gettext_lazy("Recent changes")
    columns = [
        exporting.Column(
            "time", gettext_lazy("Time"), lambda row: row.time.strftime("%Y-%m-%d %H:%M:%S")
        ),
        exporting.Column("user", gettext_lazy("Staff member"), "who"),
        exporting.Column("kind", gettext_lazy("Kind of record"), "kind"),
        exporting.Column("record", gettext_lazy("Record"), "record"),
        exporting.Column("action", gettext_lazy("Action"), "action"),
        exporting.Column("field", gettext_lazy("Field"), "field"),
        exporting.Column("old", gettext_lazy("Old value"), "old"),
        exporting.Column("new", gettext_lazy("New value"), "new"),
        exporting.Column("comment", gettext_lazy("Comment"), "comment"),
    ]
