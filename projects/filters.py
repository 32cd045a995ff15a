"""The filters of the project and partner lists.

Every filter is a GET parameter, so that an address shares the view. A value a filter cannot
use (an unknown choice, a year out of range, a null character) becomes a form error shown next
to its field; the other filters still apply (the views are not strict).
"""

import unicodedata
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from funding.models import Programme
from pillars.models import Pillar, VisionGoal
from regionportal.base.country_names import country_name
from regionportal.base.models import Municipality
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.widgets import OptionsSelect

from .models import Organisation, Project

TEXT_MAX_LENGTH = 200


# The Slovenian alphabet has Č, Š and Ž as letters of their own, after C, S and Z.
_SLOVENIAN_LETTERS = str.maketrans({"č": "c\uffff", "š": "s\uffff", "ž": "z\uffff"})


def name_sort_key(name):
    """A key that sorts names as a reader of the active language expects, ignoring case.

    Accents do not move a letter (Ś sorts with S), except that in Slovenian Č, Š and Ž come
    after C, S and Z.
    """
    text = str(name).casefold()
    if get_language() == "sl":
        text = text.translate(_SLOVENIAN_LETTERS)
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return (folded, str(name))


def country_choices(codes):
    """(code, name) pairs for the country codes, by name in the active language."""
    return sorted(((code, country_name(code)) for code in codes), key=lambda c: name_sort_key(c[1]))


class YearFilter(django_filters.Filter):
    """A year as a whole number; anything else is a form error rather than a failed query."""

    field_class = forms.IntegerField


class CountryFilter(django_filters.ChoiceFilter):
    """A country by its ISO 3166-1 alpha-2 code (SI); the FilterSet gives it its choices, the
    countries it has, at request time."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The API's description can list no choices known only at request time, so it gives
        # the codes' form. A schema given to extend_schema_field replaces the generated one
        # whole, its description too: the help text goes in with it.
        extend_schema_field(
            {"type": "string", "pattern": "^[A-Z]{2}$", "description": self.extra["help_text"]}
        )(self)


class ProjectFilter(django_filters.FilterSet):
    class AgencyRole(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        NONE = "none", _("No partnership recorded")

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Acronym, title or summary."),
    )
    pillar = django_filters.ModelChoiceFilter(
        label=_("Pillar"),
        field_name="pillars",
        queryset=Pillar.objects.all(),
        to_field_name="slug",
        empty_label=_("All pillars"),
        widget=OptionsSelect,
        help_text=_("The primary or a secondary pillar of the project."),
    )
    goal = django_filters.ModelChoiceFilter(
        label=_("Vision goal"),
        field_name="goals",
        queryset=VisionGoal.objects.for_vision_page(),
        to_field_name="slug",
        empty_label=_("All goals"),
        widget=OptionsSelect,
        help_text=_("A goal of the 2030/50 vision that the project serves."),
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=Programme.objects.filter(
            Exists(Project.objects.published().filter(programme=OuterRef("pk")))
        ),
        to_field_name="slug",
        empty_label=_("All programmes"),
        widget=OptionsSelect,
        help_text=_("The programme that funds the project."),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Project.Status.choices,
        empty_label=_("Any status"),
        widget=OptionsSelect,
        help_text=_("The stage the project is at."),
    )
    country = CountryFilter(
        label=_("Partner country"),
        method="filter_country",
        empty_label=_("All countries"),
        widget=OptionsSelect,
        help_text=_("Where a partner is based, the agency not counted."),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        method="filter_municipality",
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        empty_label=_("All municipalities"),
        widget=OptionsSelect,
        help_text=_("A municipality where the project takes place, directly or at a place in it."),
    )
    year = YearFilter(
        label=_("Year"),
        method="filter_year",
        min_value=1000,
        max_value=9999,
        help_text=_("Projects running in that year."),
    )
    role = django_filters.ChoiceFilter(
        label=_("The agency's role"),
        choices=AgencyRole.choices,
        method="filter_role",
        empty_label=_("Any role"),
        widget=OptionsSelect,
        help_text=_(
            "Lead partner, a partner but not the lead, or a project it runs with no "
            "partnership recorded."
        ),
    )

    # The filters that choose a published record: their options are the same for every visitor.
    KEPT_CHOICES = ("pillar", "goal", "programme", "municipality")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The countries of the partners the projects have: known only at request time, and
        # looked up once per content version.
        self.filters["country"].extra["choices"] = country_choices(
            kept_per_content_version(
                "project-partner-countries",
                Organisation.objects.published_partner_countries,
            )
        )

    @property
    def form(self):
        """The filters' form; the options of the filters that choose a record (KEPT_CHOICES)
        are looked up once per content version and language rather than for each request."""
        if not hasattr(self, "_form"):
            form = super().form
            kept = kept_per_content_version(
                f"project-filter-choices:{get_language()}",
                lambda: {
                    name: [(str(value), str(label)) for value, label in form.fields[name].choices]
                    for name in self.KEPT_CHOICES
                },
            )
            for name, choices in kept.items():
                form.fields[name].widget.choices = choices
        return self._form

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    def filter_country(self, queryset, name, value):
        return queryset.with_partner_from(value)

    # The type hint is the API's description of the parameter: the municipality's slug (the
    # method itself is given the municipality the slug names).
    def filter_municipality(self, queryset, name, value: str):
        # As the municipality's page counts them (touching()); through pk__in, as touching()
        # is distinct and the list's sort orders may not be.
        return queryset.filter(pk__in=Project.objects.touching(value).values("pk"))

    # The type hint is the API's description of the parameter: a whole number.
    def filter_year(self, queryset, name, value: int):
        return queryset.running_in(value)

    def filter_role(self, queryset, name, value):
        if value == self.AgencyRole.LEAD:
            return queryset.agency_is_lead()
        if value == self.AgencyRole.NONE:
            return queryset.without_agency()
        return queryset.agency_is_partner()


def project_list_url(**filters):
    """The project list's address with these filters (ProjectFilter's parameters)."""
    return f"{reverse('projects:list')}?{urlencode(filters)}"


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Name, acronym or city."),
    )
    country = CountryFilter(
        label=_("Country"),
        empty_label=_("All countries"),
        widget=OptionsSelect,
        help_text=_("Where the organisation is based."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["country"].extra["choices"] = country_choices(
            kept_per_content_version(
                "public-organisation-countries",
                lambda: list(Organisation.objects.public().countries()),
            )
        )

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)
