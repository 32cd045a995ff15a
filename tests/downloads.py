"""Reading the portal's downloads (CSV, XLSX, JSON) in tests, as a program that opens them would."""

import codecs
import csv
import io
import json
import re

import openpyxl
from django.utils import timezone

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def download(client, url, params=None, *, status=200):
    """GET a download, read it to the end and return (response, body)."""
    response = client.get(url, params)
    body = response.getvalue()
    assert response.status_code == status, body[:2000]
    return response, body


def attachment_name(response):
    """The file name of a Content-Disposition: attachment; filename="…" header."""
    found = re.fullmatch(r'attachment; filename="([^"]+)"', response["Content-Disposition"])
    assert found, response["Content-Disposition"]
    return found.group(1)


def dated(stem, fmt):
    return f"{stem}-{timezone.localdate().isoformat()}.{fmt}"


def csv_rows(body):
    """The rows of a CSV download, the header first; it must begin with the UTF-8 BOM."""
    assert body.startswith(codecs.BOM_UTF8)
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def xlsx_sheet(body):
    """The first sheet of an XLSX download, opened by openpyxl."""
    return openpyxl.load_workbook(io.BytesIO(body)).worksheets[0]


def xlsx_rows(body):
    """The cell values of an XLSX download's first sheet, the header row first."""
    return [list(row) for row in xlsx_sheet(body).iter_rows(values_only=True)]


def xlsx_cells(body):
    """The cells of an XLSX download's first sheet by header and row: [{header: cell}]."""
    rows = list(xlsx_sheet(body).iter_rows())
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def json_results(body):
    """The results of a JSON download, checking that its count is their number."""
    data = json.loads(body)
    assert data["count"] == len(data["results"])
    return data["results"]


def records(fmt, body):
    """A download's rows as dicts by header (CSV, XLSX) or key (JSON)."""
    if fmt == "json":
        return json_results(body)
    rows = csv_rows(body) if fmt == "csv" else xlsx_rows(body)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def page_count(client, url, params=None):
    """The number in a list page's results heading ("12 projects"), as the page shows it."""
    response = client.get(url, params)
    assert response.status_code == 200
    found = re.search(r'<h2 id="results-heading">(\d+) ', response.content.decode())
    assert found, "the page has no results heading"
    return int(found.group(1))
