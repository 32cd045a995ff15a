import datetime

from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from django_countries.filters import CountryFilter
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from regionportal.base import publishing
from regionportal.base.admin import (
    CompactTabularInlineMixin,
    ConstraintErrorsOnFieldsForm,
    DocumentForm,
    ImageForm,
    ImageInlineMixin,
    PortalAdmin,
    SourceDiscrepancyInline,
    TranslatedPortalAdmin,
    calendar_year,
    source_fieldset,
    titled_filter,
)
from regionportal.base.attention import AttentionItem, MissingEnglishFilter
from regionportal.base.country_names import country_name
from regionportal.base.formatting import format_money, format_period
from regionportal.base.import_admin import PortalImportMixin
from regionportal.base.publishing_admin import PublicNowFilter, PublishableAdminMixin

from .models import (
    Organisation,
    OrganisationLogo,
    Partnership,
    Project,
    ProjectDocument,
    ProjectImage,
    ProjectLink,
    ProjectPillar,
    ProjectResult,
    RelatedPlace,
)
from .resources import OrganisationResource, PartnershipResource, ProjectResource


class OrganisationForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"only_one_agency": "is_agency"}


class OnThePortalFilter(admin.SimpleListFilter):
    """Organisations by whether the public pages show them (OrganisationQuerySet.public())."""

    title = pgettext_lazy("list filter", "showing on the portal")
    parameter_name = "public"
    SHOWN = "yes"

    def lookups(self, request, model_admin):
        return [(self.SHOWN, _("Shown on the portal")), ("no", _("Not shown"))]

    def queryset(self, request, queryset):
        match self.value():
            case self.SHOWN:
                return queryset.filter(pk__in=Organisation.objects.public().values("pk"))
            case "no":
                return queryset.exclude(pk__in=Organisation.objects.public().values("pk"))
        return queryset


class OrganisationLogoInline(ImageInlineMixin, TranslationStackedInline):
    model = OrganisationLogo
    form = ImageForm
    max_num = 1


@admin.register(Organisation)
class OrganisationAdmin(PortalImportMixin, ImportExportMixin, TranslatedPortalAdmin):
    form = OrganisationForm
    resource_classes = [OrganisationResource]
    list_display = ["name", "acronym", "country", "kind", "city", "is_agency"]
    list_filter = [
        titled_filter("country", pgettext_lazy("list filter", "country"), CountryFilter),
        titled_filter("kind", pgettext_lazy("list filter", "type")),
        titled_filter("is_agency", pgettext_lazy("list filter", "the agency itself")),
        OnThePortalFilter,
        MissingEnglishFilter,
    ]
    search_fields = ["name", "name_en", "acronym", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "name_en",
                    ("acronym", "slug"),
                    ("country", "city"),
                    "kind",
                    "website",
                    "is_agency",
                ]
            },
        ),
        (_("Description"), {"fields": ["description"]}),
        source_fieldset(),
    ]
    inlines = [OrganisationLogoInline, SourceDiscrepancyInline]

    def attention_items(self, request):
        return [
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s organisation on the portal without English text",
                    "%(count)s organisations on the portal without English text",
                    "count",
                ),
                records=MissingEnglishFilter.records(Organisation.objects.public()),
                filters={
                    OnThePortalFilter.parameter_name: OnThePortalFilter.SHOWN,
                    **MissingEnglishFilter.filters(),
                },
            )
        ]


class ProjectPillarForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {
        "unique_pillar_per_project": "pillar",
        "one_primary_pillar_per_project": "is_primary",
    }


class ProjectPillarFormSet(BaseInlineFormSet):
    """A project's pillars, of which at most one is the primary one.

    The database constraint cannot see rows that are not saved yet, so two new rows both
    marked primary are caught here.
    """

    def clean(self):
        super().clean()
        primary_seen = False
        for form in self.forms:
            if self._should_delete_form(form) or not form.cleaned_data.get("is_primary"):
                continue
            if primary_seen and "is_primary" not in form.errors:
                form.add_error("is_primary", _("A project can have only one primary pillar."))
            primary_seen = True


class ProjectPillarInline(CompactTabularInlineMixin, admin.TabularInline):
    model = ProjectPillar
    form = ProjectPillarForm
    formset = ProjectPillarFormSet
    fields = ["pillar", "is_primary"]


class PartnershipForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {
        "unique_organisation_per_project": "organisation",
        "one_lead_partner_per_project": "role",
        "partnership_budget_not_negative": "budget",
        "partnership_eu_within_budget": "eu_contribution",
    }


class PartnershipFormSet(BaseInlineFormSet):
    """A project's partners, checked against each other and against the project's form, with
    the values on the page and without the partners deleted in the same submit.

    The database constraint cannot see a second lead partner that is not saved yet, and the
    partners' budgets together may not exceed the total that the project's form gives
    (Project.validate_partner_budgets(); its error shows above the partners).
    """

    def clean(self):
        super().clean()
        kept = [form for form in self.forms if not self._should_delete_form(form)]
        lead_seen = False
        for form in kept:
            if form.cleaned_data.get("role") == Partnership.Role.LEAD:
                if lead_seen and "role" not in form.errors:
                    form.add_error("role", _("A project can have only one lead partner."))
                lead_seen = True
        # The project form has already put its cleaned total on the instance.
        self.instance.validate_partner_budgets([form.cleaned_data.get("budget") for form in kept])


