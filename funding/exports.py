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
    """The agreement's projects entered on the portal, as its page lists them
    (AgreementProject.objects.of_agreement(agreement).for_export())."""

    title = _("Agreement projects")
    columns = [
        Column("code", _("Code"), lambda investment: investment.slug),
        Column("title", _("Project"), lambda investment: investment.title),
        Column("category_code", _("Category code"), lambda investment: investment.category.slug),
        Column("category", _("Category"), lambda investment: investment.category.name),
        Column(
            "municipality_codes", _("Municipality codes"), _municipalities("iso_code"), Kind.LIST
        ),
        Column("municipalities", _("Municipalities"), _municipalities("name"), Kind.LIST),
        Column(
            "total_value",
            _("Total value (EUR)"),
            lambda investment: investment.total_value,
            Kind.MONEY,
        ),
        Column(
            "cohesion_amount",
            _("Cohesion funds (EUR)"),
            lambda investment: investment.cohesion_amount,
            Kind.MONEY,
        ),
        Column("description", _("Description"), lambda investment: investment.description),
    ]

    def __init__(self, agreement):
        # E.g. dogovor-za-razvoj-savinjske-regije-projekti-2026-11-27.csv
        self.file_names = {"sl": f"{agreement.slug}-projekti", "en": f"{agreement.slug}-projects"}
