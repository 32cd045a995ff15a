"""The pillars and the 2030/50 vision."""

import hashlib

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from projects.models import Project
from regionportal.charts import BarChart, ChartItem
from regionportal.pdf import pdf_response, render_pdf

from .models import KeyMessage, Pillar, VisionGoal


class PillarListView(ListView):
    template_name = "pillars/list.html"
    context_object_name = "pillars"

    def get_queryset(self):
        return Pillar.objects.for_list_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["key_messages"] = KeyMessage.objects.in_bulk(
            [KeyMessage.Kind.SMART_INTEGRATION, KeyMessage.Kind.MORAL_CORE], field_name="kind"
        )
        context["budget_chart"] = BarChart(
            chart_id="budget-by-pillar",
            title=_("Total budget of the projects by their primary pillar"),
            description=_(
                "A bar chart of the summed total budgets of the published projects, by primary "
                "pillar. The table below gives the same figures."
            ),
            label_heading=_("Pillar"),
            value_heading=_("Total budget of its projects"),
            items=[
                ChartItem(
                    pillar.name,
                    pillar.primary_budget,
                    url=pillar.get_absolute_url(),
                    colour=pillar.colour,
                )
                for pillar in context["pillars"]
            ],
            money=True,
        )
        return context


def pillar_projects(pillar):
    """The published projects under the pillar, those whose primary pillar it is first."""
    return (
        Project.objects.published()
        .of_pillar(pillar)
        .with_agency_share()
        .select_related("programme")
        .order_by("-is_primary_pillar", "-start_date", "acronym")
    )


class PillarDetailView(DetailView):
    template_name = "pillars/detail.html"
    context_object_name = "pillar"

    def get_queryset(self):
        return Pillar.objects.for_detail_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = pillar_projects(self.object)
        context["breadcrumbs"] = [(_("Pillars"), reverse("pillars:list"))]
        return context


@require_GET
def pillar_pdf(request, slug):
    """A pillar's summary as a PDF, in the language of the address: its model, potentials,
    examples and goals, and its projects with their sums."""
    pillar = get_object_or_404(Pillar.objects.for_detail_page(), slug=slug)
    projects = pillar_projects(pillar)
    context = {"pillar": pillar, "projects": projects, "project_totals": projects.budget_totals()}
    pdf = render_pdf(
        "pdf/pillar.html", context, request=request, page_path=pillar.get_absolute_url()
    )
    return pdf_response(pdf, slug=pillar.slug)


class VisionView(TemplateView):
    template_name = "pillars/vision.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overall_vision"] = KeyMessage.objects.filter(
            kind=KeyMessage.Kind.OVERALL_VISION
        ).first()
        context["goals"] = VisionGoal.objects.for_vision_page()
        return context


# Every page links the colours: browsers keep them for a few minutes, so that a colour staff
# change shows within that time, and then ask again, answered 304 while they are the same.
COLOURS_MAX_AGE = 5 * 60


@require_GET
def pillar_colours_css(request):
    """Each pillar's colour as a CSS class: the colours are content that staff edit."""
    rules = [
        f".pillar--{pillar.slug} {{ --pillar-colour: {pillar.colour}; }}"
        for pillar in Pillar.objects.only("slug", "colour")
    ]
    css = "\n".join(rules) + "\n"
    etag = quote_etag(hashlib.sha256(css.encode()).hexdigest()[:32])
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=COLOURS_MAX_AGE)
    return get_conditional_response(request, etag=etag, response=response)
