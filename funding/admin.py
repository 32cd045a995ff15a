from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from regionportal.base.admin import (
    CompactTabularInlineMixin,
    ConstraintErrorsOnFieldsForm,
    ImageForm,
    ImageInlineMixin,
    SourceDiscrepancyInline,
    TranslatedPortalAdmin,
    source_fieldset,
    titled_filter,
)
from regionportal.base.attention import AttentionItem, MissingEnglishFilter
from regionportal.base.import_admin import PortalImportMixin
from regionportal.base.publishing_admin import PublishableAdminMixin

from .models import (
    AgencyRecord,
    AgreementCategory,
    AgreementProject,
    DevelopmentAgreement,
    FinancialPerspective,
    PolicyGoal,
    Programme,
    ProgrammeLogo,
)
from .resources import AgreementProjectResource


class ProgrammeLogoInline(ImageInlineMixin, TranslationStackedInline):
    """The programme's logo, shown beside its co-funding statement."""

    model = ProgrammeLogo
    form = ImageForm
    max_num = 1


@admin.register(Programme)
class ProgrammeAdmin(TranslatedPortalAdmin):
    list_display = ["name", "code", "kind", "period", "is_eu_funded", "is_listed_as_potential"]
    list_filter = [
        titled_filter("kind", pgettext_lazy("list filter", "kind")),
        titled_filter("is_eu_funded", pgettext_lazy("list filter", "EU co-funded")),
        titled_filter(
            "is_listed_as_potential", pgettext_lazy("list filter", "named as a potential source")
        ),
        titled_filter("is_tentative", pgettext_lazy("list filter", "tentative")),
        MissingEnglishFilter,
    ]
    search_fields = ["name_sl", "name_en", "code", "slug", "fund"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": ["name", ("code", "slug"), "kind", ("period", "order"), "website"]}),
        (
            _("Funding"),
            {
                "fields": [
                    "fund",
                    "is_eu_funded",
                    "co_funding_statement",
                    "is_listed_as_potential",
                    "is_tentative",
                ]
            },
        ),
        (_("Description"), {"fields": ["description"]}),
        source_fieldset(),
    ]
    inlines = [ProgrammeLogoInline]

    def attention_items(self, request):
        return [
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s programme without English text",
                    "%(count)s programmes without English text",
                    "count",
                ),
                records=MissingEnglishFilter.records(Programme.objects.all()),
                filters=MissingEnglishFilter.filters(),
            )
        ]


class AgreementCategoryForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"unique_category_slug_per_agreement": "slug"}


class AgreementCategoryInline(CompactTabularInlineMixin, TranslationTabularInline):
    model = AgreementCategory
    form = AgreementCategoryForm
    fields = ["order", "name", "slug", "projects_stated", "source", "source_excerpt"]
    autocomplete_fields = ["source"]


class DevelopmentAgreementForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"agreement_commitment_within_total": "committed_funds"}


@admin.register(DevelopmentAgreement)
class DevelopmentAgreementAdmin(TranslatedPortalAdmin):
    form = DevelopmentAgreementForm
    list_display = ["name", "period", "supplement_signed", "total_value", "committed_funds"]
    search_fields = ["name_sl", "name_en", "slug"]
    autocomplete_fields = ["source", "figures_source"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "period", "description", "agency_role"]}),
        (
            _("Supplement and figures"),
            {
                "fields": [
                    ("supplement_signed", "supplement_signed_precision"),
                    "approved_projects_stated",
                    "cohesion_funds_stated",
                    "cohesion_funds_at_least",
                    ("total_value", "committed_funds"),
                    "figures_source",
                ]
            },
        ),
        (_("Later amendments"), {"classes": ["collapse"], "fields": ["later_amendments"]}),
        source_fieldset(),
    ]
    inlines = [AgreementCategoryInline, SourceDiscrepancyInline]


class AgreementProjectForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {
        "agreement_project_cohesion_within_total": "cohesion_amount",
        "agreement_project_eu_within_total": "eu_amount",
        "agreement_project_eu_within_cohesion": "eu_amount",
    }

    def clean(self):
        cleaned_data = super().clean()
        others = cleaned_data.get("municipalities")
        if others is not None:
            try:
                AgreementProject.check_other_municipalities(
                    cleaned_data.get("lead_municipality"), others
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


@admin.register(AgreementProject)
class AgreementProjectAdmin(
    PortalImportMixin, ImportExportMixin, PublishableAdminMixin, TranslatedPortalAdmin
):
    form = AgreementProjectForm
    resource_classes = [AgreementProjectResource]
    list_display = [
        "title",
        "category",
        "lead_municipality",
        "status",
        "total_value",
        "cohesion_amount",
        "eu_amount",
    ]
    list_filter = [
        titled_filter("category", pgettext_lazy("list filter", "category")),
        titled_filter("status", pgettext_lazy("list filter", "status")),
        titled_filter("lead_municipality", pgettext_lazy("list filter", "lead municipality")),
        titled_filter("municipalities", pgettext_lazy("list filter", "other municipalities")),
    ]
    list_select_related = ["category", "lead_municipality"]
    search_fields = ["title_sl", "title_en", "slug"]
    # The two-box selector, as on a project: the autocomplete's box for several choices
    # (select2) gives its search input no label.
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["source", "lead_municipality"]
    fieldsets = [
        (None, {"fields": ["category", "title", "slug", "status", "description"]}),
        (
            _("Municipalities"),
            {"fields": ["lead_municipality", "municipalities", "implementer"]},
        ),
        (
            _("Value"),
            {"fields": [("total_value", "cohesion_amount"), ("eu_fund", "eu_amount")]},
        ),
        source_fieldset(),
    ]
    inlines = [SourceDiscrepancyInline]


class PolicyGoalForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"unique_goal_number_per_perspective": "number"}


class PolicyGoalInline(CompactTabularInlineMixin, TranslationTabularInline):
    model = PolicyGoal
    form = PolicyGoalForm
    fields = ["number", "text", "source", "source_excerpt"]
    autocomplete_fields = ["source"]


@admin.register(FinancialPerspective)
class FinancialPerspectiveAdmin(TranslatedPortalAdmin):
    list_display = ["title", "period"]
    search_fields = ["title_sl", "title_en", "slug"]
    autocomplete_fields = ["source"]
    fieldsets = [(None, {"fields": ["title", "slug", "period", "description"]}), source_fieldset()]
    inlines = [PolicyGoalInline]


@admin.register(AgencyRecord)
class AgencyRecordAdmin(TranslatedPortalAdmin):
    list_display = [
        "title",
        "interreg_projects_as_partner",
        "countries",
        "projects_as_lead",
        "applications",
        "applications_year",
    ]
    autocomplete_fields = ["source"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "interreg_projects_as_partner",
                    "countries",
                    "projects_as_lead",
                    ("applications", "applications_year"),
                ]
            },
        ),
        source_fieldset(),
    ]