class PartnershipInline(CompactTabularInlineMixin, admin.TabularInline):
    """One row a partner: the organisation, its role and money first, the source last."""

    model = Partnership
    form = PartnershipForm
    formset = PartnershipFormSet
    fields = [
        "organisation",
        "role",
        "listed_as",
        "budget",
        "eu_contribution",
        "order",
        "source",
        "source_excerpt",
    ]
    autocomplete_fields = ["organisation", "source"]


class ProjectResultInline(TranslationStackedInline):
    """A result carries a title and a description in both languages, too many inputs for one
    table row: it stays stacked, on a few short lines, in a group collapsed until opened (Django
    opens it when one of its rows has an error)."""

    model = ProjectResult
    form = ConstraintErrorsOnFieldsForm
    fields = [
        ("kind", "order"),
        "title",
        "description",
        ("value", "unit", "date", "date_precision"),
        ("place", "source"),
        "source_excerpt",
    ]
    autocomplete_fields = ["source"]
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}
    classes = ["collapse"]
    extra = 0


class RelatedPlaceForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"unique_place_per_project": "name"}


class RelatedPlaceInline(CompactTabularInlineMixin, TranslationTabularInline):
    model = RelatedPlace
    form = RelatedPlaceForm
    fields = ["order", "name", "kind", "municipality", "website", "source"]
    autocomplete_fields = ["municipality", "source"]


class ProjectLinkInline(CompactTabularInlineMixin, TranslationTabularInline):
    model = ProjectLink
    form = ConstraintErrorsOnFieldsForm
    fields = ["order", "label", "url"]


class ProjectImageInline(ImageInlineMixin, TranslationStackedInline):
    """A project's images in their order; the page shows them all, the PDF the first one."""

    model = ProjectImage
    form = ImageForm
    fields = [("image", "preview"), "alt", "caption", ("credit", "order")]


class ProjectDocumentInline(CompactTabularInlineMixin, TranslationTabularInline):
    model = ProjectDocument
    form = DocumentForm
    fields = ["order", "title", "language", "date", "file", "kind", "size_shown"]
    readonly_fields = ["kind", "size_shown"]

    @admin.display(description=_("size"))
    def size_shown(self, document):
        return filesizeformat(document.size) if document.pk else ""


