"""Uploaded documents: PDF, DOCX, XLSX and ODT, told apart by their content, not their names.

- PDF: the file starts with "%PDF-".
- DOCX and XLSX (Office Open XML): a ZIP file with "[Content_Types].xml" and a "word/" (DOCX)
  or "xl/" (XLSX) folder.
- ODT (OpenDocument text): a ZIP file whose first member is "mimetype", holding exactly
  "application/vnd.oasis.opendocument.text".
"""

import zipfile

from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class DocumentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"
    ODT = "odt", "ODT"


CONTENT_TYPES = {
    DocumentKind.PDF: "application/pdf",
    DocumentKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    DocumentKind.ODT: "application/vnd.oasis.opendocument.text",
}


def _zip_kind(file):
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if members and members[0].filename == "mimetype":
                if archive.read(members[0]).strip() == ODT_MIMETYPE:
                    return DocumentKind.ODT
                return None
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return DocumentKind.DOCX
                if any(name.startswith("xl/") for name in names):
                    return DocumentKind.XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError):
        return None
    return None


def kind_of(file):
    """The DocumentKind of the file by its content, or None for any other file."""
    file.seek(0)
    try:
        if file.read(5) == b"%PDF-":
            return DocumentKind.PDF
        file.seek(0)
        return _zip_kind(file)
    finally:
        file.seek(0)


def validate_document(file):
    """A model field's validator: a PDF, DOCX, XLSX or ODT document of at most
    MAX_DOCUMENT_BYTES, by its content."""
    if file.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is %(size)s; it may be at most %(limit)s."),
            code="document_too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(MAX_DOCUMENT_BYTES),
            },
        )
    if kind_of(file) is None:
        raise ValidationError(
            _("The file is not a PDF, DOCX, XLSX or ODT document (whatever its name says)."),
            code="document_type",
        )
