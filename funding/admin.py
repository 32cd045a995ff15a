from django.contrib import admin
from django.utils.translation import ngettext_lazy, pgettext_lazy
from modeltranslation.admin import TranslationTabularInline

from regionportal.base.admin import (
    ConstraintErrorsOnFieldsForm,
    SourceDiscrepancyInline,
    TranslatedPortalAdmin,
    titled_filter,
)
from regionportal.base.attention import AttentionItem, MissingEnglishFilter
from regionportal.base.publishing_admin import PublishableAdminMixin

from .models import (
    AgencyRecord,
    AgreementCategory,
    AgreementProject,
    DevelopmentAgreement,
    FinancialPerspective,
    PolicyGoal,
    Programme,
)


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


class AgreementCategoryInline(TranslationTabularInline):
    model = AgreementCategory
    form = AgreementCategoryForm
    fields = ["order", "name", "slug", "projects_stated", "source", "source_excerpt"]
    autocomplete_fields = ["source"]
    extra = 0


class DevelopmentAgreementForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"agreement_commitment_within_total": "committed_funds"}


@admin.register(DevelopmentAgreement)
class DevelopmentAgreementAdmin(TranslatedPortalAdmin):
    form = DevelopmentAgreementForm
    list_display = ["name", "period", "supplement_signed", "total_value", "committed_funds"]
    search_fields = ["name_sl", "name_en", "slug"]
    autocomplete_fields = ["source", "figures_source"]
    inlines = [AgreementCategoryInline, SourceDiscrepancyInline]


class AgreementProjectForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"agreement_project_cohesion_within_total": "cohesion_amount"}


@admin.register(AgreementProject)
class AgreementProjectAdmin(PublishableAdminMixin, TranslatedPortalAdmin):
    form = AgreementProjectForm
    list_display = ["title", "category", "total_value", "cohesion_amount"]
    list_filter = [
        titled_filter("category", pgettext_lazy("list filter", "category")),
        titled_filter("municipalities", pgettext_lazy("list filter", "municipalities")),
    ]
    list_select_related = ["category"]
    search_fields = ["title_sl", "title_en", "slug"]
    autocomplete_fields = ["municipalities", "source"]


class PolicyGoalForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"unique_goal_number_per_perspective": "number"}


class PolicyGoalInline(TranslationTabularInline):
    model = PolicyGoal
    form = PolicyGoalForm
    fields = ["number", "text", "source", "source_excerpt"]
    autocomplete_fields = ["source"]
    extra = 0


@admin.register(FinancialPerspective)
class FinancialPerspectiveAdmin(TranslatedPortalAdmin):
    list_display = ["title", "period"]
    search_fields = ["title_sl", "title_en", "slug"]
    autocomplete_fields = ["source"]
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
