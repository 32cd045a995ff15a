"""WSGI entry point for production servers: Django, behind the page cache's fast answer for a
page that is kept (regionportal.base.page_cache.PageCacheApplication)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regionportal.settings")

# Sets Django up, which the page cache's module needs before it is imported.
django_application = get_wsgi_application()

from regionportal.base.page_cache import PageCacheApplication  # noqa: E402

application = PageCacheApplication(django_application)
