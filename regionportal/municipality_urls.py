from django.urls import path

from projects.feeds import MunicipalityProjectsFeed

from . import views
from .exporting import export_path

app_name = "municipalities"

urlpatterns = [
    path("", views.MunicipalityListView.as_view(), name="list"),
    export_path("export", views.municipality_export),
    path("<slug:slug>/", views.MunicipalityDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", MunicipalityProjectsFeed(), name="feed"),
    path("<slug:slug>/summary.pdf", views.municipality_pdf, name="pdf"),
]
