"""The API's answers that carry figures of projects: pillars, vision goals, programmes and
municipalities. Their serializers belong to their apps; the querysets, which count and sum
projects, are put together here, above the apps."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers, viewsets

from funding.api import ProgrammeSerializer
from funding.models import Programme
from pillars.api import PillarSerializer, VisionGoalSerializer
from regionportal.base.api import PageUrlsField, api_url, read_only_api
from regionportal.base.models import Municipality
from regionportal.base.page_cache import kept_per_content_version

from .funding_pages import with_figures
from .municipality_pages import municipalities_for_list_page
from .pillar_pages import goals_for_vision_page, pillars_for_list_page, with_project_counts


class KeptListViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only viewset of a short list without filters whose records carry figures of
    projects (records()): the list is worked out once per content version and kept, as the
    pages that show it keep theirs; a record's own address reads it from the database."""

    lookup_field = "slug"

    def records(self):
        raise NotImplementedError

    def get_queryset(self):
        # The schema's generator (swagger_fake_view) asks for the list's model alone; records()
        # may look rows up as it is made (the first projects of each goal).
        if getattr(self, "swagger_fake_view", False):
            return self.serializer_class.Meta.model.objects.none()
        if self.action == "list":
            return kept_per_content_version(f"api:{self.basename}", lambda: list(self.records()))
        return self.records()

    def add_figures(self, records):
        """Give the records answered figures kept apart from them (per content version for
        every record), where records() does not carry them."""

    def get_serializer(self, instance=None, *args, **kwargs):
        if instance is not None:
            self.add_figures(instance if kwargs.get("many") else [instance])
        return super().get_serializer(instance, *args, **kwargs)


@read_only_api(PillarSerializer)
class PillarViewSet(KeptListViewSet):
    """The four pillars of the integral green region, in their order."""

    serializer_class = PillarSerializer

    def records(self):
        return pillars_for_list_page().order_by("order", "pk")


@read_only_api(VisionGoalSerializer)
class VisionGoalViewSet(KeptListViewSet):
    """The goals of the 2030/50 vision by pillar (the region as a whole last) and horizon."""

    serializer_class = VisionGoalSerializer

    def records(self):
        # goals_for_vision_page() orders by pillar, horizon and order; the key makes it total.
        return goals_for_vision_page().order_by(
            F("pillar__order").asc(nulls_last=True), "horizon", "order", "pk"
        )

    def add_figures(self, records):
        with_project_counts(records)


@read_only_api(ProgrammeSerializer)
class ProgrammeViewSet(KeptListViewSet):
    """Funding programmes by kind, with the number of their published projects and the sums
    of those projects' budgets and of the agency's shares."""

    serializer_class = ProgrammeSerializer

    def records(self):
        return Programme.objects.in_kind_order()

    def add_figures(self, records):
        with_figures(records)


class MunicipalitySerializer(serializers.ModelSerializer):
    """A municipality of the region."""

    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    area_km2 = serializers.DecimalField(
        max_digits=8, decimal_places=1, allow_null=True, read_only=True
    )
    project_count = serializers.IntegerField(
        read_only=True, help_text=_("Published projects that touch it, directly or by a place.")
    )
    agreement_project_count = serializers.IntegerField(
        read_only=True, help_text=_("Investments of the regional development agreement in it.")
    )
    url = api_url("municipality-detail")
    page_url = PageUrlsField()

    class Meta:
        model = Municipality
        fields = [
            "slug",
            "name",
            "iso_code",
            "is_urban",
            "region",
            "area_km2",
            "population",
            "population_year",
            "project_count",
            "agreement_project_count",
            "url",
            "page_url",
        ]


@read_only_api(MunicipalitySerializer)
class MunicipalityViewSet(KeptListViewSet):
    """The municipalities of the region by name, each with the number of published projects
    and of agreement investments in it."""

    serializer_class = MunicipalitySerializer

    def records(self):
        return municipalities_for_list_page().select_related("region").order_by("name", "pk")
