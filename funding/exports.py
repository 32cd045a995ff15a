"""What the download of the development agreement's projects holds (regionportal.base.exporting
writes it)."""

from django.utils.translation import gettext_lazy as _

from regionportal.base.exporting import Column, Export, Kind


def _municipalities(attribute):
    def value(investment):
        return [
            getattr(municipality, attribute) for municipality in investment.municipalities.all()
        ]

    return value


class AgreementProjectExport(Export):
    """Every agreement's projects entered on the portal (2014–2020 and 2021–2027), as the page
    lists them (AgreementProject.objects.published().for_export()), each with its agreement's
    period."""

    title = _("Agreement projects")
    # One file for the page, which shows every agreement: named after none of them, e.g.
    # dogovor-za-razvoj-regije-projekti-2026-11-27.csv.
    file_names = {
        "sl": "dogovor-za-razvoj-regije-projekti",
        "en": "regional-development-agreement-projects",
    }
    columns = [
        Column("code", _("Code"), "slug"),
        Column("title", _("Project"), "title"),
        Column(
            "agreement_period",
            _("Agreement period"),
            lambda investment: investment.category.agreement.period,
        ),
        Column("category_code", _("Category code"), lambda investment: investment.category.slug),
        Column("category", _("Category"), lambda investment: investment.category.name),
        Column(
            "municipality_codes",
            _("Other municipality codes"),
            _municipalities("iso_code"),
            Kind.LIST,
        ),
        Column(
            "lead_municipality_code",
            _("Lead municipality code"),
            lambda investment: getattr(investment.lead_municipality, "iso_code", ""),
        ),
        Column(
            "lead_municipality",
            _("Lead municipality"),
            lambda investment: getattr(investment.lead_municipality, "name", ""),
        ),
        Column("municipalities", _("Other municipalities"), _municipalities("name"), Kind.LIST),
        Column("implementer", _("Investor or implementer"), "implementer"),
        Column("status", _("Status"), lambda investment: investment.get_status_display()),
        Column(
            "total_value",
            _("Total value (EUR)"),
            "total_value",
            Kind.MONEY,
        ),
        Column(
            "cohesion_amount",
            _("Cohesion funds (EUR)"),
            "cohesion_amount",
            Kind.MONEY,
        ),
        Column("eu_fund", _("EU fund"), lambda investment: investment.get_eu_fund_display()),
        Column("eu_amount", _("EU funds (EUR)"), "eu_amount", Kind.MONEY),
        Column("description", _("Description"), "description"),
    ]
