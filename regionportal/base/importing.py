"""Spreadsheet imports in the admin (django-import-export), the same for every model that has one.

An app's resources.py says which columns a file has (a PortalResource); its admin adds
PortalImportMixin. What every import does:

- The file is checked before any row is read: at most MAX_IMPORT_BYTES (refused by its size,
  before it is parsed), a real XLSX (a zip with a workbook) or UTF-8 CSV, at most
  MAX_IMPORT_ROWS rows, no formula in any cell, only the resource's columns and every one it
  needs. A refused file saves nothing and says why.
- A file of at most REQUEST_ROWS rows is checked and imported within the request; a larger one
  by a background task (regionportal.base.import_jobs), whose page shows its progress and then
  the same report and the same "Potrdi".
- The dry run shows every row as new, changed (each changed column, old → new), unchanged or an
  error (row, column and message in the staff's language).
- "Potrdi" imports every row in one transaction, or none if any row fails. The import is one
  reversion revision ("Uvoz datoteke …") with an ImportLog; undo_import() reverts it.
- Codes and labels are both read (a country's code or its name in either language, a choice's
  code or label, a related record by code or name), blind to case and to č/š/ž (text.fold).
- Amounts are plain numbers or unambiguous Slovenian or English forms ("1.234,56",
  "1,234.56", "1234.56"); "1,234", "1.234" and "€5" are refused with a message saying how to
  write them.
"""

import io
import itertools
import re
import zipfile
from decimal import Decimal, InvalidOperation

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django_countries import countries
from import_export import resources, widgets
from import_export.formats.base_formats import CSV, XLSX
from import_export.instance_loaders import CachedInstanceLoader
from import_export.results import RowResult
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from reversion.models import Version

from .models import ImportLog
from .text import fold

# A file of the most rows below is well under this (10,000 rows are about 1.5 MB as XLSX);
# anything larger is refused by its size before a byte of it is parsed.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
# The most rows one request checks and imports: each row is validated and saved with its
# revision data, at about 18 ms a row for the check and the import together (10,000 rows took
# 3 minutes here, 4 on PostgreSQL), and a request must end well within gunicorn's 30-second
# timeout. A larger file is checked and imported by a background task, with its progress shown.
REQUEST_ROWS = 1_000
# The most rows one file may have (an import of this size takes about 6 minutes in the
# background); a larger file is refused with a message that says how to split it.
MAX_IMPORT_ROWS = 20_000
# A background check reads this many rows per transaction, so that it records its progress and
# never holds the database (SQLite's single writer) for long.
CHECK_CHUNK_ROWS = 250
# How a list (municipalities, pillars) is written in one cell, as the exports write it.
LIST_SEPARATOR = ";"
_ZIP_SIGNATURE = b"PK\x03\x04"


class ImportFileError(Exception):
    """A file that is refused as a whole; its message says why, in the staff's language."""


def _refuse_formulas(rows):
    """Raise ImportFileError at the first cell that holds a formula ("=…")."""
    for row_number, row in enumerate(rows, start=1):
        for column_number, value in enumerate(row, start=1):
            if isinstance(value, str) and value.lstrip().startswith("="):
                raise ImportFileError(
                    gettext(
                        "Row %(row)s, column %(column)s holds a formula (%(value)s). The "
                        "import reads values only: copy the cells and paste them as values."
                    )
                    % {"row": row_number, "column": column_number, "value": value[:40]}
                )


def _check_row_count(count):
    if count > MAX_IMPORT_ROWS:
        raise ImportFileError(
            gettext(
                "The file has %(count)s rows; one import takes at most %(max)s. Split it into "
                "files of at most %(max)s rows, each with the header row, and import them one "
                "after the other."
            )
            % {
                "count": f"{count:,}".replace(",", "."),
                "max": f"{MAX_IMPORT_ROWS:,}".replace(",", "."),
            }
        )


