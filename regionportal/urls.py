"""Root URLs: the admin, sitemap, robots.txt, health check and the JSON API, and the public pages
under a language prefix (/sl/…, /en/…)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from regionportal.site import views
from regionportal.site.sitemaps import SITEMAPS

admin.site.site_header = "RASR – urejanje portala"
admin.site.site_title = "RASR portal"
admin.site.index_title = "Vsebina portala"

handler404 = "regionportal.site.views.page_not_found"
handler500 = "regionportal.site.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("health/", views.health, name="health"),
    path("api/v1/", include("regionportal.site.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("regionportal.site.urls")),
)

# Uploaded images in development (make run): Django serves MEDIA_URL only with DEBUG on (static()
# adds nothing otherwise). In production the proxy serves /media/, or the files come from the
# object storage's own address; documents always go through projects:document.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
