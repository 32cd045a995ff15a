from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site layer: the pages and API answers that draw on several apps (home, search,
    pillars, programmes and municipalities with their projects), sitemaps, the API's routing,
    the content loader and backups. It has no models."""

    name = "regionportal.site"
    label = "site"
    verbose_name = _("Site")