class PortalXLSX(XLSX):
    """XLSX read from the first sheet, with its formulas as written (not their cached values),
    so that a formula is refused rather than imported as whatever it last showed."""

    def create_dataset(self, in_stream):
        if not in_stream.startswith(_ZIP_SIGNATURE):
            raise ImportFileError(gettext("The file is not an XLSX spreadsheet."))
        try:
            book = load_workbook(io.BytesIO(in_stream), read_only=True, data_only=False)
            sheet = book.worksheets[0]
            if sheet.max_row and sheet.max_row - 1 > MAX_IMPORT_ROWS:
                _check_row_count(sheet.max_row - 1)
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        except ImportFileError:
            raise
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError, TypeError) as error:
            raise ImportFileError(gettext("The file is not an XLSX spreadsheet.")) from error
        return _dataset(rows)


class PortalCSV(CSV):
    """CSV in UTF-8 (with or without a byte-order mark), comma-separated as the exports write."""

    def create_dataset(self, in_stream):
        if isinstance(in_stream, bytes):
            try:
                in_stream = in_stream.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise ImportFileError(
                    gettext("The file is not a CSV file in UTF-8: save it as “CSV UTF-8”.")
                ) from error
        in_stream = in_stream.removeprefix("\ufeff")
        if "\x00" in in_stream:
            raise ImportFileError(
                gettext("The file is not a CSV file in UTF-8: save it as “CSV UTF-8”.")
            )
        import csv

        try:
            rows = list(csv.reader(io.StringIO(in_stream)))
        except csv.Error as error:
            raise ImportFileError(gettext("The file could not be read as CSV.")) from error
        return _dataset([[cell if cell != "" else None for cell in row] for row in rows])


def _dataset(rows):
    """The rows (the first the header) as a tablib Dataset, without empty rows, checked."""
    import tablib

    rows = [row for row in rows if any(value not in (None, "") for value in row)]
    if not rows:
        raise ImportFileError(gettext("The file has no header row and no rows."))
    _check_row_count(len(rows) - 1)
    _refuse_formulas(rows)
    headers = [str(value).strip() if value is not None else "" for value in rows[0]]
    width = len(headers)
    dataset = tablib.Dataset(headers=headers)
    for row in rows[1:]:
        row = list(row)[:width]
        dataset.append(row + [None] * (width - len(row)))
    return dataset


IMPORT_FORMATS = [PortalXLSX, PortalCSV]


# Reading cells.

# Dashes a name may be written with (en dash in "Slovenija–Hrvaška", a hyphen when typed).
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


