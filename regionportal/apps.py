from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class RegionPortalConfig(AppConfig):
    name = "regionportal"
    verbose_name = _("Region and municipalities")

    def ready(self):
        # The search module needs the models, so it is imported once they are loaded.
        from .search import unaccent

        def register_unaccent_on_sqlite(sender, connection, **kwargs):
            """SQLite has no unaccent: give it one that folds as PostgreSQL's extension
            does, so that search ignores č/š/ž/ć/đ on both databases."""
            if connection.vendor == "sqlite":
                connection.connection.create_function("unaccent", 1, unaccent, deterministic=True)

        connection_created.connect(
            register_unaccent_on_sqlite, weak=False, dispatch_uid="regionportal_sqlite_unaccent"
        )
