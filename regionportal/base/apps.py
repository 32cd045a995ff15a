from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """The base layer: sources, the region and its municipalities, shared field types and
    helpers. Its label stays "regionportal", the label its tables, migrations, content types and
    permissions have had since the first release."""

    name = "regionportal.base"
    label = "regionportal"
    verbose_name = _("Region and municipalities")

    def ready(self):
        from . import page_cache
        from .text import unaccent

        page_cache.connect_signals()

        def register_unaccent_on_sqlite(sender, connection, **kwargs):
            """SQLite has no unaccent: give it one that folds as PostgreSQL's extension
            does, so that search ignores č/š/ž/ć/đ on both databases."""
            if connection.vendor == "sqlite":
                connection.connection.create_function("unaccent", 1, unaccent, deterministic=True)

        connection_created.connect(
            register_unaccent_on_sqlite, weak=False, dispatch_uid="regionportal_sqlite_unaccent"
        )


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site, which asks staff for their second factor."""

    # Named in INSTALLED_APPS in place of django.contrib.admin; not the config of this app.
    default = False
    default_site = "regionportal.base.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # django-otp's own device admins show and edit the secrets of staff's apps, in English;
        # a superuser resets someone's second factor with the action on the user list instead.
        self.module.site.unregister([TOTPDevice, StaticDevice])
        # django-tasks-db's list of queued task rows: staff follow a background import on its
        # own page, and the raw rows (arguments, tracebacks) are for the log, not the admin.
        from django_tasks_db.models import DBTaskResult

        self.module.site.unregister(DBTaskResult)