def lookup_key(text):
    """A code or name as a lookup compares it: text.fold(), any dash a hyphen, spaces single."""
    return " ".join(fold(str(text)).translate(_DASHES).split())


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.CharWidget):
    """A text cell; an empty one is an empty text."""

    def clean(self, value, row=None, **kwargs):
        return _text(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


_GROUPED = {
    # Slovenian: 1.234.567,89; English: 1,234,567.89; a space may group either.
    "sl": re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$"),
    "en": re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$"),
}
_PLAIN = re.compile(r"^\d+([.,]\d{1,2})?$")


def parse_amount(value):
    """The amount in EUR that the cell holds, as a Decimal with two places; None when empty.

    A number cell is read as it is. A text is read where it can only mean one amount: "1234",
    "1234.56", "1234,56", "1.234,56", "1,234.56", "1 234,56". "1,234", "1.234" (a thousand or
    one point two three four?) and a currency sign are refused with a ValueError whose message
    says how to write the amount.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(gettext("Enter an amount, not a yes/no value."))
    if isinstance(value, int | float | Decimal):
        return _two_places(Decimal(str(value)))
    text = str(value).strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        return None
    how = gettext(
        "write it as a plain number, with a decimal point or comma and no thousands "
        "separator (1234567.89 or 1234567,89), or in full Slovenian form (1.234.567,89)"
    )
    if any(sign in text for sign in "€$£") or "eur" in text.lower():
        raise ValueError(
            gettext("“%(value)s”: the column is in euros; %(how)s.") % {"value": text, "how": how}
        )
    negative = text.startswith("-")
    digits = text.removeprefix("-").replace(" ", "")
    if re.match(r"^\d{1,3}[.,]\d{3}$", digits):
        # One separator before three digits: a thousand-something or a number with decimals.
        raise ValueError(
            gettext("“%(value)s” is ambiguous (a thousands separator or decimals?); %(how)s.")
            % {"value": text, "how": how}
        )
    if _PLAIN.match(digits):
        number = digits.replace(",", ".")
    elif _GROUPED["sl"].match(digits):
        number = digits.replace(".", "").replace(",", ".")
    elif _GROUPED["en"].match(digits):
        number = digits.replace(",", "")
    elif re.match(r"^\d{1,3}[.,]\d{3}$", digits) or re.match(r"^\d+[.,]\d{3,}$", digits):
        raise ValueError(
            gettext("“%(value)s” is ambiguous (a thousands separator or decimals?); %(how)s.")
            % {"value": text, "how": how}
        )
    else:
        raise ValueError(
            gettext("“%(value)s” is not an amount; %(how)s.") % {"value": text, "how": how}
        )
    try:
        amount = Decimal(number)
    except InvalidOperation as error:
        raise ValueError(gettext("“%(value)s” is not an amount.") % {"value": text}) from error
    return _two_places(-amount if negative else amount)


def _two_places(amount):
    if not amount.is_finite() or abs(amount) >= Decimal(10) ** 12:
        raise ValueError(gettext("The amount is too large."))
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(gettext("An amount in euros has at most two decimals (cents)."))
    return amount.quantize(Decimal("0.01"))


class AmountWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return parse_amount(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else f"{value:.2f}"


class DateWidget(widgets.Widget):
    """A date cell, or a text in ISO form (2026-12-01) or Slovenian form (1. 12. 2026)."""

    def clean(self, value, row=None, **kwargs):
        import datetime

        if value is None or value == "":
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value).replace(" ", "")
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(
            gettext("“%(value)s” is not a date: write it as 2026-12-31 or 31. 12. 2026.")
            % {"value": _text(value)}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class ChoiceWidget(widgets.Widget):
    """A choice by its code or its label in either language."""

    def __init__(self, choices, *, blank_as=None, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices
        self.blank_as = blank_as

    def lookup(self):
        if not hasattr(self, "_lookup"):
            found = {}
            for language in ("sl", "en"):
                with translation.override(language):
                    for code, label in self.choices:
                        found[lookup_key(code)] = code
                        found[lookup_key(label)] = code
            self._lookup = found
        return self._lookup

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return self.blank_as
        code = self.lookup().get(lookup_key(text))
        if code is None:
            raise ValueError(
                gettext("“%(value)s” is not one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(str(code) for code, _ in self.choices)}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return value or ""


class CountryWidget(widgets.Widget):
    """A country by its ISO code (HR) or its name in Slovenian or English (Hrvaška, Croatia)."""

    def lookup(self):
        if not hasattr(self, "_lookup"):
            found = {}
            for language in ("sl", "en"):
                with translation.override(language):
                    for code, name in countries:
                        found[lookup_key(code)] = code
                        found[lookup_key(name)] = code
            self._lookup = found
        return self._lookup

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return ""
        code = self.lookup().get(lookup_key(text))
        if code is None:
            raise ValueError(
                gettext("Unknown country “%(value)s”: write its ISO code (HR) or its name.")
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


class _Lookup:
    """Related records by any of their codes or names (`keys`), blind to case and diacritics.

    Every record of the model is read once per import, not once per row; a key that two records
    share finds neither (the message says so).
    """

    AMBIGUOUS = object()

    def setup_lookup(self, *, keys, render_key, unknown_message):
        self.keys = keys
        self.render_key = render_key
        self.unknown_message = unknown_message
        self._records = None

    def records(self):
        if self._records is None:
            records = {}
            for record in self.model._default_manager.all():
                for key in {lookup_key(key) for key in self.keys(record) if key}:
                    records[key] = self.AMBIGUOUS if key in records else record
            self._records = records
        return self._records

    def find(self, text):
        record = self.records().get(lookup_key(text))
        if record is self.AMBIGUOUS:
            raise ValueError(
                gettext("“%(value)s” names more than one record: use its code.") % {"value": text}
            )
        if record is None:
            raise ValueError(self.unknown_message % {"value": text})
        return record


class LookupWidget(_Lookup, widgets.ForeignKeyWidget):
    """One related record (see _Lookup)."""

    def __init__(self, model, *, keys, render_key, unknown_message):
        super().__init__(model, field=render_key)
        self.setup_lookup(keys=keys, render_key=render_key, unknown_message=unknown_message)

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        return self.find(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return getattr(value, self.render_key, "") if value else ""


class ManyLookupWidget(_Lookup, widgets.ManyToManyWidget):
    """Several related records in one cell, separated by semicolons (see _Lookup)."""

    def __init__(self, model, *, keys, render_key, unknown_message):
        super().__init__(model, separator=LIST_SEPARATOR, field=render_key)
        self.setup_lookup(keys=keys, render_key=render_key, unknown_message=unknown_message)

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in _text(value).split(LIST_SEPARATOR)]
        found = [self.find(name) for name in names if name]
        return list(dict.fromkeys(found))

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return list_cell(getattr(record, self.render_key) for record in value.all())


def list_cell(values):
    return f"{LIST_SEPARATOR} ".join(values)


# Resources.


class PortalResource(resources.ModelResource):
    """A model's columns in an import file and in the admin's export of the same list.

    Subclasses declare their Fields (column names as the list's download names them), the
    `import_id_fields` that find an existing record, `column_help` (what each column means, for
    the template file) and `example_row`.
    """

    column_help: dict = {}
    example_row: dict = {}
    # Columns a file must have (besides the import id); others may be left out.
    required_columns: tuple = ()
    # What the import's revision reads of each record, as prefetch_related() lookups: the
    # relations reversion follows from the model (its admin's inlines), its many-to-many
    # fields, and what the followed rows' names read. Read for REVISION_BATCH records at a
    # time, one query per lookup, rather than per record (add_to_revision_in_batches()).
    revision_prefetch: tuple = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True
        clean_model_instances = True
        # The records the file names are read in one query, not one a row.
        instance_loader_class = CachedInstanceLoader

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.created = []
        self.removed = []
        # The records saved, for the import's revision once every row is in.
        self.saved = []
        self.seen_ids = {}
        # A background check reads the file in parts: the rows before the part being read, so
        # that a row's number (in errors and in the report) is its row in the whole file.
        self.row_offset = 0
        # Called with the number of rows read so far after each row (a background import's
        # progress), or None.
        self.on_row = None

    # The file as a whole.

    def column_names(self):
        return [field.column_name for field in self.get_import_fields()]

    def check_columns(self, headers):
        """Raise ImportFileError for a missing or unknown column or one given twice."""
        known = self.column_names()
        unknown = [header for header in headers if header not in known]
        if unknown:
            raise ImportFileError(
                gettext("Unknown columns: %(columns)s. The columns of this import are: %(known)s.")
                % {"columns": ", ".join(unknown or ["(empty)"]), "known": ", ".join(known)}
            )
        twice = sorted({header for header in headers if headers.count(header) > 1})
        if twice:
            raise ImportFileError(
                gettext("Columns given more than once: %(columns)s.")
                % {"columns": ", ".join(twice)}
            )
        needed = [*self.import_id_columns(), *self.required_columns]
        missing = [column for column in needed if column not in headers]
        if missing:
            raise ImportFileError(
                gettext("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}
            )

    def import_id_columns(self):
        return [self.fields[name].column_name for name in self.get_import_id_fields()]

    def existing_records(self, dataset):
        """The records that the file's rows name by their import id (to keep their state before
        the import in the history). This serves a resource found by one field (a slug); one
        found by several fields says how to find them."""
        (name,) = self.get_import_id_fields()
        values = [value for value in dataset[self.fields[name].column_name] if value]
        lookup = f"{self.fields[name].attribute}__in"
        return self._meta.model._default_manager.filter(**{lookup: values})

    # Rows.

    def read_rows(self, dataset, *, dry_run, user, file_name):
        """Check (dry_run, rolled back) or import the rows, every one in its transaction's
        savepoint, a failed row failing them all; the import-export result."""
        return self.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
            file_name=file_name,
            user=user,
            retain_instance_in_row_result=not dry_run,
        )

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if self.on_row is not None:
            self.on_row(self.row_offset + kwargs["row_number"])
        return row_result

    def before_import_row(self, row, **kwargs):
        """Refuse a row whose import id an earlier row of the file already gave."""
        key = tuple(fold(_text(row.get(column))) for column in self.import_id_columns())
        number = self.row_offset + kwargs["row_number"]
        if key in self.seen_ids and all(key):
            raise ValidationError(
                {
                    self.get_import_id_fields()[0]: gettext(
                        "Row %(row)s already has %(value)s: each record once per file."
                    )
                    % {"row": self.seen_ids[key] + 1, "value": " / ".join(key)}
                }
            )
        self.seen_ids[key] = number

    def import_instance(self, instance, row, **kwargs):
        """The row's columns onto the record; a list column (municipalities …) is read here too,
        before anything is saved, so that its error names its column like any other."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget) or not field.attribute:
                continue
            if field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing record whose every column reads as before: compared as the export writes
        the columns, so that an empty cell and an empty (None) field are the same."""
        if import_validation_errors or original is None or original.pk is None:
            return False
        for field in self.get_import_fields():
            if field.column_name not in row or field.readonly or not field.attribute:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                wanted = sorted(record.pk for record in field.clean(row))
                if wanted != sorted(field.get_value(original).values_list("pk", flat=True)):
                    return False
            elif str(self.export_field(field, instance) or "") != str(
                self.export_field(field, original) or ""
            ):
                return False
        return True

    def save_m2m(self, instance, row, **kwargs):
        """After the record: its list columns and the rows a subclass saves with it
        (save_related()); the record goes into the import's revision once every row is in
        (add_saved_to_revision())."""
        self.save_lists(instance, row)
        self.save_related(instance, row)
        if not kwargs.get("dry_run"):
            # A check saves nothing for good: its records are not kept (a background check
            # reads up to MAX_IMPORT_ROWS).
            self.saved.append(instance)

    def add_saved_to_revision(self):
        """Every record the rows saved, in the active revision with what reversion follows
        from it, as it is after the whole file (a later row may change an earlier row's
        record)."""
        if reversion.is_registered(self._meta.model):
            add_to_revision_in_batches(self.saved, self.revision_prefetch)

    def save_related(self, instance, row):
        """Save what else the row gives the record (e.g. a project's pillars)."""

    def save_lists(self, instance, row):
        """The list columns' records: a new record's links are inserted in one query each
        (whatever their number), an existing record's are set as the cell lists them."""
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget) or not field.attribute:
                continue
            if field.column_name not in row:
                continue
            records = field.clean(row)
            manager = getattr(instance, field.attribute)
            if getattr(instance, "_imported_as_new", False):
                manager.through.objects.bulk_create(
                    [
                        manager.through(
                            **{
                                f"{manager.source_field_name}_id": instance.pk,
                                f"{manager.target_field_name}_id": record.pk,
                            }
                        )
                        for record in records
                    ]
                )
            else:
                manager.set(records)

    def after_save_instance(self, instance, row, **kwargs):
        if kwargs.get("is_create") or getattr(instance, "_imported_as_new", False):
            self.record_created(instance)

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._imported_as_new = new

    def record_created(self, instance):
        self.created.append([ContentType.objects.get_for_model(instance).pk, instance.pk])

    def record_removed(self, queryset):
        """Delete the rows, keeping them (serialized) for undo_import()."""
        rows = list(queryset)
        if rows:
            self.removed.append(serializers.serialize("json", rows))
            queryset.model.objects.filter(pk__in=[row.pk for row in rows]).delete()

    def get_diff_class(self):
        return ChangedColumns

    # The template file.

    def template_workbook(self):
        """An XLSX with the columns (each with its meaning as a comment), one example row and
        a second sheet that lists the columns and what they mean."""
        book = Workbook()
        sheet = book.active
        sheet.title = gettext("Import")
        columns = self.column_names()
        bold = Font(bold=True)
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index, value=column)
            cell.font = bold
            if column in self.column_help:
                cell.comment = Comment(str(self.column_help[column]), "RASR")
            example = self.example_row.get(column)
            if example is not None:
                sheet.cell(row=2, column=index, value=example).data_type = (
                    "s" if isinstance(example, str) else sheet.cell(row=2, column=index).data_type
                )
        help_sheet = book.create_sheet(gettext("Columns"))
        help_sheet.append([gettext("Column"), gettext("Meaning"), gettext("Needed")])
        for cell in help_sheet[1]:
            cell.font = bold
        needed = {*self.import_id_columns(), *self.required_columns}
        for column in columns:
            help_sheet.append(
                [
                    column,
                    str(self.column_help.get(column, "")),
                    gettext("yes") if column in needed else gettext("no"),
                ]
            )
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()


