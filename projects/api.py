"""The API's projects and organisations: only published projects, filtered as the pages are."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from rest_framework import serializers, viewsets

from funding.models import Programme
from pillars.models import VisionGoal
from regionportal.base.api import (
    CodeLabelField,
    CountryField,
    MoneyField,
    MunicipalitySummarySerializer,
    OptionalTextField,
    OptionalURLField,
    PageUrlsField,
    PartialDateField,
    TranslatedField,
    api_url,
    read_only_api,
)
from regionportal.base.api_defaults import KeyedPageNumberPagination

from .filters import OrganisationFilter, ProjectFilter
from .models import (
    Organisation,
    Partnership,
    Project,
    ProjectLink,
    ProjectPillar,
    ProjectResult,
    RelatedPlace,
)
from .tables import FIRST_ROWS


class OrganisationSummarySerializer(serializers.ModelSerializer):
    """An organisation as a project's partner list names it."""

    name_en = OptionalTextField(help_text=_("The name in English; null where not entered."))
    acronym = OptionalTextField()
    country = CountryField()
    url = api_url("organisation-detail")

    class Meta:
        model = Organisation
        fields = ["slug", "name", "name_en", "acronym", "country", "is_agency", "url"]


class PartnerSerializer(serializers.ModelSerializer):
    """An organisation's part in the project: its role and budget."""

    organisation = OrganisationSummarySerializer()
    role = CodeLabelField(Partnership.Role)
    listed_as = OptionalTextField(help_text=_("The name exactly as the project's source lists it."))
    budget = MoneyField(help_text=_("The partner's budget in the project."))
    eu_contribution = MoneyField(help_text=_("The EU's contribution to the partner's budget."))

    class Meta:
        model = Partnership
        fields = ["organisation", "role", "listed_as", "budget", "eu_contribution"]


class ProjectPillarSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(source="pillar.slug", read_only=True)
    name = TranslatedField(source="pillar")
    url = api_url("pillar-detail", source="pillar")

    class Meta:
        model = ProjectPillar
        fields = ["slug", "name", "is_primary", "url"]


class GoalLinkSerializer(serializers.ModelSerializer):
    """A vision goal as the project list names it: its record gives its statement."""

    url = api_url("goal-detail")

    class Meta:
        model = VisionGoal
        fields = ["slug", "horizon", "url"]


class GoalSummarySerializer(GoalLinkSerializer):
    statement = TranslatedField()

    class Meta(GoalLinkSerializer.Meta):
        fields = ["slug", "horizon", "statement", "url"]


class ProgrammeSummarySerializer(serializers.ModelSerializer):
    name = TranslatedField()
    url = api_url("programme-detail")

    class Meta:
        model = Programme
        fields = ["slug", "code", "name", "url"]


class ProjectSerializer(serializers.ModelSerializer):
    """A published project as the list gives it: its partners counted and its goals named,
    which its record lists in full."""

    title = TranslatedField()
    summary = TranslatedField()
    status = CodeLabelField(Project.Status)
    status_note = TranslatedField()
    programme = ProgrammeSummarySerializer(allow_null=True, read_only=True)
    call = TranslatedField()
    start = PartialDateField("start_date", "start_precision")
    end = PartialDateField("end_date", "end_precision")
    total_budget = MoneyField(help_text=_("The project's total budget; null where not stated."))
    agency_share = MoneyField(
        help_text=_("The agency's budget in the project; null where it has none stated.")
    )
    agency_role = CodeLabelField(
        Partnership.Role, allow_null=True, help_text=_("Null where the agency is not a partner.")
    )
    budget_note = TranslatedField()
    pillars = ProjectPillarSerializer(
        source="project_pillars", many=True, read_only=True, help_text=_("The primary one first.")
    )
    goals = GoalLinkSerializer(many=True, read_only=True)
    municipalities = MunicipalitySummarySerializer(many=True, read_only=True)
    partner_count = serializers.IntegerField(
        read_only=True, help_text=_("Partners (the agency included)")
    )
    url = api_url("project-detail")
    page_url = PageUrlsField()

    class Meta:
        model = Project
        fields = [
            "slug",
            "acronym",
            "title",
            "summary",
            "status",
            "status_note",
            "programme",
            "call",
            "start",
            "end",
            "total_budget",
            "agency_share",
            "agency_role",
            "budget_note",
            "pillars",
            "goals",
            "municipalities",
            "partner_count",
            "updated_at",
            "url",
            "page_url",
        ]


class ResultSerializer(serializers.ModelSerializer):
    kind = CodeLabelField(ProjectResult.Kind)
    title = TranslatedField()
    description = TranslatedField()
    unit = OptionalTextField()
    date = PartialDateField("date", "date_precision")
    place = OptionalTextField()

    class Meta:
        model = ProjectResult
        fields = ["kind", "title", "description", "value", "unit", "date", "place"]


