"""Projects and partner organisations: the lists, a page per project and per organisation, and
the agency's own page."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from funding.models import AgencyRecord
from regionportal.base import exporting
from regionportal.base.charts import BarChart, ChartItem
from regionportal.base.country_names import country_name
from regionportal.base.documents import CONTENT_TYPES
from regionportal.base.formatting import percent_of
from regionportal.base.models import Region
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.pdf import pdf_response, render_pdf
from regionportal.base.publishing import can_preview, preview_headers

from . import jsonld
from .exports import OperationsExport, OrganisationExport, PartnershipExport, ProjectExport
from .filters import OrganisationFilter, ProjectFilter, country_choices, project_list_url
from .models import Organisation, Partnership, Project, ProjectDocument, ProjectResult
from .tables import (
    DEFAULT_PER_PAGE,
    FIRST_ROWS,
    BoundedPaginator,
    OrganisationTable,
    ProjectTable,
    RowsByPage,
)


class FilteredTableView(SingleTableMixin, FilterView):
    """A filter form above a sortable, paged table; every setting is in the address.

    Not strict: a filter with a value it cannot use shows its error and is left out, and the
    other filters still apply.
    """

    strict = False
    table_pagination = {"per_page": DEFAULT_PER_PAGE, "paginator_class": BoundedPaginator}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        table = context["table"]
        context["page_not_found"] = self.page_not_found(table)
        # Only a sort order the table understood is kept when the filters change.
        context["current_sort"] = ",".join(table.order_by or ())
        return context

    def page_not_found(self, table):
        """Whether the address asks for a page other than the one shown (past the end, or not
        a page number at all); django-tables2 then shows the last or the first page."""
        asked = self.request.GET.get("page", "").strip()
        if not asked:
            return False
        try:
            return int(asked) != table.page.number
        except ValueError:
            return True


class ProjectListView(FilteredTableView):
    template_name = "projects/list.html"
    filterset_class = ProjectFilter
    table_class = ProjectTable

    def get_queryset(self):
        return Project.objects.published().for_list_page()

    def get_table_data(self):
        return RowsByPage(super().get_table_data())


# The kinds of results, in the order and under the headings a project's page shows them.
RESULT_GROUPS = [
    (_("Targets and objectives"), {ProjectResult.Kind.TARGET, ProjectResult.Kind.OBJECTIVE}),
    (
        _("Deliverables and outputs"),
        {ProjectResult.Kind.DELIVERABLE, ProjectResult.Kind.OUTPUT},
    ),
    (_("Events"), {ProjectResult.Kind.EVENT}),
]


def project_context(project):
    """What a project's page and its PDF summary show besides the project itself (fetched with
    for_detail_page()): its results by kind, the agency's share as a percentage, and as
    `preview` the project itself when the public does not see it (staff see a preview)."""
    results = project.results.all()
    return {
        "project": project,
        "preview": None if project.is_public else project,
        "result_groups": [
            (heading, [result for result in results if result.kind in kinds])
            for heading, kinds in RESULT_GROUPS
        ],
        "agency_share_percent": percent_of(project.agency_share, project.total_budget),
    }


def projects_for_request(request):
    """The projects whose pages (and PDFs and documents) the request may open: the published
    ones, and for staff who may preview them (regionportal.base.publishing.can_preview) every
    project."""
    if can_preview(request, Project):
        return Project.objects.all()
    return Project.objects.published()


def projects_for_page(request):
    """The projects of projects_for_request(), with what a project's page shows."""
    return projects_for_request(request).for_detail_page()


class ProjectDetailView(DetailView):
    """A project's page; for staff also a preview of a project that is not public (a banner
    says so, and the page is never cached or indexed)."""

    template_name = "projects/detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return projects_for_page(self.request)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["preview"]:
            preview_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        context.update(project_context(project))
        context["jsonld"] = jsonld.dumps(jsonld.project(project, self.request))
        context["breadcrumbs"] = [(_("Projects"), reverse("projects:list"))]
        return context