class ChangedColumns:
    """What a row changes: the columns whose value differs, each as (column, old, new).

    Stands in for django-import-export's HTML diff, which shows every column side by side."""

    def __init__(self, resource, instance, new):
        self.resource = resource
        self.new = new
        self.left = self._values(resource, instance) if not new else {}
        self.right = {}

    @staticmethod
    def _values(resource, instance):
        if instance is None:
            return {}
        return {
            field.column_name: resource.export_field(field, instance)
            for field in resource.get_import_fields()
        }

    def compare_with(self, resource, instance):
        # A new record's row shows no changes: reading its columns back would cost queries
        # a row for nothing.
        if not self.new:
            self.right = self._values(resource, instance)

    def as_html(self):
        return [
            (column, self.left.get(column, ""), value)
            for column, value in self.right.items()
            if str(self.left.get(column, "") or "") != str(value or "")
        ]


# Importing.


def import_dataset(resource, dataset, *, user, file_name, job=None):
    """Import every row in one transaction and one revision with its ImportLog (and its
    background job, if any), or nothing if a row fails; the import-export result."""
    model = resource._meta.model
    with transaction.atomic():
        keep_state_before_import(resource, dataset, user=user, file_name=file_name)
        # Each record is added to the revision once, when it is saved with its lists and
        # related rows (PortalResource.save_m2m()), not also as reversion's signal would
        # on its first save.
        with reversion.create_revision(atomic=False, manage_manually=True):
            result = resource.read_rows(dataset, dry_run=False, user=user, file_name=file_name)
            failed = result.has_errors() or result.has_validation_errors()
            if not failed:
                resource.add_saved_to_revision()
            reversion.set_user(user)
            reversion.set_comment(gettext("Import of the file %(file)s") % {"file": file_name})
            totals = result.totals
            reversion.add_meta(
                ImportLog,
                content_type=ContentType.objects.get_for_model(model),
                file_name=file_name[:255],
                new_count=totals[RowResult.IMPORT_TYPE_NEW],
                changed_count=totals[RowResult.IMPORT_TYPE_UPDATE],
                created=resource.created,
                removed=resource.removed,
                job=job,
            )
        if failed:
            transaction.set_rollback(True)
    return result


