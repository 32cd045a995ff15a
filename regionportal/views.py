"""Pages of the site as a whole: home, search, the agency, accessibility, municipalities."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from projects.models import Project

from .forms import SearchForm
from .models import Municipality
from .search import search


class HomeView(TemplateView):
    template_name = "regionportal/home.html"


class SearchView(TemplateView):
    """The search form, and with a query the hits grouped by type (regionportal.search)."""

    template_name = "regionportal/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET if "q" in self.request.GET else None)
        results = None
        if form.is_valid() and form.cleaned_data["q"]:
            results = search(form.cleaned_data["q"])
        return super().get_context_data(form=form, results=results, **kwargs)


class AboutView(TemplateView):
    template_name = "regionportal/about.html"


class AccessibilityView(TemplateView):
    template_name = "regionportal/accessibility.html"


class MunicipalityListView(ListView):
    template_name = "municipalities/list.html"
    context_object_name = "municipalities"

    def get_queryset(self):
        return Municipality.objects.for_list_page()


class MunicipalityDetailView(DetailView):
    """A municipality of the region with the projects and agreement investments there."""

    template_name = "municipalities/detail.html"
    context_object_name = "municipality"

    def get_queryset(self):
        return Municipality.objects.in_region().select_related("region", "source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = Project.objects.published().touching(self.object)
        investments = self.object.agreement_projects.select_related("category__agreement")
        context.update(
            projects=projects.for_list_page(),
            project_totals=projects.budget_totals(),
            investments=investments.prefetch_related("municipalities"),
            investment_totals=investments.totals(),
            breadcrumbs=[(gettext("Municipalities"), reverse("municipalities:list"))],
        )
        return context


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def health(request):
    """For the load balancer: the portal answers and its database does too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
