"""Partner organisations: the same models as projects, their own section of the site."""

from django.urls import path

from regionportal.base.exporting import export_path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="list"),
    export_path("export", views.organisation_export),
    path("countries/", views.CountryOverviewView.as_view(), name="countries"),
    path("agency/", views.AgencyView.as_view(), name="agency"),
    path("agency/summary.pdf", views.agency_pdf, name="agency-pdf"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
]
