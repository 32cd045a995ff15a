"""The funding page and the programmes' pages, with the published projects of each programme
and their sums: the pages of the funding app that show projects, put together here, above
both apps."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from funding.models import Programme
from funding.views import funding_crumbs
from projects.filters import project_list_url
from projects.models import Project
from projects.tables import FIRST_ROWS
from regionportal.base.charts import BarChart, ChartItem
from regionportal.base.languages import fallback_language
from regionportal.base.page_cache import kept_per_content_version


def programme_figures():
    """Each programme's figures over its published projects (ProjectQuerySet.figures_by), kept
    per content version: {programme key: {"project_count": …, "total_budget": …,
    "agency_share": …}}."""
    return kept_per_content_version(
        "programme-figures", lambda: Project.objects.published().figures_by("programme")
    )


NO_FIGURES = {"project_count": 0, "total_budget": None, "agency_share": None}


def with_figures(programmes):
    """The programmes, each with the number of its published projects and the sums of those
    projects' total budgets and of the agency's shares in them (`project_count`,
    `total_budget`, `agency_share`)."""
    figures = programme_figures()
    programmes = list(programmes)
    for programme in programmes:
        for name, value in figures.get(programme.pk, NO_FIGURES).items():
            setattr(programme, name, value)
    return programmes


# The funding page shows every programme: a few of each one's projects, the rest on its page
# and in the project list.
FIRST_ROWS_PER_PROGRAMME = 5


def with_first_projects(programmes, first_rows):
    """The programmes with the first `first_rows` of their published projects as
    `published_projects` (in one query for all of them)."""
    return programmes.prefetch_related(
        Prefetch(
            "projects",
            queryset=Project.objects.published().first_of_each_programme(first_rows),
            to_attr="published_projects",
        )
    )


def with_project_list_urls(programmes):
    """The programmes, each with `all_projects_url`: the project list showing its projects."""
    for programme in programmes:
        programme.all_projects_url = project_list_url(programme=programme.slug)
    return programmes


def programmes_for_index_page():
    """Programmes proper, by kind, with their figures and first projects: those that fund a
    published project or that the presentation does not name only as a possible source of
    money."""
    return [
        programme
        for programme in with_figures(
            with_first_projects(Programme.objects.in_kind_order(), FIRST_ROWS_PER_PROGRAMME)
        )
        if not programme.is_listed_as_potential or programme.project_count
    ]


class FundingIndexView(TemplateView):
    template_name = "funding/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programmes = with_project_list_urls(
            kept_per_content_version("funding-programmes", programmes_for_index_page)
        )
        context["programmes"] = programmes
        context["potential_sources"] = Programme.objects.potential_sources()
        context["budget_chart"] = BarChart(
            chart_id="budget-by-programme",
            title=_("Total budget of the projects by programme"),
            description=_(
                "A bar chart of the summed total budgets of the published projects of each "
                "programme. The table below gives the same figures."
            ),
            label_heading=_("Programme"),
            value_heading=_("Total budget of its projects"),
            items=[
                ChartItem(
                    programme.name,
                    programme.total_budget,
                    url=programme.get_absolute_url(),
                    lang=fallback_language(programme, "name"),
                )
                for programme in programmes
                if programme.project_count
            ],
            money=True,
        )
        return context


class ProgrammeDetailView(DetailView):
    template_name = "funding/programme.html"
    context_object_name = "programme"

    def get_queryset(self):
        return Programme.objects.for_detail_page()

    def get_object(self, queryset=None):
        programme = with_figures([super().get_object(queryset)])[0]
        # Its own first projects (an index's first rows), not the first of every programme's.
        programme.published_projects = list(
            Project.objects.published()
            .filter(programme=programme)
            .for_programme_page()[:FIRST_ROWS]
        )
        return programme

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        with_project_list_urls([self.object])
        context["breadcrumbs"] = funding_crumbs()
        return context
