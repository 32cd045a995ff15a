"""What the download of the municipality list holds (regionportal.base.exporting writes it)."""

from django.utils.translation import gettext_lazy as _

from regionportal.base.exporting import Column, Export, Kind


def _region(attribute):
    def value(municipality):
        return getattr(municipality.region, attribute) if municipality.region else None

    return value


class MunicipalityExport(Export):
    """The region's municipalities (municipality_pages.municipalities_for_export()), with the
    number of published projects and agreement investments that touch each, as the list page
    counts them."""

    file_names = {"sl": "obcine", "en": "municipalities"}
    title = _("Municipalities")
    columns = [
        Column("name", _("Municipality"), "name"),
        Column("iso_code", _("ISO 3166-2 code"), "iso_code"),
        Column(
            "is_urban",
            _("Urban municipality"),
            "is_urban",
            Kind.BOOLEAN,
        ),
        Column("region_code", _("NUTS 3 code"), _region("nuts_code")),
        Column("region", _("Region"), _region("name")),
        Column("area_km2", _("Area (km²)"), "area_km2", Kind.DECIMAL),
        Column(
            "population",
            _("Population"),
            "population",
            Kind.INTEGER,
        ),
        Column(
            "population_year",
            _("Population year"),
            "population_year",
            Kind.INTEGER,
        ),
        Column(
            "project_count",
            _("Projects"),
            # The count's subquery finds no row for a municipality without projects.
            lambda municipality: municipality.project_count or 0,
            Kind.INTEGER,
        ),
        Column(
            "agreement_project_count",
            _("Agreement investments"),
            "agreement_project_count",
            Kind.INTEGER,
        ),
        Column("url", _("Page"), lambda municipality: municipality.get_absolute_url(), Kind.URL),
    ]
