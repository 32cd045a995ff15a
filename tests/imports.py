"""Spreadsheet files built in tests, and the admin's import steps driven as staff would."""

import io
import threading

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction
from openpyxl import Workbook

XLSX_FORMAT = "0"  # regionportal.base.importing.IMPORT_FORMATS: XLSX, then CSV
CSV_FORMAT = "1"


def xlsx_file(rows, name="uvoz.xlsx"):
    """An XLSX upload whose first sheet holds the rows (the first the header)."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile(name, output.getvalue())


def csv_file(rows, name="uvoz.csv"):
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    return SimpleUploadedFile(name, ("\ufeff" + text).encode())


def dry_run(client, url, upload, fmt=XLSX_FORMAT):
    """POST the file to the import page (the dry run) and return the response."""
    return client.post(url, {"resource": "0", "format": fmt, "import_file": upload})


def confirm(client, process_url, dry_run_response):
    """POST the dry run page's confirmation form, as the "Potrdi" button does."""
    form = dry_run_response.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(process_url, data)


def admin_export(client, export_url, fmt=XLSX_FORMAT):
    """The admin's export of the whole list with every column (as the export page offers it),
    as an upload for the import page."""
    page = client.get(export_url)
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"format": fmt, "resource": "0"})
    data = {name: value for name, value in data.items() if value is not False}
    response = client.post(export_url, data)
    assert response.status_code == 200, response
    name = response["Content-Disposition"].split('filename="')[1].rstrip('"')
    return SimpleUploadedFile(name, response.content)


def run_tasks():
    """Run the queued background tasks as `manage.py db_worker` does (its Worker runs each one),
    here in the test's process and transaction; how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    count = 0
    while True:
        with transaction.atomic():
            task_result = DBTaskResult.objects.ready().get_locked()
            if task_result is None:
                return count
            task_result.claim(worker.worker_id)
        worker.run_task(task_result)
        count += 1


def run_tasks_beside_the_live_server():
    """run_tasks() for a browser test, so that the live server sees what the tasks did. On
    PostgreSQL the server's connection sees committed rows only, and the test's own is in the
    test's transaction: the tasks run in a thread of their own (its own connection, committing
    as the worker does). SQLite's in-memory test database is one connection, which the live
    server shares with the test: they run here."""
    if connection.vendor == "sqlite":
        return run_tasks()
    ran = []

    def work():
        try:
            ran.append(run_tasks())
        finally:
            connections.close_all()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return ran[0]
