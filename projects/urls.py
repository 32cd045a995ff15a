from django.urls import path

from regionportal.base.exporting import export_path

from . import views
from .feeds import ProjectsFeed

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    export_path("export", views.project_export),
    export_path("operations", views.operations_export, stem="operations", formats=("csv", "xlsx")),
    export_path("partnerships", views.partnerships_export, stem="partnerships"),
    # Before the project pages: "feed" is not a project.
    path("feed/", ProjectsFeed(), name="feed"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("<slug:slug>/summary.pdf", views.project_pdf, name="pdf"),
    path(
        "<slug:slug>/documents/<int:document_id>/",
        views.project_document,
        name="document",
    ),
]
