from django.urls import path

from regionportal.exporting import export_path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.FundingIndexView.as_view(), name="index"),
    path("agreement/", views.AgreementView.as_view(), name="agreement"),
    export_path("agreement-export", views.agreement_export, stem="agreement/export"),
    path("2021-2027/", views.PerspectiveView.as_view(), name="perspective"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme"),
]
