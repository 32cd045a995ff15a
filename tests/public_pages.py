"""The portal's public pages, found from its URL configuration: each page's name and its paths
in a language, with the records behind every page that has a slug."""

from django.urls import URLResolver, reverse
from django.utils import translation

from funding.models import Programme
from pillars.models import Pillar
from projects.models import Organisation, Project
from regionportal.base.models import Municipality
from regionportal.site import urls as public_urls

# Pages that are not HTML: answered, but not checked as pages.
NOT_HTML = {
    "pillars:css",
    "projects:pdf",
    "municipalities:pdf",
    "pillars:pdf",
    "partners:agency-pdf",
    "projects:export",
    "projects:operations",
    "partners:export",
    "municipalities:export",
    "funding:agreement-export",
    "projects:partnerships",
    "projects:feed",
    "pillars:feed",
    "municipalities:feed",
    "changes-feed",
    # A project's document: a download, tested in tests/projects/test_documents.py.
    "projects:document",
}
# The records behind each page with a slug: every one of them must have its page.
DETAIL_PAGES = {
    "pillars:detail": lambda: Pillar.objects.all(),
    "projects:detail": lambda: Project.objects.published(),
    "partners:detail": lambda: Organisation.objects.all(),
    "funding:programme": lambda: Programme.objects.all(),
    "municipalities:detail": lambda: Municipality.objects.in_region(),
}


def url_names(patterns=public_urls.urlpatterns, namespace=""):
    """(name, converters) of every named public URL."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", set(pattern.pattern.converters)


def paths_of(name, language, every_record=True):
    """The paths of one public page in the language: every record's page, or the first one's."""
    with translation.override(language):
        if name not in DETAIL_PAGES:
            return [reverse(name)]
        records = DETAIL_PAGES[name]().order_by("pk")
        if not every_record:
            records = records[:1]
        slugs = [record.slug for record in records]
        assert slugs, f"{name}: the content has no record for this page"
        return [reverse(name, kwargs={"slug": slug}) for slug in slugs]


def html_page_names():
    """The name of every public HTML page."""
    names = []
    for name, converters in url_names():
        if name in NOT_HTML:
            continue
        if converters:
            assert converters == {"slug"}, f"{name}: teach this test its arguments"
            assert name in DETAIL_PAGES, f"{name}: add its records to DETAIL_PAGES"
        names.append(name)
    return names


def public_paths(language, every_record=True):
    """Each public HTML page's path in the language: every record's page, or one per type."""
    return [path for name in html_page_names() for path in paths_of(name, language, every_record)]