class PlaceSerializer(serializers.ModelSerializer):
    kind = TranslatedField()
    municipality = MunicipalitySummarySerializer(allow_null=True, read_only=True)
    website = OptionalURLField()

    class Meta:
        model = RelatedPlace
        fields = ["name", "kind", "municipality", "website"]


class SourceLinkSerializer(serializers.ModelSerializer):
    label = TranslatedField()
    url = OptionalURLField()

    class Meta:
        model = ProjectLink
        fields = ["label", "url"]


class ProjectDetailSerializer(ProjectSerializer):
    """A published project with its partners, goals, objectives, results, places and sources
    besides."""

    goals = GoalSummarySerializer(many=True, read_only=True)
    partners = PartnerSerializer(
        source="partnerships", many=True, read_only=True, help_text=_("The lead partner first.")
    )
    objectives = TranslatedField()
    priority_area = TranslatedField()
    results = ResultSerializer(many=True, read_only=True)
    places = PlaceSerializer(many=True, read_only=True)
    sources = SourceLinkSerializer(source="links", many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [
            *(field for field in ProjectSerializer.Meta.fields if field != "partner_count"),
            "partners",
            "objectives",
            "priority_area",
            "results",
            "places",
            "sources",
        ]


@read_only_api(ProjectSerializer, ProjectDetailSerializer)
class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """Published projects, latest first, with their partners, budgets and the agency's share.

    The list takes the project list page's filters, a pillar, programme or municipality by its
    slug; a value it cannot use is a 400 that names the parameter.
    """

    lookup_field = "slug"
    filterset_class = ProjectFilter
    pagination_class = KeyedPageNumberPagination

    def get_queryset(self):
        projects = Project.objects.published()
        if self.action == "retrieve":
            return projects.for_detail_page()
        return projects.for_api_list()

    def get_serializer_class(self):
        return ProjectDetailSerializer if self.action == "retrieve" else ProjectSerializer

    def filter_queryset(self, queryset):
        # The filters choose among the list; a project's own address is its slug alone.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)


class OrganisationSerializer(serializers.ModelSerializer):
    """A partner organisation, the agency among them."""

    name = serializers.CharField(read_only=True, help_text=_("The name in its own language."))
    name_en = OptionalTextField(help_text=_("The name in English; null where not entered."))
    acronym = OptionalTextField()
    country = CountryField()
    kind = CodeLabelField(Organisation.Kind)
    city = OptionalTextField()
    website = OptionalURLField()
    description = TranslatedField()
    project_count = serializers.IntegerField(
        read_only=True, help_text=_("The published projects it takes part in.")
    )
    url = api_url("organisation-detail")
    page_url = PageUrlsField()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "name_en",
            "acronym",
            "country",
            "kind",
            "city",
            "website",
            "is_agency",
            "description",
            "project_count",
            "url",
            "page_url",
        ]


class ParticipationSerializer(serializers.ModelSerializer):
    """An organisation's part in a published project."""

    slug = serializers.SlugField(source="project.slug", read_only=True)
    acronym = serializers.CharField(source="project.acronym", read_only=True)
    role = CodeLabelField(Partnership.Role)
    budget = MoneyField()
    eu_contribution = MoneyField()
    url = api_url("project-detail", source="project")

    class Meta:
        model = Partnership
        fields = ["slug", "acronym", "role", "budget", "eu_contribution", "url"]


class OrganisationDetailSerializer(OrganisationSerializer):
    """An organisation with its part in the latest of its published projects (project_count
    counts them all)."""

    projects = ParticipationSerializer(
        source="published_partnerships",
        many=True,
        read_only=True,
        help_text=ngettext_lazy(
            "Its part in its latest published project, at most %(count)s; project_count "
            "counts them all.",
            "Its part in its latest published projects, at most %(count)s; project_count "
            "counts them all.",
            "count",
        )
        % {"count": FIRST_ROWS},
    )

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "projects"]


@read_only_api(OrganisationSerializer, OrganisationDetailSerializer)
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Partner organisations by name (those in a published project, and the agency), each
    with the number of published projects it takes part in; an organisation's own record
    lists its part in each."""

    lookup_field = "slug"
    filterset_class = OrganisationFilter
    # Each organisation's project count is a subquery: worked out for the page's rows alone.
    pagination_class = KeyedPageNumberPagination

    def get_queryset(self):
        if self.action == "retrieve":
            return (
                Organisation.objects.public_checked_each()
                .for_api_detail(FIRST_ROWS)
                .with_project_count()
            )
        # A page read in the name's index, each organisation checked until the page is full.
        return Organisation.objects.public_checked_each().for_list_page().order_by("name", "pk")

    def page_rows(self):
        """The organisations of a page of the list, once picked, are public: not checked
        again (KeyedPageNumberPagination)."""
        return Organisation.objects.for_list_page()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return OrganisationDetailSerializer
        return OrganisationSerializer

    def filter_queryset(self, queryset):
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)
