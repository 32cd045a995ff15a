"""The writer behind every download (regionportal.base.exporting): formula injection, numbers that
stay numbers, typed XLSX cells, the page's language in a streamed file, and memory that stays
flat however many rows are written."""

import datetime
import gc
import tracemalloc
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import F
from django.test import RequestFactory
from django.utils import translation

from funding.models import Programme
from pillars.models import Pillar
from projects.models import Organisation, Partnership, Project, ProjectPillar
from regionportal.base import exporting
from regionportal.base.exporting import Column, Export, Kind
from regionportal.base.models import Municipality, Region
from tests import factories
from tests.downloads import csv_rows, download, json_results, xlsx_cells

FORMATS = ["csv", "xlsx", "json"]


class SignedExport(Export):
    """A made-up export with a negative amount and a text that looks like a sum."""

    file_names = {"sl": "preizkus", "en": "test"}
    title = "Test: a [sheet] name that is far too long for a spreadsheet"
    columns = [
        Column("acronym", "Acronym", lambda project: project.acronym),
        Column("change", "Change", lambda project: -project.total_budget, Kind.MONEY),
        Column("count", "Count", lambda project: -3, Kind.INTEGER),
        Column("rate", "Rate", lambda project: Decimal("-1.5"), Kind.DECIMAL),
        Column("start", "Start", lambda project: project.start_date, Kind.DATE),
        Column("flag", "Flag", lambda project: False, Kind.BOOLEAN),
        Column("list", "List", lambda project: ["-a", "b"], Kind.LIST),
        Column("page", "Page", lambda project: project.get_absolute_url(), Kind.URL),
    ]


