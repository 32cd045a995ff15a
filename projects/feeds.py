"""Atom feeds of new and changed projects: all of them, a pillar's, and those that touch a
municipality. Each in the language of its address, like the page it comes from."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from pillars.models import Pillar
from regionportal.base.languages import fallback_language
from regionportal.base.models import Municipality

from .models import Project

# The latest changes, as feed readers expect; the list page has the rest.
FEED_LENGTH = 50


class ProjectsFeed(Feed):
    """All published projects, the most recently changed first."""

    feed_type = Atom1Feed

    def title(self):
        return _("New and changed projects – Savinjska region")

    def subtitle(self):
        return _(
            "Projects of the Savinjska Regional Development Agency, as they are published or "
            "changed."
        )

    def link(self):
        return reverse("projects:list")

    def feed_url(self):
        return reverse("projects:feed")

    def projects(self, obj):
        return Project.objects.published()

    def items(self, obj):
        return self.projects(obj).for_feed()[:FEED_LENGTH]

    def item_title(self, project):
        return project.headline

    def item_description(self, project):
        # Atom's summary is HTML: the plain text is escaped, its paragraphs kept; a Slovenian
        # summary in an English feed (the fallback of an empty English one) is marked so.
        if not project.summary:
            return None
        paragraphs = linebreaks(project.summary, autoescape=True)
        if language := fallback_language(project, "summary"):
            return f'<div lang="{language}">{paragraphs}</div>'
        return paragraphs

    def item_link(self, project):
        # Also the entry's id: the page's address is unique to the project and the language.
        return project.get_absolute_url()

    def item_pubdate(self, project):
        return project.created_at

    def item_updateddate(self, project):
        return project.updated_at

    def item_categories(self, project):
        return [project_pillar.pillar.name for project_pillar in project.project_pillars.all()]


class PillarProjectsFeed(ProjectsFeed):
    """The published projects under a pillar, as their primary or a secondary one."""

    def get_object(self, request, slug):
        return get_object_or_404(Pillar, slug=slug)

    def title(self, pillar):
        return _("New and changed projects under %(pillar)s") % {"pillar": pillar.name}

    def subtitle(self, pillar):
        return _("Projects under the pillar %(pillar)s, as they are published or changed.") % {
            "pillar": pillar.name
        }

    def link(self, pillar):
        return pillar.get_absolute_url()

    def feed_url(self, pillar):
        return reverse("pillars:feed", kwargs={"slug": pillar.slug})

    def projects(self, pillar):
        return Project.objects.published().of_pillar(pillar)


class MunicipalityProjectsFeed(ProjectsFeed):
    """The published projects that touch a municipality, directly or through a place there."""

    def get_object(self, request, slug):
        return get_object_or_404(Municipality.objects.in_region(), slug=slug)

    def title(self, municipality):
        return _("New and changed projects in %(municipality)s") % {
            "municipality": municipality.name
        }

    def subtitle(self, municipality):
        return _("Projects that touch %(municipality)s, as they are published or changed.") % {
            "municipality": municipality.name
        }

    def link(self, municipality):
        return municipality.get_absolute_url()

    def feed_url(self, municipality):
        return reverse("municipalities:feed", kwargs={"slug": municipality.slug})

    def projects(self, municipality):
        return Project.objects.published().touching(municipality)
