"""Pages of the site as a whole: home, search, the agency, accessibility, robots.txt, the
health check and the error pages."""

import datetime
import logging
import uuid

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import TemplateView

from funding.models import DevelopmentAgreement
from pillars.models import KeyMessage, Pillar
from projects import jsonld
from projects.models import Organisation, Project
from regionportal.base.page_cache import kept_per_content_version

from . import public_changes
from .forms import SearchForm
from .search import search

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The way in: the motto and vision, the four pillars, figures counted from the data, the
    latest projects."""

    template_name = "regionportal/home.html"
    latest_count = 4

    def get_context_data(self, **kwargs):
        agency = Organisation.objects.agency()
        return super().get_context_data(
            key_messages={message.kind: message for message in KeyMessage.objects.all()},
            pillars=Pillar.objects.all(),
            **kept_per_content_version("home-figures", self.counted),
            agreement=DevelopmentAgreement.objects.order_by("pk").first(),
            agency_jsonld=jsonld.dumps(jsonld.agency(agency, self.request)) if agency else None,
            **kwargs,
        )

    def counted(self):
        """The figures and the latest projects (kept per content version)."""
        published = Project.objects.published()
        return {
            "figures": published.home_figures(),
            "latest_projects": list(published.for_home_page()[: self.latest_count]),
        }


class SearchView(TemplateView):
    """The search form, and with a query the hits grouped by type (regionportal.site.search)."""

    template_name = "regionportal/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET if "q" in self.request.GET else None)
        results = None
        if form.is_valid() and form.cleaned_data["q"]:
            results = search(form.cleaned_data["q"])
        return super().get_context_data(form=form, results=results, **kwargs)


class AboutView(TemplateView):
    """The agency, its part in the region's development, and how to reach it."""

    template_name = "regionportal/about.html"

    def get_context_data(self, **kwargs):
        agency = Organisation.objects.agency()
        return super().get_context_data(
            agency=agency,
            agreement=DevelopmentAgreement.objects.order_by("pk").first(),
            agency_jsonld=jsonld.dumps(jsonld.agency(agency, self.request)) if agency else None,
            **kwargs,
        )


def page_number(value, page_count):
    """The page that `?page=` names, or the first where it names none of the `page_count`."""
    if value and value.isascii() and value.isdigit() and len(value) <= 9:
        number = int(value)
        if 1 <= number <= page_count:
            return number
    return 1


class ChangesView(TemplateView):
    """The public change log (regionportal.site.public_changes), newest first, 30 a page; a
    `?page=` that names no page gives the first."""

    template_name = "regionportal/changes.html"
    per_page = 30

    def get_context_data(self, **kwargs):
        paginator = Paginator(public_changes.entries(), self.per_page)
        page = paginator.page(page_number(self.request.GET.get("page"), paginator.num_pages))
        return super().get_context_data(page=page, entries=page.object_list, **kwargs)


class AccessibilityView(TemplateView):
    """The accessibility statement (izjava o dostopnosti) that ZDSMA asks for."""

    template_name = "regionportal/accessibility.html"
    # When the statement was prepared; change it with every review of the statement.
    extra_context = {"statement_date": datetime.date(2026, 11, 28)}


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _database_works():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_works():
    # A key of its own for every check: workers checking at the same time do not read each
    # other's value.
    key, value = f"health-check:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    works = cache.get(key) == value
    cache.delete(key)
    return works


HEALTH_CHECKS = {"database": _database_works, "cache": _cache_works}


@require_safe
@never_cache
def health(request):
    """For the load balancer and monitoring: 200 when the database and the cache both answer,
    503 naming the part that does not. The JSON says only "ok" or "unavailable" for each part;
    why one failed goes to the log."""
    checks = {}
    for name, works in HEALTH_CHECKS.items():
        try:
            checks[name] = "ok" if works() else "unavailable"
        except Exception:  # whatever the failure, the part is down and the answer is a 503
            logger.exception("Health check: the %s is unavailable", name)
            checks[name] = "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The error page, rendered without context processors: it must not touch the database,
    which may be the very thing that failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))
