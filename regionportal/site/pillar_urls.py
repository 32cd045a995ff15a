from django.urls import path

from pillars.views import pillar_colours_css
from projects.feeds import PillarProjectsFeed

from . import pillar_pages

app_name = "pillars"

urlpatterns = [
    path("", pillar_pages.PillarListView.as_view(), name="list"),
    path("vision/", pillar_pages.VisionView.as_view(), name="vision"),
    path("colours.css", pillar_colours_css, name="css"),
    path("<slug:slug>/", pillar_pages.PillarDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", PillarProjectsFeed(), name="feed"),
    path("<slug:slug>/summary.pdf", pillar_pages.pillar_pdf, name="pdf"),
]
