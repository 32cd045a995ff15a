from django.urls import path

from projects.feeds import PillarProjectsFeed

from . import views

app_name = "pillars"

urlpatterns = [
    path("", views.PillarListView.as_view(), name="list"),
    path("vision/", views.VisionView.as_view(), name="vision"),
    path("colours.css", views.pillar_colours_css, name="css"),
    path("<slug:slug>/", views.PillarDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", PillarProjectsFeed(), name="feed"),
    path("<slug:slug>/summary.pdf", views.pillar_pdf, name="pdf"),
]
