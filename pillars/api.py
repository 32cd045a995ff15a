"""The API's pillars and vision goals."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from regionportal.base.api import (
    MoneyField,
    OptionalTextField,
    PageUrlsField,
    TranslatedField,
    api_url,
)

from .models import Pillar, VisionGoal


class PillarSerializer(serializers.ModelSerializer):
    """A pillar, with the published projects whose primary pillar it is."""

    name = TranslatedField()
    economic_model = TranslatedField()
    potentials = TranslatedField()
    in_implementation = TranslatedField()
    colour = serializers.CharField(read_only=True, help_text=_("A hex colour, e.g. #2f6b3a."))
    primary_project_count = serializers.IntegerField(
        read_only=True, help_text=_("Published projects whose primary pillar it is.")
    )
    primary_budget = MoneyField(
        help_text=_("The summed total budgets of those projects; null where none is stated.")
    )
    url = api_url("pillar-detail")
    page_url = PageUrlsField()

    class Meta:
        model = Pillar
        fields = [
            "slug",
            "order",
            "name",
            "economic_model",
            "potentials",
            "in_implementation",
            "colour",
            "primary_project_count",
            "primary_budget",
            "url",
            "page_url",
        ]


class IndicatorValueSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    year = serializers.IntegerField(allow_null=True)

    class Meta:
        ref_name = "IndicatorValue"


class TargetValueSerializer(IndicatorValueSerializer):
    confirmed = serializers.BooleanField(
        help_text=_("False where the source gives the target with a question mark.")
    )

    class Meta:
        ref_name = "TargetValue"


class GoalProjectSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    acronym = serializers.CharField()
    url = api_url("project-detail")

    class Meta:
        ref_name = "GoalProject"


class VisionGoalSerializer(serializers.ModelSerializer):
    """A 2030/50 vision goal, with its indicator where it can be measured."""

    pillar = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text=_("The pillar's slug; null for a goal of the region as a whole."),
    )
    statement = TranslatedField()
    indicator = TranslatedField()
    unit = OptionalTextField()
    baseline = serializers.SerializerMethodField()
    target = serializers.SerializerMethodField()
    latest = serializers.SerializerMethodField()
    progress_percent = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        read_only=True,
        allow_null=True,
        help_text=_("From the baseline towards the target, 0–100; null where not measurable."),
    )
    indicator_source = OptionalTextField()
    project_count = serializers.IntegerField(
        read_only=True, help_text=_("The published projects that serve the goal.")
    )
    projects = GoalProjectSerializer(
        source="first_projects",
        many=True,
        read_only=True,
        help_text=_(
            "The first of the published projects that serve the goal, by acronym; the project "
            "list's goal filter gives them all."
        ),
    )
    url = api_url("goal-detail")
    page_url = PageUrlsField()

    class Meta:
        model = VisionGoal
        fields = [
            "slug",
            "pillar",
            "horizon",
            "order",
            "statement",
            "indicator",
            "unit",
            "baseline",
            "target",
            "latest",
            "progress_percent",
            "indicator_source",
            "project_count",
            "projects",
            "url",
            "page_url",
        ]

    def _value(self, value, year, serializer_class=IndicatorValueSerializer, **extra):
        if value is None:
            return None
        return serializer_class({"value": value, "year": year, **extra}).data

    def get_baseline(self, goal) -> IndicatorValueSerializer(allow_null=True):
        return self._value(goal.baseline_value, goal.baseline_year)

    def get_target(self, goal) -> TargetValueSerializer(allow_null=True):
        return self._value(
            goal.target_value,
            goal.target_year,
            TargetValueSerializer,
            confirmed=goal.target_confirmed,
        )

    def get_latest(self, goal) -> IndicatorValueSerializer(allow_null=True):
        return self._value(goal.latest_value, goal.latest_year)
