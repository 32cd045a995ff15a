"""The region's municipalities with the published projects and the agreement investments in
each: their list, pages, PDF summaries and the list's download."""

from django.db.models import OuterRef, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from funding.models import AgreementProject
from projects.filters import project_list_url
from projects.models import Project
from projects.tables import FIRST_ROWS
from regionportal.base import exporting
from regionportal.base.aggregates import subquery_count
from regionportal.base.models import Municipality
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.pdf import pdf_response, render_pdf

from .exports import MunicipalityExport


def municipalities_for_list_page():
    """The region's municipalities, each with the number of published projects that touch it
    (directly or through a related place, each project once) and of agreement investments in
    it."""
    return Municipality.objects.in_region().annotate(
        project_count=Project.objects.published().count_touching_each(),
        # The join counts a project once per other municipality; subquery_count counts
        # distinct projects.
        agreement_project_count=subquery_count(
            AgreementProject.objects.published().filter(
                Q(lead_municipality=OuterRef("pk")) | Q(municipalities=OuterRef("pk"))
            )
        ),
    )


def municipalities_for_export():
    """The list page's rows with their region, for the download of the list."""
    return municipalities_for_list_page().select_related("region")


class MunicipalityListView(ListView):
    template_name = "municipalities/list.html"
    context_object_name = "municipalities"

    def get_queryset(self):
        return kept_per_content_version(
            "municipalities-with-figures", lambda: list(municipalities_for_list_page())
        )


@require_GET
def municipality_export(request, fmt):
    """The municipality list as CSV, XLSX or JSON. The list has no filters: the address's
    parameters are ignored, as the page ignores them."""
    municipalities = municipalities_for_export()
    return exporting.export_response(request, MunicipalityExport(), municipalities, fmt)


def municipality_context(municipality):
    """What a municipality's page and its PDF summary show: the first FIRST_ROWS published
    projects that touch it with the count and sums of them all and the address of the project
    list showing them all, and the first FIRST_ROWS published agreement investments it leads
    or takes part in with the count and sums of them all (the agreement's page lists them
    all)."""

    def counted():
        projects = Project.objects.published()
        investments = AgreementProject.objects.published().involving(municipality)
        return {
            "projects": list(projects.for_municipality_page(municipality)[:FIRST_ROWS]),
            "project_totals": projects.touching(municipality).totals(),
            "investments": list(investments.for_list()[:FIRST_ROWS]),
            "investment_totals": investments.totals(),
        }

    return {
        "municipality": municipality,
        **kept_per_content_version(f"municipality-projects:{municipality.pk}", counted),
        "all_projects_url": project_list_url(municipality=municipality.slug),
    }


class MunicipalityDetailView(DetailView):
    """A municipality of the region with the projects and agreement investments there."""

    template_name = "municipalities/detail.html"
    context_object_name = "municipality"

    def get_queryset(self):
        return Municipality.objects.for_detail_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            municipality_context(self.object),
            breadcrumbs=[(_("Municipalities"), reverse("municipalities:list"))],
        )
        return context


@require_GET
def municipality_pdf(request, slug):
    """A municipality's summary as a PDF, in the language of the address."""
    municipality = get_object_or_404(Municipality.objects.for_detail_page(), slug=slug)
    pdf = render_pdf(
        "pdf/municipality.html",
        municipality_context(municipality),
        request=request,
        page_path=municipality.get_absolute_url(),
    )
    return pdf_response(pdf, slug=municipality.slug)
