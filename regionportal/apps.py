from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionPortalConfig(AppConfig):
    name = "regionportal"
    verbose_name = _("Region and municipalities")
