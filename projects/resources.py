"""The columns of the admin's spreadsheet import and export of projects, organisations and
partnerships (regionportal.base.importing).

Column names are the keys of the list downloads (projects.exports) where the two hold the same
thing; a column takes a code or a label, and the admin's export writes the code, so that an
export imported again changes nothing.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.fields import Field
from import_export.instance_loaders import ModelInstanceLoader

from funding.models import Programme
from pillars.models import Pillar
from regionportal.base.importing import (
    AmountWidget,
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    LookupWidget,
    ManyLookupWidget,
    PortalResource,
    TextWidget,
    list_cell,
)
from regionportal.base.models import Municipality
from regionportal.base.publishing import State

from .models import Organisation, Partnership, Project, ProjectPillar


def text_field(attribute, column_name=None):
    return Field(attribute=attribute, column_name=column_name or attribute, widget=TextWidget())


def programme_widget():
    return LookupWidget(
        Programme,
        keys=lambda programme: [programme.code, programme.name_sl, programme.name_en],
        render_key="code",
        unknown_message=_("Unknown programme “%(value)s”: write its code or its name."),
    )


def municipalities_widget():
    return ManyLookupWidget(
        Municipality,
        keys=lambda municipality: [municipality.iso_code, municipality.name, municipality.slug],
        render_key="iso_code",
        unknown_message=_(
            "Unknown municipality “%(value)s”: write its name or its ISO code (SI-…)."
        ),
    )


def pillars_widget():
    return ManyLookupWidget(
        Pillar,
        keys=lambda pillar: [pillar.slug, pillar.name_sl, pillar.name_en],
        render_key="slug",
        unknown_message=_("Unknown pillar “%(value)s”: write its code (slug) or its name."),
    )


class ProjectResource(PortalResource):
    """A project a row: found by its slug; new ones arrive as drafts, and an import never
    changes a project's publication state (the `state` column is only read out)."""

    slug = text_field("slug")
    acronym = text_field("acronym")
    title = text_field("title_sl", "title")
    title_en = text_field("title_en")
    summary = text_field("summary_sl", "summary")
    summary_en = text_field("summary_en")
    # An empty cell is the model's default (an idea), as for a new project in the admin.
    status = Field(
        attribute="status",
        column_name="status",
        widget=ChoiceWidget(Project.Status.choices),
        default=Project.Status.IDEA,
    )
    programme = Field(
        attribute="programme", column_name="programme_code", widget=programme_widget()
    )
    pillar_codes = Field(column_name="pillar_codes", widget=pillars_widget())
    start_date = Field(attribute="start_date", column_name="start_date", widget=DateWidget())
    end_date = Field(attribute="end_date", column_name="end_date", widget=DateWidget())
    total_budget = Field(
        attribute="total_budget", column_name="total_budget", widget=AmountWidget()
    )
    municipalities = Field(
        attribute="municipalities",
        column_name="municipality_codes",
        widget=municipalities_widget(),
    )
    state = Field(
        attribute="state", column_name="state", widget=ChoiceWidget(State.choices), readonly=True
    )

    required_columns = ("acronym", "title")
    revision_prefetch = (
        "goals",
        "municipalities",
        "project_pillars__pillar",
        "partnerships__organisation",
        "results",
        "places",
        "links",
        "images",
        "documents",
        "discrepancies",
    )
    column_help = {
        "slug": _("The project's code in its address (lower-case letters, digits, hyphens)."),
        "acronym": _("The project's acronym."),
        "title": _("The title in Slovenian."),
        "title_en": _("The title in English."),
        "summary": _("The summary in Slovenian."),
        "summary_en": _("The summary in English."),
        "status": _("The status: its code (idea, approved …) or its label."),
        "programme_code": _("The programme: its code or its name."),
        "pillar_codes": _(
            "The pillars, separated by semicolons, the primary one first: codes or names."
        ),
        "start_date": _("The start, as 2026-12-31 or 31. 12. 2026."),
        "end_date": _("The end, as 2026-12-31 or 31. 12. 2026."),
        "total_budget": _("The total budget in euros: 1234567.89 or 1.234.567,89."),
        "municipality_codes": _(
            "The municipalities, separated by semicolons: names or ISO codes (SI-…)."
        ),
        "state": _("Only read out: imported projects arrive as drafts."),
    }
    example_row = {
        "slug": "zgled-projekta",
        "acronym": "ZGLED",
        "title": "Zgled projekta",
        "title_en": "An example project",
        "status": "approved",
        "programme_code": "",
        "pillar_codes": "",
        "start_date": "2026-01-01",
        "end_date": "2027-12-31",
        "total_budget": "150000.00",
        "municipality_codes": "",
        "state": "draft",
    }

    class Meta(PortalResource.Meta):
        model = Project
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "acronym",
            "title",
            "title_en",
            "summary",
            "summary_en",
            "status",
            "programme",
            "pillar_codes",
            "start_date",
            "end_date",
            "total_budget",
            "municipalities",
            "state",
        )

    def get_queryset(self):
        return Project.objects.prefetch_related("municipalities", "project_pillars__pillar")

    def dehydrate_pillar_codes(self, project):
        if project.pk is None:
            return ""
        links = project.project_pillars.all()
        if "project_pillars" not in getattr(project, "_prefetched_objects_cache", {}):
            # A record just saved by the import, whose prefetched pillars were dropped.
            links = links.select_related("pillar")
        return list_cell(link.pillar.slug for link in links)

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "pillar_codes" in row:
            try:
                instance._imported_pillars = self.fields["pillar_codes"].clean(row)
            except ValueError as error:
                errors["pillar_codes"] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def save_related(self, instance, row):
        """The pillars as the cell lists them, the first the primary one."""
        pillars = getattr(instance, "_imported_pillars", None)
        if pillars is None:
            return
        wanted = [pillar.pk for pillar in pillars]
        if instance._imported_as_new:
            links = ProjectPillar.objects.bulk_create(
                ProjectPillar(project=instance, pillar_id=pillar_id, is_primary=order == 0)
                for order, pillar_id in enumerate(wanted)
            )
            for link in links:
                self.record_created(link)
            return
        links = {link.pillar_id: link for link in instance.project_pillars.all()}
        self.record_removed(instance.project_pillars.exclude(pillar_id__in=wanted))
        for order, pillar_id in enumerate(wanted):
            primary = order == 0
            link = links.get(pillar_id)
            if link is None:
                # The primary one is saved last, after the old primary has stepped down.
                continue
            if link.is_primary != primary:
                link.is_primary = primary
                link.save(update_fields=["is_primary"])
        for order, pillar_id in enumerate(wanted):
            if pillar_id not in links:
                link = ProjectPillar.objects.create(
                    project=instance, pillar_id=pillar_id, is_primary=order == 0
                )
                self.record_created(link)
        if hasattr(instance, "_prefetched_objects_cache"):
            instance._prefetched_objects_cache.pop("project_pillars", None)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not super().skip_row(instance, original, row, import_validation_errors):
            return False
        pillars = getattr(instance, "_imported_pillars", None)
        if pillars is None or original.pk is None:
            return True
        current = [link.pillar_id for link in original.project_pillars.all()]
        return current == [pillar.pk for pillar in pillars]


