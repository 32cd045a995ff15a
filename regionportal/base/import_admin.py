"""The admin's side of the spreadsheet imports (regionportal.base.importing): the upload and its
dry run, the confirmation, the template file, and the page of an import too large for one
request, which a background task checks and applies (regionportal.base.import_jobs)."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext
from import_export.formats.base_formats import XLSX
from import_export.forms import ImportForm
from import_export.results import RowResult

from . import import_jobs
from .importing import (
    IMPORT_FORMATS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    REQUEST_ROWS,
    ImportFileError,
    failed_on_import_message,
    import_dataset,
    import_report,
)
from .middleware import manages_own_revisions
from .models import ImportJob

# Rows of a background import's report on one page.
REPORT_ROWS_PER_PAGE = 200
# Background imports listed on the import page.
RECENT_JOBS = 5


class PortalImportForm(ImportForm):
    """The upload: refused by its size before it is read, then parsed and its columns checked,
    so that a bad file says why before any row is looked at."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.resource_classes = resources
        self.row_count = 0

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("import_file")
        fmt = cleaned_data.get("format")
        if upload is None or fmt in (None, ""):
            return cleaned_data
        if upload.size > MAX_IMPORT_BYTES:
            self.add_error(
                "import_file",
                gettext(
                    "The file is %(size)s MB; an import takes at most %(max)s MB (about "
                    "%(rows)s rows). Split it into smaller files."
                )
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ","),
                    "max": MAX_IMPORT_BYTES // 1024 // 1024,
                    "rows": f"{MAX_IMPORT_ROWS:,}".replace(",", "."),
                },
            )
            return cleaned_data
        try:
            input_format = self.formats[int(fmt)]()
            data = b"".join(upload.chunks())
            upload.seek(0)
            dataset = input_format.create_dataset(data)
            resource_index = int(cleaned_data.get("resource") or 0)
            self.resource_classes[resource_index]().check_columns(list(dataset.headers))
            # For a file checked in the background: its content, format and number of rows.
            self.file_data, self.file_format, self.row_count = (
                data,
                input_format.get_extension(),
                len(dataset),
            )
        except ImportFileError as error:
            self.add_error("import_file", str(error))
        except (ValueError, IndexError):
            self.add_error("import_file", gettext("Choose the file's format."))
        return cleaned_data