@require_GET
def project_pdf(request, slug):
    """A published project's summary as a PDF, in the language of the address; for staff also
    a preview of one that is not public, marked as such and never cached."""
    project = get_object_or_404(projects_for_page(request), slug=slug)
    context = project_context(project)
    pdf = render_pdf(
        "pdf/project.html",
        context,
        request=request,
        page_path=project.get_absolute_url(),
        cached=not context["preview"],
    )
    response = pdf_response(pdf, slug=project.slug)
    if context["preview"]:
        preview_headers(response)
    return response


@require_GET
def project_document(request, slug, document_id):
    """A project's document as a download under a safe name (its title), for a published
    project; for staff who may preview it also that of a project that is not public.

    Never shown in the browser as a page of the portal: an attachment, its type not sniffed,
    and sandboxed (Content-Security-Policy: sandbox) should a browser open it anyway.
    """
    project = get_object_or_404(projects_for_request(request), slug=slug)
    document = get_object_or_404(ProjectDocument, pk=document_id, project=project)
    try:
        file = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The document's file is missing from the storage.") from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=document.download_name,
        content_type=CONTENT_TYPES[document.kind],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    if not project.is_public:
        preview_headers(response)
    return response


@require_GET
def project_export(request, fmt):
    """The project list, filtered and sorted as the address asks, as CSV, XLSX or JSON."""
    projects = Project.objects.published().for_export()
    return exporting.list_export_response(
        request,
        fmt,
        ProjectExport(),
        filterset=ProjectFilter(request.GET, queryset=projects, request=request),
        table_class=ProjectTable,
        list_url=reverse("projects:list"),
    )


@require_GET
def operations_export(request, fmt):
    """The list of operations (the listed projects selected for funding) as CSV or XLSX; the
    project list's filters and sort order apply."""
    export = OperationsExport(
        agency=Organisation.objects.agency(),
        # The portal's region: the one its municipalities lie in.
        region=Region.objects.order_by("pk").first(),
    )
    projects = Project.objects.published().operations().for_export()
    return exporting.list_export_response(
        request,
        fmt,
        export,
        filterset=ProjectFilter(request.GET, queryset=projects, request=request),
        table_class=ProjectTable,
        list_url=reverse("projects:list"),
    )


@require_GET
def partnerships_export(request, fmt):
    """Who takes part in the projects the list shows (filtered as the address asks), one row
    per project and organisation, as CSV, XLSX or JSON."""
    filterset = ProjectFilter(request.GET, queryset=Project.objects.published(), request=request)
    if not filterset.is_valid():
        list_url = reverse("projects:list")
        return exporting.bad_filters_response(request, filterset, list_url=list_url)
    partnerships = filterset.qs.partnerships_for_export()
    return exporting.export_response(request, PartnershipExport(), partnerships, fmt)


class OrganisationListView(FilteredTableView):
    template_name = "partners/list.html"
    filterset_class = OrganisationFilter
    table_class = OrganisationTable

    def get_queryset(self):
        # Each organisation checked through its own partnerships: a page of 20 read in the
        # name's index stops once it is full, where public() first lists every partnership in
        # a published project (0.5 s at 100,000 projects on PostgreSQL, for any page).
        return Organisation.objects.public_checked_each().for_list_page()

    def get_table_data(self):
        # The page's organisations, once picked, are public: not checked again.
        return RowsByPage(super().get_table_data(), rows=Organisation.objects.for_list_page())


@require_GET
def organisation_export(request, fmt):
    """The partner list, filtered and sorted as the address asks, as CSV, XLSX or JSON."""
    return exporting.list_export_response(
        request,
        fmt,
        OrganisationExport(),
        filterset=OrganisationFilter(
            request.GET, queryset=Organisation.objects.public().for_list_page(), request=request
        ),
        table_class=OrganisationTable,
        list_url=reverse("partners:list"),
    )


def page_of(request, rows):
    """The page of the rows that the address asks for (?page=), DEFAULT_PER_PAGE of them; the
    first or the last page where it asks for one that is not a number or past the end, with
    `not_found` set then (the page says so)."""
    asked = request.GET.get("page", "").strip()
    page = Paginator(rows, DEFAULT_PER_PAGE).get_page(asked)
    try:
        page.not_found = bool(asked) and int(asked) != page.number
    except ValueError:
        page.not_found = True
    return page


