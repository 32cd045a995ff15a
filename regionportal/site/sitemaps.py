"""sitemap.xml: every public page in both languages, each with its hreflang alternates and an
x-default (Slovenian, the portal's default language)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from funding.models import Programme
from pillars.models import Pillar
from projects.models import Organisation, Project
from regionportal.base.models import Municipality


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(PortalSitemap):
    """The pages that are one of a kind, by URL name."""

    def items(self):
        return [
            "home",
            "search",
            "about",
            "accessibility",
            "changes",
            "pillars:list",
            "pillars:vision",
            "projects:list",
            "partners:list",
            "partners:countries",
            "partners:agency",
            "funding:index",
            "funding:agreement",
            "funding:perspective",
            "municipalities:list",
        ]

    def location(self, item):
        return reverse(item)


class PillarSitemap(PortalSitemap):
    def items(self):
        return Pillar.objects.only("slug").order_by("order", "pk")


class ProjectSitemap(PortalSitemap):
    def items(self):
        return Project.objects.published().for_sitemap()

    def lastmod(self, project):
        return project.updated_at


class OrganisationSitemap(PortalSitemap):
    def items(self):
        return Organisation.objects.public().only("slug").order_by("slug")


class ProgrammeSitemap(PortalSitemap):
    def items(self):
        return Programme.objects.only("slug").order_by("slug")


class MunicipalitySitemap(PortalSitemap):
    def items(self):
        return Municipality.objects.in_region().only("slug").order_by("slug")


SITEMAPS = {
    "pages": PagesSitemap,
    "pillars": PillarSitemap,
    "projects": ProjectSitemap,
    "partners": OrganisationSitemap,
    "programmes": ProgrammeSitemap,
    "municipalities": MunicipalitySitemap,
}
