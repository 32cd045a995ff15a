from django.urls import path

from projects.feeds import MunicipalityProjectsFeed
from regionportal.base.exporting import export_path

from . import municipality_pages

app_name = "municipalities"

urlpatterns = [
    path("", municipality_pages.MunicipalityListView.as_view(), name="list"),
    export_path("export", municipality_pages.municipality_export),
    path("<slug:slug>/", municipality_pages.MunicipalityDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", MunicipalityProjectsFeed(), name="feed"),
    path("<slug:slug>/summary.pdf", municipality_pages.municipality_pdf, name="pdf"),
]
