"""The pillars and the 2030/50 vision, with the projects under them: the pages of the
pillars app that show projects, put together here, above both apps."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from pillars.models import KeyMessage, Pillar, VisionGoal
from projects.filters import project_list_url
from projects.models import Project
from projects.tables import FIRST_ROWS
from regionportal.base.charts import BarChart, ChartItem
from regionportal.base.languages import fallback_language
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.pdf import pdf_response, render_pdf


def pillars_for_list_page():
    """The pillars, each with the number and the summed total budget of the published projects
    whose primary pillar it is (a project counts under its primary pillar only)."""
    figures = Project.objects.published().figures_per(
        "project_pillars__pillar", project_pillars__is_primary=True
    )
    return Pillar.objects.annotate(
        primary_project_count=figures["project_count"], primary_budget=figures["total_budget"]
    )


# A vision goal names this many of the projects that serve it, then links to the list.
FIRST_PROJECTS_PER_GOAL = 10


def goals_for_vision_page():
    """The vision goals in the vision page's order, each with the first
    FIRST_PROJECTS_PER_GOAL of the published projects that serve it, by acronym
    (`first_projects`); the project list's goal filter shows them all. with_project_counts()
    gives them their counts."""
    return VisionGoal.objects.for_vision_page().prefetch_related(
        Prefetch(
            "projects",
            queryset=Project.objects.published().first_of_each_goal(FIRST_PROJECTS_PER_GOAL),
            to_attr="first_projects",
        )
    )


def with_project_counts(goals):
    """The goals, each with the number of published projects that serve it (`project_count`),
    counted for every goal at once and kept per content version."""
    counts = kept_per_content_version(
        "goal-project-counts", lambda: Project.objects.published().count_per_goal()
    )
    goals = list(goals)
    for goal in goals:
        goal.project_count = counts.get(goal.pk, 0)
    return goals


class PillarListView(ListView):
    template_name = "pillars/list.html"
    context_object_name = "pillars"

    def get_queryset(self):
        return kept_per_content_version(
            "pillars-with-figures", lambda: list(pillars_for_list_page())
        )

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
                    lang=fallback_language(pillar, "name"),
                )
                for pillar in context["pillars"]
            ],
            money=True,
        )
        return context


def pillar_projects_context(pillar):
    """What a pillar's page and its PDF summary show of its projects: the first FIRST_ROWS
    published projects under it (those whose primary pillar it is first), the count and sums
    of them all, and the address of the project list showing them all."""

    def counted():
        projects = Project.objects.published().for_pillar_page(pillar)
        return {"projects": list(projects[:FIRST_ROWS]), "project_totals": projects.totals()}

    return {
        **kept_per_content_version(f"pillar-projects:{pillar.pk}", counted),
        "all_projects_url": project_list_url(pillar=pillar.slug),
    }


class PillarDetailView(DetailView):
    template_name = "pillars/detail.html"
    context_object_name = "pillar"

    def get_queryset(self):
        return Pillar.objects.for_detail_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(pillar_projects_context(self.object))
        context["breadcrumbs"] = [(_("Pillars"), reverse("pillars:list"))]
        return context


@require_GET
def pillar_pdf(request, slug):
    """A pillar's summary as a PDF, in the language of the address: its model, potentials,
    examples and goals, and the first of its projects with the sums of them all."""
    pillar = get_object_or_404(Pillar.objects.for_detail_page(), slug=slug)
    context = {"pillar": pillar, **pillar_projects_context(pillar)}
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
        context["goals"] = kept_per_content_version(
            "vision-goals", lambda: with_project_counts(goals_for_vision_page())
        )
        return context