def keep_state_before_import(resource, dataset, *, user, file_name):
    """Give every record the file will change that has no history yet a version of its state
    before the import (one revision), so that undoing the import can return it there."""
    records = list(resource.existing_records(dataset))
    with_history = set(
        Version.objects.get_for_model(resource._meta.model)
        .filter(object_id__in=[str(record.pk) for record in records])
        .values_list("object_id", flat=True)
    )
    without_history = [record for record in records if str(record.pk) not in with_history]
    if not without_history:
        return
    with reversion.create_revision(atomic=False):
        add_to_revision_in_batches(without_history, resource.revision_prefetch)
        reversion.set_user(user)
        reversion.set_comment(gettext("State before the import of %(file)s") % {"file": file_name})


# Records added to a revision at a time (add_to_revision_in_batches()).
REVISION_BATCH = 500


def add_to_revision_in_batches(records, lookups):
    """Each record in the active revision with what reversion follows from it, the records
    taken REVISION_BATCH at a time with the lookups (prefetch_related() lookups) read for the
    batch: reversion reads a record's followed relations and many-to-many lists one query each,
    ten queries a project, which made an import of 1,000 projects take seconds longer."""
    for batch in itertools.batched(records, REVISION_BATCH):
        for record in batch:
            # What was read before the rows changed it would be written as it was.
            record.__dict__.pop("_prefetched_objects_cache", None)
        prefetch_related_objects(batch, *lookups)
        for record in batch:
            reversion.add_to_revision(record)


