"""The read-only JSON API, mounted at /api/v1/ outside the language prefix: one answer holds
both languages."""

from django.urls import path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.routers import DefaultRouter

from projects.api import OrganisationViewSet, ProjectViewSet

from .api import MunicipalityViewSet, PillarViewSet, ProgrammeViewSet, VisionGoalViewSet

app_name = "api"

router = DefaultRouter()
router.register("projects", ProjectViewSet, basename="project")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("pillars", PillarViewSet, basename="pillar")
router.register("goals", VisionGoalViewSet, basename="goal")
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("municipalities", MunicipalityViewSet, basename="municipality")


@extend_schema(exclude=True)
@api_view(["GET"])
def not_found(request, path):
    """Any other address under the API: a JSON 404, as for an unknown record."""
    raise NotFound


urlpatterns = [
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
    # Only addresses ending in a slash: one without is first sent to its slashed form.
    re_path(r"^(?P<path>.*/)$", not_found),
]