class PortalImportMixin:
    """For an admin of the portal (before its VersionAdmin in the bases): a spreadsheet import
    and an export of the same columns, with the portal's checks, one revision per import and the
    dry run's report row by row.

    Editors import (the model's add and change permissions); reviewers, who may only view, do
    not; publishing is not needed, as imported records arrive as drafts.
    """

    import_template_name = "admin/import_export/portal_import.html"
    import_form_class = PortalImportForm
    import_error_display = ("message",)
    skip_admin_log = True
    formats = IMPORT_FORMATS
    import_formats = IMPORT_FORMATS
    export_formats = IMPORT_FORMATS

    def has_import_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}") and (
            request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_urls(self):
        info = self.get_model_info()
        return [
            path(
                "import/template.xlsx",
                self.admin_site.admin_view(self.import_template_view),
                name="{}_{}_import_template".format(*info),
            ),
            path(
                "import/jobs/<int:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name="{}_{}_import_job".format(*info),
            ),
            path(
                "import/jobs/<int:job_id>/status/",
                self.admin_site.admin_view(self.import_job_status_view),
                name="{}_{}_import_job_status".format(*info),
            ),
            *super().get_urls(),
        ]

    def create_import_form(self, request):
        """One form per request: the check of a large file below reads the upload once, and
        import-export's view then finds the same form, already checked."""
        if not hasattr(request, "_portal_import_form"):
            request._portal_import_form = super().create_import_form(request)
        return request._portal_import_form

    def import_template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0]()
        response = HttpResponse(
            resource.template_workbook(),
            content_type=XLSX.CONTENT_TYPE,
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.opts.model_name}-import.xlsx"'
        )
        return response

    def add_data_read_fail_error_to_form(self, form, e):
        message = (
            str(e) if isinstance(e, ImportFileError) else gettext("The file could not be read.")
        )
        form.add_error("import_file", message)

    @manages_own_revisions
    def process_import(self, request, **kwargs):
        """The confirmation: process_dataset() makes the import's revision."""
        return super().process_import(request, **kwargs)

    @manages_own_revisions
    def import_action(self, request, **kwargs):
        """The upload and its dry run, which makes no revision: its rows are saved and rolled
        back outside any. A file of more than REQUEST_ROWS rows goes to a background job
        instead, whose page follows it."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = self.create_import_form(request)
            if form.is_valid() and form.row_count > REQUEST_ROWS:
                job = import_jobs.start(
                    model=self.model,
                    user=request.user,
                    file_name=form.cleaned_data["import_file"].name,
                    file_format=form.file_format,
                    data=form.file_data,
                    row_count=form.row_count,
                    language=translation.get_language(),
                )
                return redirect(self.import_job_url(job))
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is not None:
            context["recent_jobs"] = [
                (job, self.import_job_url(job))
                for job in self.import_jobs().select_related("created_by")[:RECENT_JOBS]
            ]
            context["request_rows"] = REQUEST_ROWS
            context["max_rows"] = MAX_IMPORT_ROWS
            context["report"] = import_report(context.get("result"), self.import_resource())
            context["template_url_name"] = "admin:{}_{}_import_template".format(
                *self.get_model_info()
            )
            context["title"] = gettext("Import: %(name)s") % {"name": self.opts.verbose_name_plural}
        return response

    def import_resource(self):
        return self.get_import_resource_classes(None)[0]()

    # Background imports.

    def import_jobs(self):
        return ImportJob.objects.filter(content_type=ContentType.objects.get_for_model(self.model))

    def import_job_url(self, job):
        return reverse("admin:{}_{}_import_job".format(*self.get_model_info()), args=[job.pk])

    def _import_job(self, request, job_id):
        if not self.has_import_permission(request):
            raise PermissionDenied
        return get_object_or_404(self.import_jobs().select_related("created_by"), pk=job_id)

    def import_job_view(self, request, job_id):
        """A background import: its progress while it runs; when checked, its report with
        "Potrdi uvoz" and "Zavrzi"; when done, what it did."""
        job = self._import_job(request, job_id)
        if request.method == "POST":
            return self._import_job_step(request, job)
        rows_done, _ = import_jobs.progress(job)
        report = job.report or {"rows": [], "base_errors": [], "totals": {}}
        page = Paginator(report["rows"], REPORT_ROWS_PER_PAGE).get_page(request.GET.get("page"))
        log = getattr(job, "log", None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Import: %(name)s") % {"name": self.opts.verbose_name_plural},
            "job": job,
            "rows_done": rows_done,
            "running": job.state in import_jobs.UNFINISHED,
            "stuck": import_jobs.is_stuck(job),
            "can_act": import_jobs.can_act(job, request.user),
            "report": report,
            "page_obj": page,
            "import_log": log,
            "status_url": reverse(
                "admin:{}_{}_import_job_status".format(*self.get_model_info()), args=[job.pk]
            ),
            "import_url": reverse("admin:{}_{}_import".format(*self.get_model_info())),
            "changelist_url": reverse("admin:{}_{}_changelist".format(*self.get_model_info())),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/import_export/import_job.html", context)

    def _import_job_step(self, request, job):
        step = {"confirm": import_jobs.confirm, "discard": import_jobs.discard}.get(
            request.POST.get("step")
        )
        if step is None:
            messages.error(request, gettext("Choose a step: confirm or discard."))
        else:
            try:
                step(job=job, user=request.user)
            except import_jobs.JobError as error:
                messages.error(request, str(error))
        return redirect(self.import_job_url(job))

    def import_job_status_view(self, request, job_id):
        """The job's state and progress, for the page's script that follows it."""
        job = self._import_job(request, job_id)
        rows_done, _ = import_jobs.progress(job)
        return JsonResponse(
            {
                "state": job.state,
                "label": job.get_state_display(),
                "rows_done": rows_done,
                "row_count": job.row_count,
            }
        )

    def process_dataset(self, dataset, form, request, **kwargs):
        """Import every row in one transaction and one revision, or nothing if a row fails."""
        resource = self.choose_import_resource_class(form, request)(
            **self.get_import_resource_kwargs(request, form=form, **kwargs)
        )
        return import_dataset(
            resource,
            dataset,
            user=request.user,
            file_name=form.cleaned_data.get("original_file_name") or "",
        )

    def process_result(self, result, request):
        info = self.get_model_info()
        if result.has_errors() or result.has_validation_errors():
            messages.error(request, failed_on_import_message())
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*info)))
        totals = result.totals
        messages.success(
            request,
            gettext(
                "Import finished: %(new)s new, %(changed)s changed, %(unchanged)s unchanged. "
                "It can be undone under Imports."
            )
            % {
                "new": totals[RowResult.IMPORT_TYPE_NEW],
                "changed": totals[RowResult.IMPORT_TYPE_UPDATE],
                "unchanged": totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )
        return HttpResponseRedirect(reverse("admin:{}_{}_changelist".format(*info)))