# How the report counts the rows: new, changed, unchanged, error.
REPORT_KINDS = ("new", "update", "skip", "error")
KIND_LABELS = {
    RowResult.IMPORT_TYPE_NEW: pgettext_lazy("import row", "new"),
    RowResult.IMPORT_TYPE_UPDATE: pgettext_lazy("import row", "changed"),
    RowResult.IMPORT_TYPE_SKIP: pgettext_lazy("import row", "unchanged"),
    RowResult.IMPORT_TYPE_ERROR: pgettext_lazy("import row", "error"),
    RowResult.IMPORT_TYPE_INVALID: pgettext_lazy("import row", "error"),
}


def import_report(result, resource, *, first_row=0):
    """The dry run's rows for the page: number (the spreadsheet's row, the header being 1),
    kind, label, the record, its changes (column, old, new) and its errors (column, message).
    `first_row`: the rows of the file before the part that `result` read."""
    if result is None:
        return None
    column_of = {field.attribute: field.column_name for field in resource.get_import_fields()}
    invalid = {row.number: row for row in result.invalid_rows}
    errors = dict(result.row_errors())
    rows = []
    for number, row_result in enumerate(result.rows, start=1):
        row_errors = []
        if number in invalid:
            for field, messages in invalid[number].error_dict.items():
                for message in messages:
                    row_errors.append(
                        (column_of.get(field, field if field != "__all__" else ""), message)
                    )
        for error in errors.get(number, []):
            row_errors.append(("", str(error.error)))
        kind = row_result.import_type
        rows.append(
            {
                "number": first_row + number + 1,
                "kind": "error" if row_errors else kind,
                "label": capfirst(KIND_LABELS.get(kind, kind))
                if not row_errors
                else capfirst(KIND_LABELS[RowResult.IMPORT_TYPE_INVALID]),
                "record": row_result.object_repr or "",
                "changes": row_result.diff if kind == RowResult.IMPORT_TYPE_UPDATE else [],
                "errors": row_errors,
            }
        )
    base_errors = [
        message
        for error in result.base_errors
        for message in (
            error.error.messages if isinstance(error.error, ValidationError) else [str(error.error)]
        )
    ]
    totals = dict.fromkeys(REPORT_KINDS, 0)
    for row in rows:
        totals[row["kind"] if row["kind"] in totals else "error"] += 1
    return {"rows": rows, "base_errors": base_errors, "totals": totals}


