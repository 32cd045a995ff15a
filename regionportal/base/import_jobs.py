"""Spreadsheet imports too large for one request, checked and applied by background tasks.

Django's tasks framework with the database backend (django-tasks-db; `manage.py db_worker`
runs them, started beside gunicorn and beside the development server). A job goes:

    waiting → checking → checked → (confirmed by its staff member) queued → importing → done

or ends failed (a row failed on import, or the task itself failed) or discarded. The check is
the dry run of the request, read in parts of CHECK_CHUNK_ROWS rows, each part its own
transaction rolled back, so that the job's row records its progress between the parts; its
report is the request's report, row by row. The import is one transaction for the whole file,
as in the request (importing.import_dataset), so its progress goes to the cache, which the app
servers and the worker share in production (Redis), as the job's row cannot be written from
inside that transaction.

The resource comes from the model's admin (the portal's admin site holds every import), so a job
needs no reference to the app that defines it.
"""

import logging
import time

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext

from . import importing
from .models import ImportJob

logger = logging.getLogger(__name__)

State = ImportJob.State
# A job in these states has not finished: its page follows it.
UNFINISHED = (State.WAITING, State.CHECKING, State.QUEUED, State.IMPORTING)
# A job waiting this long for the worker is shown as likely stuck (no worker running).
WAITING_TOO_LONG = 120
# A running job whose progress has not moved for this long has most likely lost its worker (a
# restart): its staff member may discard it and start again. Nothing of an import that stopped
# was saved, as it runs in one transaction. (Longer than the longest import, 20,000 rows in about
# 8 minutes, in case the import's progress is not seen: a cache that is not shared.)
STALLED_AFTER = 1200
_PROGRESS_EVERY = 25


def progress_key(job_id):
    return f"import-job:{job_id}:progress"


def report_progress(job_id, rows):
    """Record that `rows` rows of the job have been read (every _PROGRESS_EVERY rows)."""
    if rows % _PROGRESS_EVERY == 0:
        cache.set(progress_key(job_id), (rows, time.time()), timeout=STALLED_AFTER * 6)


def progress(job):
    """(rows read, seconds since the last progress) of a job: the larger of its row's count and
    the cache's (the import's own, which the row cannot hold)."""
    rows, at = cache.get(progress_key(job.pk)) or (0, None)
    updated = job.updated_at.timestamp()
    if at is None or rows < job.rows_done:
        return job.rows_done, time.time() - updated
    return rows, time.time() - max(at, updated)


def is_stuck(job):
    """A job that no worker has taken up for a while, or whose running task stopped moving."""
    if job.state in (State.WAITING, State.QUEUED):
        return (timezone.now() - job.updated_at).total_seconds() > WAITING_TOO_LONG
    if job.state in (State.CHECKING, State.IMPORTING):
        return progress(job)[1] > STALLED_AFTER
    return False


def can_act(job, user):
    """The staff member who started a job, or a superuser, confirms or discards it."""
    return user.is_superuser or job.created_by_id == user.pk


def _resource(job):
    model = job.content_type.model_class()
    return admin.site.get_model_admin(model).import_resource()


def _dataset(job):
    (input_format,) = (
        format_class
        for format_class in importing.IMPORT_FORMATS
        if format_class().get_extension() == job.file_format
    )
    return input_format().create_dataset(bytes(job.data))


def _set(job, **fields):
    for name, value in fields.items():
        setattr(job, name, value)
    job.updated_at = timezone.now()
    job.save(update_fields=[*fields, "updated_at"])


# Services: what the admin's pages call.


def start(*, model, user, file_name, file_format, data, row_count, language):
    """A job for a checked-over file (its format and columns are right): saved, and its check
    queued, in one transaction."""
    with transaction.atomic():
        job = ImportJob.objects.create(
            content_type=ContentType.objects.get_for_model(model),
            file_name=file_name[:255],
            file_format=file_format,
            data=data,
            row_count=row_count,
            created_by=user,
            language=language,
        )
        check.enqueue(job.pk)
    return job