ORGANISATION_KINDS = Organisation.Kind.choices


class OrganisationResource(PortalResource):
    """An organisation a row, found by its slug. Whether it is the agency is not imported."""

    slug = text_field("slug")
    name = text_field("name")
    name_en = text_field("name_en")
    acronym = text_field("acronym")
    country = Field(attribute="country", column_name="country_code", widget=CountryWidget())
    # An empty cell is the model's default ("other"), as for a new organisation in the admin.
    kind = Field(
        attribute="kind",
        column_name="kind_code",
        widget=ChoiceWidget(ORGANISATION_KINDS),
        default=Organisation.Kind.OTHER,
    )
    city = text_field("city")
    website = text_field("website")

    required_columns = ("name", "country_code")
    revision_prefetch = ("logo", "discrepancies")
    column_help = {
        "slug": _("The organisation's code in its address (lower-case letters, digits, hyphens)."),
        "name": _("The name in the original language."),
        "name_en": _("The name in English."),
        "acronym": _("The acronym."),
        "country_code": _("The country: its ISO code (HR) or its name (Hrvaška, Croatia)."),
        "kind_code": _("The type: its code (university, company …) or its label."),
        "city": _("The city."),
        "website": _("The website's address (https://…)."),
    }
    example_row = {
        "slug": "zgled-organizacije",
        "name": "Zgledna organizacija d.o.o.",
        "country_code": "SI",
        "kind_code": "company",
        "city": "Celje",
    }

    class Meta(PortalResource.Meta):
        model = Organisation
        import_id_fields = ("slug",)
        fields = ("slug", "name", "name_en", "acronym", "country", "kind", "city", "website")


