from django.urls import path

from funding import views
from regionportal.base.exporting import export_path

from . import funding_pages

app_name = "funding"

urlpatterns = [
    path("", funding_pages.FundingIndexView.as_view(), name="index"),
    path("agreement/", views.AgreementView.as_view(), name="agreement"),
    export_path("agreement-export", views.agreement_export, stem="agreement/export"),
    path("2021-2027/", views.PerspectiveView.as_view(), name="perspective"),
    path("programmes/<slug:slug>/", funding_pages.ProgrammeDetailView.as_view(), name="programme"),
]