def add_to_report(report, part):
    """Add the report of a part of a file to the report of the parts before it."""
    report["rows"].extend(part["rows"])
    report["base_errors"].extend(
        error for error in part["base_errors"] if error not in report["base_errors"]
    )
    for kind, count in part["totals"].items():
        report["totals"][kind] += count


def failed_on_import_message():
    return gettext(
        "Nothing was imported: a row failed on import (another edit may have changed a record "
        "since the dry run). Run the import again."
    )


class UndoError(Exception):
    pass


@transaction.atomic
def undo_import(*, log, user):
    """Undo an import: delete the records it added, restore the rows it removed and return the
    records it changed to their version before it, as one revision ("Undo of the import …").

    Refused (UndoError) when it was undone already, or when a record it touched has been
    changed since: undoing then would throw that later edit away too.
    """
    log = ImportLog.objects.select_for_update().get(pk=log.pk)
    if log.undone_at:
        raise UndoError(gettext("This import has been undone already."))
    model = log.content_type.model_class()
    if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        raise PermissionDenied
    versions = list(log.revision.version_set.select_related("content_type"))
    later = [
        version
        for version in versions
        if Version.objects.get_for_object_reference(
            version.content_type.model_class(), version.object_id
        )
        .filter(revision_id__gt=log.revision_id)
        .exists()
    ]
    if later:
        raise UndoError(
            gettext(
                "Records of this import have been changed since (%(records)s): undo those "
                "changes from their history first, or correct the records by hand."
            )
            % {"records": ", ".join(sorted({version.object_repr for version in later})[:10])}
        )
    created = {(content_type, str(pk)) for content_type, pk in log.created}
    with reversion.create_revision(atomic=False):
        for version in versions:
            if (version.content_type_id, version.object_id) in created:
                continue
            previous = (
                Version.objects.get_for_object_reference(
                    version.content_type.model_class(), version.object_id
                )
                .filter(revision_id__lt=log.revision_id)
                .first()
            )
            if previous is not None:
                previous.revert()
        for serialized in log.removed:
            for row in serializers.deserialize("json", serialized):
                row.save()
        for content_type_id, pk in reversed(log.created):
            content_type = ContentType.objects.get_for_id(content_type_id)
            content_type.model_class()._base_manager.filter(pk=pk).delete()
        reversion.set_user(user)
        reversion.set_comment(gettext("Undo of the import of %(file)s") % {"file": log.file_name})
    log.undone_at = timezone.now()
    log.undone_by = user
    log.save(update_fields=["undone_at", "undone_by"])
    return log
