"""The API's programmes: the sources of the projects' money."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from regionportal.base.api import (
    CodeLabelField,
    MoneyField,
    OptionalTextField,
    OptionalURLField,
    PageUrlsField,
    TranslatedField,
    api_url,
)

from .models import Programme


class ProgrammeSerializer(serializers.ModelSerializer):
    """A funding programme, with the sums of its published projects."""

    name = TranslatedField()
    kind = CodeLabelField(Programme.Kind)
    period = OptionalTextField()
    fund = OptionalTextField(help_text=_("The EU fund, e.g. ERDF; null for money not from the EU."))
    co_funding_statement = TranslatedField()
    description = TranslatedField()
    website = OptionalURLField()
    is_listed_as_potential = serializers.BooleanField(
        read_only=True, help_text=_("The source lists it among the possible sources of money.")
    )
    is_tentative = serializers.BooleanField(
        read_only=True, help_text=_("The source names it with a question mark.")
    )
    project_count = serializers.IntegerField(read_only=True, help_text=_("Its published projects."))
    total_budget = MoneyField(help_text=_("The summed total budgets of its published projects."))
    agency_share = MoneyField(help_text=_("The summed shares of the agency in them."))
    url = api_url("programme-detail")
    page_url = PageUrlsField()

    class Meta:
        model = Programme
        fields = [
            "slug",
            "code",
            "name",
            "kind",
            "period",
            "fund",
            "is_eu_funded",
            "co_funding_statement",
            "description",
            "website",
            "is_listed_as_potential",
            "is_tentative",
            "project_count",
            "total_budget",
            "agency_share",
            "url",
            "page_url",
        ]
