from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from modeltranslation.admin import TranslationStackedInline

from regionportal.base.admin import (
    ConstraintErrorsOnFieldsForm,
    TranslatedPortalAdmin,
    source_fieldset,
    titled_filter,
)
from regionportal.base.attention import AttentionItem, MissingEnglishFilter

from .models import KeyMessage, Pillar, PotentialExample, VisionGoal


class PotentialExampleForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {"unique_example_per_pillar": "name"}


class PotentialExampleInline(TranslationStackedInline):
    model = PotentialExample
    form = PotentialExampleForm
    fields = [
        ("name", "kind", "count", "order"),
        "description",
        "source",
        "source_excerpt",
    ]
    autocomplete_fields = ["source"]
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}
    extra = 0


@admin.register(Pillar)
class PillarAdmin(TranslatedPortalAdmin):
    list_display = ["name", "order", "economic_model", "colour"]
    list_filter = [MissingEnglishFilter]
    search_fields = ["name_sl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": ["name", ("slug", "order", "colour"), "economic_model"]}),
        (_("Texts"), {"fields": ["potentials", "in_implementation"]}),
        (_("Other wordings"), {"classes": ["collapse"], "fields": ["other_wordings"]}),
        source_fieldset(),
    ]
    inlines = [PotentialExampleInline]

    def attention_items(self, request):
        return [
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s pillar without English text",
                    "%(count)s pillars without English text",
                    "count",
                ),
                records=MissingEnglishFilter.records(Pillar.objects.all()),
                filters=MissingEnglishFilter.filters(),
            )
        ]


class VisionGoalForm(ConstraintErrorsOnFieldsForm):
    constraint_fields = {
        "goal_baseline_has_year": "baseline_year",
        "goal_target_has_year": "target_year",
        "goal_latest_has_year": "latest_year",
    }


@admin.register(VisionGoal)
class VisionGoalAdmin(TranslatedPortalAdmin):
    form = VisionGoalForm
    list_display = [
        "__str__",
        "pillar",
        "horizon",
        "target_value",
        "target_year",
        "target_confirmed",
    ]
    list_filter = [
        titled_filter("pillar", pgettext_lazy("list filter", "pillar")),
        titled_filter("horizon", pgettext_lazy("list filter", "horizon")),
        titled_filter("target_confirmed", pgettext_lazy("list filter", "target confirmed")),
        MissingEnglishFilter,
    ]
    list_select_related = ["pillar"]
    search_fields = ["slug", "statement_sl", "statement_en", "indicator_sl", "indicator_en"]
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": ["pillar", "slug", "order", "horizon", "statement"]}),
        (
            _("Indicator"),
            {
                "fields": [
                    "indicator",
                    "unit",
                    ("baseline_value", "baseline_year"),
                    ("target_value", "target_year", "target_confirmed"),
                    ("latest_value", "latest_year"),
                    "indicator_source",
                ]
            },
        ),
        source_fieldset(),
    ]

    def attention_items(self, request):
        return [
            AttentionItem(
                text=ngettext_lazy(
                    "%(count)s vision goal without English text",
                    "%(count)s vision goals without English text",
                    "count",
                ),
                records=MissingEnglishFilter.records(VisionGoal.objects.all()),
                filters=MissingEnglishFilter.filters(),
            )
        ]


@admin.register(KeyMessage)
class KeyMessageAdmin(TranslatedPortalAdmin):
    list_display = ["title", "kind", "attribution"]
    search_fields = ["title_sl", "title_en", "text_sl", "text_en"]
    autocomplete_fields = ["source"]
    fieldsets = [(None, {"fields": ["kind", "title", "text", "attribution"]}), source_fieldset()]
