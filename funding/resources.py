"""The columns of the admin's spreadsheet import and export of the agreement's projects
(regionportal.base.importing)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field

from regionportal.base.importing import (
    AmountWidget,
    ChoiceWidget,
    LookupWidget,
    ManyLookupWidget,
    PortalResource,
    TextWidget,
)
from regionportal.base.models import Municipality
from regionportal.base.publishing import State

from .models import AgreementCategory, AgreementProject


def _municipality_keys(municipality):
    return [municipality.iso_code, municipality.name, municipality.slug]


UNKNOWN_MUNICIPALITY = _("Unknown municipality “%(value)s”: write its name or its ISO code (SI-…).")


class AgreementProjectResource(PortalResource):
    """An agreement project a row, found by its slug; new ones arrive as drafts and an import
    never changes a project's publication state."""

    slug = Field(attribute="slug", column_name="slug", widget=TextWidget())
    category = Field(
        attribute="category",
        column_name="category",
        widget=LookupWidget(
            AgreementCategory,
            keys=lambda category: [category.slug, category.name_sl, category.name_en],
            render_key="slug",
            unknown_message=_("Unknown category “%(value)s”: write its slug or its name."),
        ),
    )
    title = Field(attribute="title_sl", column_name="title", widget=TextWidget())
    title_en = Field(attribute="title_en", column_name="title_en", widget=TextWidget())
    lead_municipality = Field(
        attribute="lead_municipality",
        column_name="lead_municipality",
        widget=LookupWidget(
            Municipality,
            keys=_municipality_keys,
            render_key="iso_code",
            unknown_message=UNKNOWN_MUNICIPALITY,
        ),
    )
    municipalities = Field(
        attribute="municipalities",
        column_name="municipality_codes",
        widget=ManyLookupWidget(
            Municipality,
            keys=_municipality_keys,
            render_key="iso_code",
            unknown_message=UNKNOWN_MUNICIPALITY,
        ),
    )
    implementer = Field(attribute="implementer", column_name="implementer", widget=TextWidget())
    status = Field(
        attribute="status",
        column_name="status",
        widget=ChoiceWidget(AgreementProject.Status.choices),
        default=AgreementProject.Status.UNKNOWN,
    )
    total_value = Field(attribute="total_value", column_name="total_value", widget=AmountWidget())
    cohesion_amount = Field(
        attribute="cohesion_amount", column_name="cohesion_amount", widget=AmountWidget()
    )
    eu_fund = Field(
        attribute="eu_fund",
        column_name="eu_fund",
        widget=ChoiceWidget(AgreementProject.EuFund.choices, blank_as=""),
    )
    eu_amount = Field(attribute="eu_amount", column_name="eu_amount", widget=AmountWidget())
    state = Field(
        attribute="state", column_name="state", widget=ChoiceWidget(State.choices), readonly=True
    )

    required_columns = ("category", "title")
    revision_prefetch = ("municipalities", "discrepancies")
    column_help = {
        "slug": _("The project's code (lower-case letters, digits, hyphens)."),
        "category": _("The agreement's category: its slug or its name."),
        "title": _("The title in Slovenian."),
        "title_en": _("The title in English."),
        "lead_municipality": _("The lead municipality: its name or its ISO code (SI-…)."),
        "municipality_codes": _(
            "The other municipalities, separated by semicolons: names or ISO codes."
        ),
        "implementer": _("The investor or implementer where it is not the lead municipality."),
        "status": _(
            "The status: planned, approved, in_progress, completed, unknown, or its label."
        ),
        "total_value": _("The total value in euros: 1234567.89 or 1.234.567,89."),
        "cohesion_amount": _("The cohesion funds in euros."),
        "eu_fund": _("The EU fund: erdf or cf, or its name."),
        "eu_amount": _("The EU funds in euros."),
        "state": _("Only read out: imported projects arrive as drafts."),
    }
    example_row = {
        "slug": "zgled-nalozbe",
        "category": "",
        "title": "Zgled naložbe",
        "lead_municipality": "Celje",
        "municipality_codes": "Vojnik; Štore",
        "status": "planned",
        "total_value": "1200000.00",
        "cohesion_amount": "800000.00",
        "state": "draft",
    }

    class Meta(PortalResource.Meta):
        model = AgreementProject
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "category",
            "title",
            "title_en",
            "lead_municipality",
            "municipalities",
            "implementer",
            "status",
            "total_value",
            "cohesion_amount",
            "eu_fund",
            "eu_amount",
            "state",
        )

    def get_queryset(self):
        return AgreementProject.objects.select_related(
            "category", "lead_municipality"
        ).prefetch_related("municipalities")

    def import_instance(self, instance, row, **kwargs):
        """Besides each column's own checks: the lead municipality is not among the others."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "municipality_codes" in row and "municipalities" not in errors:
            try:
                others = self.fields["municipalities"].clean(row)
                AgreementProject.check_other_municipalities(instance.lead_municipality, others)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