class OrganisationDetailView(DetailView):
    template_name = "partners/detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.public_checked_each().for_detail_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partnerships = Partnership.objects.filter(organisation=self.object)
        page = page_of(self.request, partnerships.for_organisation_page())
        context["partnerships"] = page
        context["page_not_found"] = page.not_found
        context["jsonld"] = jsonld.dumps(
            jsonld.organisation(
                self.object, self.request, [partnership.project for partnership in page]
            )
        )
        context["breadcrumbs"] = [(_("Partners"), reverse("partners:list"))]
        return context


def agency_portfolio_context():
    """The agency's portfolio, for its page and its PDF summary: the agency, the first
    FIRST_ROWS of its projects (each with its role and share) and of the projects it runs
    without a partnership, the counted figures of them all, the addresses of the project list
    showing them all, its partner countries and the figures it states. Raises Http404 when no
    organisation is marked as the agency."""
    agency = Organisation.objects.for_detail_page().agency()
    if agency is None:
        raise Http404("No organisation is marked as the agency.")
    portfolio = kept_per_content_version("agency-portfolio", _agency_portfolio)
    projects, figures = portfolio["projects"], portfolio["figures"]
    for project in projects:
        project.agency_role_label = Partnership.Role(project.agency_role).label
        project.agency_share_percent = percent_of(project.agency_share, project.total_budget)
    Role = ProjectFilter.AgencyRole
    return {
        "agency": agency,
        "projects": projects,
        "other_projects": portfolio["other_projects"],
        # The rest of the published projects: counted as the difference rather than by
        # looking for the agency's partnership in each of them.
        "other_project_count": portfolio["project_count"] - figures["project_count"],
        "figures": figures,
        "partner_project_count": figures["project_count"] - figures["lead_project_count"],
        "lead_projects_url": project_list_url(role=Role.LEAD),
        "partner_projects_url": project_list_url(role=Role.PARTNER),
        "other_projects_url": project_list_url(role=Role.NONE),
        "share_percent": percent_of(figures["agency_share"], figures["total_budget"]),
        "countries": country_choices(portfolio["countries"]),
        "record": AgencyRecord.objects.select_related("source").first(),
    }


def _agency_portfolio():
    """What agency_portfolio_context() counts over all the published projects (kept per content
    version): the first rows, the figures, the number of projects and the partner countries."""
    published = Project.objects.published()
    return {
        "projects": list(published.for_agency_page()[:FIRST_ROWS]),
        "other_projects": list(published.without_agency()[:FIRST_ROWS]),
        "figures": published.agency_figures(),
        "project_count": published.count(),
        "countries": list(Organisation.objects.agency_partner_countries()),
    }


class AgencyView(TemplateView):
    """The agency's portfolio, with the figures it states beside those counted."""

    template_name = "partners/agency.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(agency_portfolio_context())
        context.update(
            jsonld=jsonld.dumps(
                jsonld.organisation(context["agency"], self.request, context["projects"])
            ),
            breadcrumbs=[(_("Partners"), reverse("partners:list"))],
        )
        return context


@require_GET
def agency_pdf(request):
    """The agency's portfolio as a PDF, in the language of the address."""
    context = agency_portfolio_context()
    pdf = render_pdf(
        "pdf/agency.html", context, request=request, page_path=reverse("partners:agency")
    )
    return pdf_response(pdf, slug=context["agency"].slug)


class CountryOverviewView(TemplateView):
    """Per country: the agency's partner organisations and the projects they take part in."""

    template_name = "partners/countries.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = [
            {**row, "name": country_name(row["country"])}
            for row in Organisation.objects.per_country()
        ]
        context["countries"] = rows
        context["partners_chart"] = BarChart(
            chart_id="partners-by-country",
            title=_("Partner organisations by country"),
            description=_(
                "A bar chart of the number of partner organisations from each country. The "
                "table below gives the same figures, with the number of projects."
            ),
            label_heading=_("Country"),
            value_heading=_("Partner organisations"),
            items=[ChartItem(row["name"], row["partner_count"]) for row in rows],
        )
        return context