class JobError(Exception):
    """A step the job's state does not allow; its message says why."""


def confirm(*, job, user):
    """Queue the import of a checked file whose check found no error."""
    if not can_act(job, user):
        raise PermissionDenied
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.state != State.CHECKED or job.report["totals"]["error"]:
            raise JobError(gettext("This import cannot be confirmed in its present state."))
        _set(job, state=State.QUEUED, rows_done=0)
        apply.enqueue(job.pk)
    return job


def discard(*, job, user):
    """Drop a job that is not running (or that has stopped running), with its file."""
    if not can_act(job, user):
        raise PermissionDenied
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        running = job.state in (State.CHECKING, State.IMPORTING)
        if job.state in (State.DONE, State.DISCARDED) or (running and not is_stuck(job)):
            raise JobError(gettext("This import cannot be discarded in its present state."))
        _set(job, state=State.DISCARDED, data=b"", finished_at=timezone.now())
    return job


# The tasks.


def _run(job_id, expected, step):
    """Run a step of a job that is in the `expected` state (a task run twice does nothing the
    second time); a step that raises fails the job with a message instead of leaving it
    running."""
    updated = ImportJob.objects.filter(pk=job_id, state=expected).update(
        state=State.CHECKING if expected == State.WAITING else State.IMPORTING,
        updated_at=timezone.now(),
    )
    if not updated:
        return
    job = ImportJob.objects.select_related("content_type", "created_by").get(pk=job_id)
    try:
        with translation.override(job.language):
            step(job)
    except Exception:
        logger.exception("Background import %s failed", job_id)
        with translation.override(job.language):
            _set(
                job,
                state=State.FAILED,
                data=b"",
                message=gettext(
                    "The import stopped with an error, and nothing was imported. Try again; if "
                    "it fails again, tell the portal's administrator (the error is in the log)."
                ),
                finished_at=timezone.now(),
            )
        raise


@task()
def check(job_id):
    """The dry run of a job's file, part by part, with its report."""
    _run(job_id, State.WAITING, _check)


def _check(job):
    dataset = _dataset(job)
    resource = _resource(job)
    resource.on_row = lambda rows: report_progress(job.pk, rows)
    report = {"rows": [], "base_errors": [], "totals": dict.fromkeys(importing.REPORT_KINDS, 0)}
    for start_row in range(0, len(dataset), importing.CHECK_CHUNK_ROWS):
        part = dataset.subset(
            rows=range(start_row, min(start_row + importing.CHECK_CHUNK_ROWS, len(dataset)))
        )
        resource.row_offset = start_row
        result = resource.read_rows(
            part, dry_run=True, user=job.created_by, file_name=job.file_name
        )
        importing.add_to_report(
            report, importing.import_report(result, resource, first_row=start_row)
        )
        ImportJob.objects.filter(pk=job.pk).update(
            rows_done=start_row + len(part), updated_at=timezone.now()
        )
    _set(
        job,
        state=State.CHECKED,
        report=report,
        rows_done=len(dataset),
        finished_at=timezone.now(),
    )


@task()
def apply(job_id):
    """The import of a confirmed job's file, in one transaction."""
    _run(job_id, State.QUEUED, _apply)


def _apply(job):
    resource = _resource(job)
    resource.on_row = lambda rows: report_progress(job.pk, rows)
    result = importing.import_dataset(
        resource, _dataset(job), user=job.created_by, file_name=job.file_name, job=job
    )
    if result.has_errors() or result.has_validation_errors():
        report = importing.import_report(result, resource)
        report["rows"] = [row for row in report["rows"] if row["kind"] == "error"]
        _set(
            job,
            state=State.FAILED,
            data=b"",
            report=report,
            message=importing.failed_on_import_message(),
            finished_at=timezone.now(),
        )
        return
    _set(job, state=State.DONE, data=b"", rows_done=job.row_count, finished_at=timezone.now())
