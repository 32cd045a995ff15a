"""Root URLs: the admin, and the public pages under a language prefix (/sl/…, /en/…)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "RASR – urejanje portala"
admin.site.site_title = "RASR portal"
admin.site.index_title = "Vsebina portala"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("regionportal.public_urls")),
)
