"""Public pages, mounted under the language prefix (/sl/…, /en/…)."""

from django.urls import include, path

from . import views
from .feeds import ChangesFeed

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("changes/", views.ChangesView.as_view(), name="changes"),
    path("changes/feed/", ChangesFeed(), name="changes-feed"),
    path("accessibility/", views.AccessibilityView.as_view(), name="accessibility"),
    path("pillars/", include("regionportal.site.pillar_urls")),
    path("projects/", include("projects.urls")),
    path("partners/", include("projects.partner_urls")),
    path("funding/", include("regionportal.site.funding_urls")),
    path("municipalities/", include("regionportal.site.municipality_urls")),
]