class PartnerCountryFilter(admin.SimpleListFilter):
    title = pgettext_lazy("list filter", "partner country")
    parameter_name = "partner_country"

    def lookups(self, request, model_admin):
        codes = (
            Organisation.objects.filter(partnerships__isnull=False)
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        partnerships = Partnership.objects.filter(organisation__country=self.value())
        return queryset.filter(pk__in=partnerships.values("project"))


class StartYearFilter(admin.SimpleListFilter):
    title = pgettext_lazy("list filter", "start year")
    parameter_name = "start_year"

    def lookups(self, request, model_admin):
        years = Project.objects.dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        year = calendar_year(self.value())
        if year is None:
            return queryset.none()  # a hand-edited address, not one of the offered years
        return queryset.filter(start_date__year=year)


class ProjectEnglishFilter(MissingEnglishFilter):
    """The texts of a project's page that every reader meets; its notes may stay Slovenian."""

    fields = ("title", "summary", "objectives")


class DatesFilter(admin.SimpleListFilter):
    title = pgettext_lazy("list filter", "dates")
    parameter_name = "dates"
    MISSING = "missing"

    def lookups(self, request, model_admin):
        return [(self.MISSING, _("Start or end missing"))]

    def queryset(self, request, queryset):
        if self.value() != self.MISSING:
            return queryset
        return self.missing(queryset)

    @staticmethod
    def missing(queryset):
        return queryset.filter(Q(start_date__isnull=True) | Q(end_date__isnull=True))


class EndingSoonFilter(admin.SimpleListFilter):
    """Projects not completed whose end date is today or within the next 90 days."""

    title = pgettext_lazy("list filter", "end")
    parameter_name = "ending"
    SOON = "90_days"
    DAYS = 90

    def lookups(self, request, model_admin):
        return [(self.SOON, _("Within 90 days, not completed"))]

    def queryset(self, request, queryset):
        if self.value() != self.SOON:
            return queryset
        return self.ending_soon(queryset)

    @classmethod
    def ending_soon(cls, queryset):
        today = timezone.localdate()
        return queryset.filter(
            end_date__range=(today, today + datetime.timedelta(days=cls.DAYS))
        ).exclude(status=Project.Status.COMPLETED)


class ProjectForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {
        "project_end_not_before_start": "end_date",
        "project_budget_not_negative": "total_budget",
    }


@admin.register(Project)
class ProjectAdmin(
    PortalImportMixin, ImportExportMixin, PublishableAdminMixin, TranslatedPortalAdmin
):
    form = ProjectForm
    resource_classes = [ProjectResource]
    list_display = [
        "acronym",
        "title",
        "programme",
        "status",
        "period",
        "total_budget_in_euro",
        "agency_share_in_euro",
    ]
    list_filter = [
        titled_filter("pillars", pgettext_lazy("list filter", "pillars")),
        titled_filter("programme", pgettext_lazy("list filter", "programme")),
        titled_filter("status", pgettext_lazy("list filter", "status")),
        PartnerCountryFilter,
        StartYearFilter,
        PublicNowFilter,
        ProjectEnglishFilter,
        titled_filter(
            "total_budget",
            pgettext_lazy("list filter", "total budget"),
            admin.EmptyFieldListFilter,
        ),
        DatesFilter,
        EndingSoonFilter,
    ]
    list_select_related = ["programme"]
    search_fields = [
        "acronym",
        "slug",
        "title_sl",
        "title_en",
        "partnerships__organisation__name",
        "partnerships__organisation__name_en",
        "partnerships__organisation__acronym",
        "partnerships__listed_as",
    ]
    prepopulated_fields = {"slug": ["acronym"]}
    filter_horizontal = ["goals", "municipalities"]
    autocomplete_fields = ["source"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["acronym", "slug", "title", "summary", "objectives"]}),
        (
            _("Status and funding"),
            {"fields": ["status", "status_note", "programme", "call", "priority_area"]},
        ),
        (
            _("Period and budget"),
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    "total_budget",
                    "budget_note",
                ]
            },
        ),
        (_("Vision goals and municipalities"), {"fields": ["goals", "municipalities"]}),
        (
            _("Source"),
            {
                "classes": ["collapse"],
                "fields": ["source", "source_excerpt", "created_at", "updated_at"],
            },
        ),
    ]
    inlines = [
        ProjectPillarInline,
        PartnershipInline,
        ProjectResultInline,
        RelatedPlaceInline,
        ProjectLinkInline,
        ProjectImageInline,
        ProjectDocumentInline,
        SourceDiscrepancyInline,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_agency_share()

    def attention_items(self, request):
        """What needs a look: the projects waiting for a publisher (for those who publish),
        and what is missing from the published ones, one item each."""
        published = Project.objects.published()
        return [
            *self.review_items(request),
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s published project without English text",
                    "%(count)s published projects without English text",
                    "count",
                ),
                records=ProjectEnglishFilter.records(published),
                filters={**PublicNowFilter.filters(), **ProjectEnglishFilter.filters()},
            ),
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s published project without a budget",
                    "%(count)s published projects without a budget",
                    "count",
                ),
                records=published.filter(total_budget__isnull=True),
                filters={**PublicNowFilter.filters(), "total_budget__isempty": "1"},
            ),
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s published project without a start or end date",
                    "%(count)s published projects without a start or end date",
                    "count",
                ),
                records=DatesFilter.missing(published),
                filters={
                    **PublicNowFilter.filters(),
                    DatesFilter.parameter_name: DatesFilter.MISSING,
                },
            ),
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s published project ending within 90 days",
                    "%(count)s published projects ending within 90 days",
                    "count",
                ),
                records=EndingSoonFilter.ending_soon(published),
                filters={
                    **PublicNowFilter.filters(),
                    EndingSoonFilter.parameter_name: EndingSoonFilter.SOON,
                },
            ),
        ]

    def review_items(self, request):
        if not publishing.can_publish(request.user, Project):
            return []
        return [
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s project waiting for review",
                    "%(count)s projects waiting for review",
                    "count",
                ),
                records=Project.objects.in_state(publishing.State.REVIEW),
                filters={"state__exact": publishing.State.REVIEW},
            )
        ]

    @admin.display(description=_("period"), ordering="start_date")
    def period(self, project):
        return (
            format_period(
                project.start_date,
                project.start_precision,
                project.end_date,
                project.end_precision,
            )
            or None
        )

    @admin.display(description=_("total budget (EUR)"), ordering="total_budget")
    def total_budget_in_euro(self, project):
        return format_money(project.total_budget)

    @admin.display(description=_("agency's share (EUR)"), ordering="agency_share")
    def agency_share_in_euro(self, project):
        return format_money(project.agency_share)


@admin.register(Partnership)
class PartnershipAdmin(PortalImportMixin, ImportExportMixin, PortalAdmin):
    """The partnerships as a list of their own, for importing and exporting them in bulk; a
    project's partners are edited on the project."""

    resource_classes = [PartnershipResource]
    list_display = ["project", "organisation", "role", "budget", "eu_contribution"]
    list_select_related = ["project", "organisation"]
    list_filter = [titled_filter("role", pgettext_lazy("list filter", "role"))]
    search_fields = ["project__acronym", "project__slug", "organisation__name", "listed_as"]
    autocomplete_fields = ["project", "organisation", "source"]
    fieldsets = [
        (None, {"fields": ["project", "organisation", "role", "listed_as", "order"]}),
        (_("Amounts"), {"fields": [("budget", "eu_contribution")]}),
        source_fieldset(),
    ]
