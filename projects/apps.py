from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects and partners")

    def ready(self):
        from regionportal.base import links

        from .models import ProjectLink

        # `manage.py check_links` (in the base, which does not import projects) also checks
        # the addresses that projects' pages cite.
        links.cites_addresses(lambda: ProjectLink.objects.values_list("url", flat=True))