class PartnershipResource(PortalResource):
    """An organisation's part in a project a row, found by the project and the organisation.

    After the rows, each project's partner budgets are checked against its total
    (Project.validate_partner_budgets()); one lead per project is the model's constraint.
    """

    project = Field(
        attribute="project",
        column_name="project",
        widget=LookupWidget(
            Project,
            keys=lambda project: [project.slug],
            render_key="slug",
            unknown_message=_("Unknown project “%(value)s”: write its slug."),
        ),
    )
    organisation = Field(
        attribute="organisation",
        column_name="organisation",
        widget=LookupWidget(
            Organisation,
            keys=lambda organisation: [organisation.slug, organisation.name, organisation.name_en],
            render_key="slug",
            unknown_message=_("Unknown organisation “%(value)s”: write its slug or its name."),
        ),
    )
    role = Field(
        attribute="role", column_name="role_code", widget=ChoiceWidget(Partnership.Role.choices)
    )
    listed_as = text_field("listed_as")
    budget = Field(attribute="budget", column_name="budget", widget=AmountWidget())
    eu_contribution = Field(
        attribute="eu_contribution", column_name="eu_contribution", widget=AmountWidget()
    )

    required_columns = ("role_code",)
    # A partnership's name in the history is its project's and its organisation's.
    revision_prefetch = ("project", "organisation")
    column_help = {
        "project": _("The project's slug."),
        "organisation": _("The organisation: its slug or its name."),
        "role_code": _("The role: lead, partner, associated, advisory, or its label."),
        "listed_as": _("The organisation's name exactly as the project's source lists it."),
        "budget": _("The partner's budget in euros."),
        "eu_contribution": _("The EU contribution in euros."),
    }
    example_row = {
        "project": "zgled-projekta",
        "organisation": "zgled-organizacije",
        "role_code": "lead",
        "budget": "50000.00",
        "eu_contribution": "42500.00",
    }

    class Meta(PortalResource.Meta):
        model = Partnership
        # Found by two columns, which the cached loader does not take.
        instance_loader_class = ModelInstanceLoader
        import_id_fields = ("project", "organisation")
        fields = ("project", "organisation", "role", "listed_as", "budget", "eu_contribution")

    def existing_records(self, dataset):
        projects = set(dataset["project"])
        return Partnership.objects.filter(project__slug__in=[slug for slug in projects if slug])

    def get_queryset(self):
        return Partnership.objects.select_related("project", "organisation")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.project_ids = set()

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        self.project_ids.add(instance.project_id)

    def after_import(self, dataset, result, **kwargs):
        """Check the partner budgets of every project a row saved, as they are after the rows
        (in the dry run too, whose rows are saved and then rolled back)."""
        super().after_import(dataset, result, **kwargs)
        projects = Project.objects.filter(pk__in=self.project_ids)
        for project in projects.prefetch_related("partnerships"):
            try:
                project.validate_partner_budgets(
                    [partnership.budget for partnership in project.partnerships.all()]
                )
            except ValidationError as error:
                raise ValidationError(
                    gettext("Project %(project)s: %(message)s")
                    % {"project": project.slug, "message": " ".join(error.messages)}
                ) from error