def write(fmt, queryset, export=None, language="en"):
    request = RequestFactory().get("/")
    with translation.override(language):
        response = exporting.export_response(request, export or SignedExport(), queryset, fmt)
    return response.getvalue()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+386 3 000 00 00", "'+386 3 000 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Celje", "Celje"),
        ("1-2", "1-2"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_what_a_spreadsheet_would_take_for_a_formula(text, written):
    assert exporting.neutralise(text) == written


@pytest.mark.django_db
def test_csv_writes_negative_numbers_as_numbers_and_neutralises_texts(db):
    factories.make_project(acronym="-2+3", total_budget=Decimal("12.50"))

    header, row = csv_rows(write("csv", Project.objects.all()))

    assert header == ["Acronym", "Change", "Count", "Rate", "Start", "Flag", "List", "Page"]
    assert row[:7] == ["'-2+3", "-12.50", "-3", "-1.5", "2020-01-01", "false", "'-a; b"]
    assert row[7].startswith("http://testserver/en/projects/project-")


@pytest.mark.django_db
def test_json_writes_negative_numbers_as_numbers_and_texts_as_they_are(db):
    factories.make_project(acronym="-2+3", total_budget=Decimal("12.50"))

    [result] = json_results(write("json", Project.objects.all()))

    assert result["acronym"] == "-2+3"
    assert result["change"] == "-12.50"
    assert result["count"] == -3
    assert result["rate"] == "-1.5"
    assert result["flag"] is False
    assert result["list"] == ["-a", "b"]


@pytest.mark.django_db
def test_xlsx_writes_typed_cells_and_a_valid_sheet_name(db):
    factories.make_project(acronym="=2+3", total_budget=Decimal("12.50"))

    body = write("xlsx", Project.objects.all())
    [row] = xlsx_cells(body)

    assert (row["Acronym"].data_type, row["Acronym"].value) == ("s", "=2+3")
    assert (row["Change"].data_type, row["Change"].value) == ("n", -12.5)
    assert row["Change"].number_format == "#,##0.00"
    assert (row["Count"].data_type, row["Count"].value) == ("n", -3)
    assert row["Start"].is_date
    assert row["Start"].value == datetime.datetime(2020, 1, 1)
    assert (row["Flag"].data_type, row["Flag"].value) == ("b", False)
    assert row["List"].value == "-a; b"


@pytest.mark.django_db
def test_xlsx_leaves_out_characters_a_spreadsheet_cannot_hold(db):
    factories.make_project(acronym="A\x01B\x1fC", total_budget=Decimal(1))

    [row] = xlsx_cells(write("xlsx", Project.objects.all()))

    assert row["Acronym"].value == "ABC"


class TextExport(Export):
    file_names = {"sl": "besedila", "en": "texts"}
    title = "Texts"
    columns = [
        Column("acronym", "Acronym", lambda project: project.acronym),
        Column("title", "Title", lambda project: project.title_sl),
    ]


@pytest.mark.django_db
def test_xlsx_ends_each_line_in_a_line_feed_and_keeps_every_other_character(db):
    factories.make_project(
        acronym="Šoštanj\u00a0–\tčez", title_sl="Prva\r\ndruga\rtretja\nčetrta vrstica"
    )

    [row] = xlsx_cells(write("xlsx", Project.objects.all(), export=TextExport()))

    assert row["Acronym"].value == "Šoštanj\u00a0–\tčez"
    assert row["Title"].value == "Prva\ndruga\ntretja\nčetrta vrstica"


@pytest.mark.django_db
def test_a_streamed_download_keeps_the_language_it_was_asked_in(client, db):
    factories.make_project(acronym="CLEAN", status=Project.Status.COMPLETED)
    response = client.get("/sl/projects/export.csv/")

    # The file is written while the response is read, after the view has returned.
    with translation.override("en"):
        body = response.getvalue()

    header, row = csv_rows(body)
    with translation.override("sl"):
        assert header[0] == translation.gettext("Acronym")
        assert row[header.index(translation.gettext("Status"))] == str(
            Project.Status.COMPLETED.label
        )
    assert row[-1].startswith("http://testserver/sl/projects/")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_downloads_are_streamed(client, db, fmt):
    response = client.get(f"/en/projects/export.{fmt}/")

    assert response.streaming
    assert response.getvalue()


# Memory ----------------------------------------------------------------------------------------


# Ten times the rows must not take ten times the memory. The rows are read CHUNK at a time here
# (far fewer than the writer's chunks) so that both counts span several chunks and the test runs
# in seconds; the rows written before the rows were freed as they were written took about 10 kB
# each, which this catches.
CHUNK = 50
FEW = 100
MANY = 1000


@pytest.fixture(scope="module")
def many_projects(django_db_setup, django_db_blocker):
    """1,000 published projects, 100 of them in the programme "few", each with a pillar, the
    agency and another partner, and a municipality; made once for the module, rolled back after
    it."""
    with django_db_blocker.unblock(), transaction.atomic():
        agency = factories.make_agency(slug="agency")
        partners = [
            factories.make_organisation(slug=f"partner-{number}", country="AT")
            for number in range(20)
        ]
        few = factories.make_programme(slug="few", code="FEW")
        rest = factories.make_programme(slug="rest", code="REST")
        pillar = Pillar.objects.create(slug="steber", name_sl="Steber", economic_model_sl="Model")
        region = Region.objects.create(slug="regija", name_sl="Regija", nuts_code="SI034")
        municipality = Municipality.objects.create(
            slug="celje", name="Celje", iso_code="SI-011", region=region
        )
        projects = Project.objects.bulk_create(
            Project(
                slug=f"project-{number}",
                acronym=f"P{number:05}",
                title_sl=f"Projekt številka {number} o zeleni regiji",
                title_en=f"Project number {number} on the green region",
                summary_sl="Povzetek projekta. " * 10,
                status=Project.Status.APPROVED,
                programme=few if number < FEW else rest,
                start_date=datetime.date(2015 + number % 10, 1, 1),
                end_date=datetime.date(2026, 12, 31),
                total_budget=Decimal("1598948.00") + number,
                state="published",
            )
            for number in range(MANY)
        )
        ProjectPillar.objects.bulk_create(
            ProjectPillar(project=project, pillar=pillar, is_primary=True) for project in projects
        )
        Partnership.objects.bulk_create(
            partnership
            for number, project in enumerate(projects)
            for partnership in (
                Partnership(
                    project=project,
                    organisation=agency,
                    role=Partnership.Role.LEAD,
                    budget=Decimal("133562.57"),
                ),
                Partnership(project=project, organisation=partners[number % len(partners)]),
            )
        )
        Project.municipalities.through.objects.bulk_create(
            Project.municipalities.through(project=project, municipality=municipality)
            for project in projects
        )
        assert Organisation.objects.count() == 21
        assert Programme.objects.count() == 2
        yield
        transaction.set_rollback(True)


def peak_memory_while_reading(client, url, params=None):
    """The peak of memory allocated (in bytes) while the download is made and read to the end,
    one chunk at a time, as a server sends it."""
    gc.collect()
    tracemalloc.start()
    try:
        response = client.get(url, params)
        assert response.status_code == 200
        written = 0
        # The test client closes the response once it is read, as a server does.
        for chunk in response.streaming_content:
            written += len(chunk)
        return tracemalloc.get_traced_memory()[1], written
    finally:
        tracemalloc.stop()


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_memory_stays_flat_however_many_rows_are_written(
    client, many_projects, fmt, capsys, monkeypatch, settings
):
    monkeypatch.setattr(exporting, "CHUNK_SIZE", CHUNK)
    monkeypatch.setattr(exporting, "VALUES_CHUNK_SIZE", CHUNK)
    monkeypatch.setattr(exporting, "CELLS_BATCH_SIZE", CHUNK)
    # The export's own memory: the page cache would keep a copy of a download this small.
    settings.PAGE_CACHE = False
    url = f"/en/projects/export.{fmt}/"
    # What a first download loads once (modules, translations, caches) is not what is measured.
    download(client, url, {"q": "nothing"})

    few_peak, few_size = peak_memory_while_reading(client, url, {"programme": "few"})
    many_peak, many_size = peak_memory_while_reading(client, url)

    with capsys.disabled():
        print(
            f"\n{fmt}: {FEW} rows ({few_size:,} bytes) peak {few_peak:,} bytes; "
            f"{MANY} rows ({many_size:,} bytes) peak {many_peak:,} bytes"
        )
    assert many_size > 5 * few_size  # ten times the rows were written (XLSX compressed) …
    assert many_peak < 2 * few_peak + 512 * 1024  # … in about the same memory


@pytest.mark.django_db
def test_among_values_picks_the_rows_whose_value_is_listed():
    """AmongValues (a chunk's ids as one parameter: an array on PostgreSQL, JSON on SQLite)
    picks the same rows as an __in lookup, none for an empty list."""
    region = factories.make_region()
    celje, velenje, _zalec = (
        factories.make_municipality(name=name, iso_code=f"SI-{number}", region=region)
        for number, name in [(11, "Celje"), (133, "Velenje"), (190, "Žalec")]
    )
    listed = Municipality.objects.filter(exporting.AmongValues(F("pk"), [velenje.pk, celje.pk]))
    assert sorted(listed.values_list("name", flat=True)) == ["Celje", "Velenje"]
    assert not Municipality.objects.filter(exporting.AmongValues(F("pk"), [])).exists()
