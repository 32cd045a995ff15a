"""The read-only JSON API: what every endpoint shares, and the municipalities.

One answer serves both languages: a translated text is {"sl": …, "en": …}, a choice is its code
with its label in both languages, and a record links to its public page in both. Amounts in EUR
are strings with two decimals ("1598948.00"), never floats. A text or address that has not been
entered is null, not an empty string.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.reverse import reverse

from .country_names import country_name
from .models import Municipality

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def in_each_language(text_of):
    """{"sl": text_of(), "en": text_of()}, each called with its language active."""
    texts = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            texts[language] = str(text_of())
    return texts


class TranslatedTextSerializer(serializers.Serializer):
    """The schema of a TranslatedField."""

    sl = serializers.CharField(allow_null=True, help_text=_("Slovenian; null where not entered."))
    en = serializers.CharField(allow_null=True, help_text=_("English; null where not entered."))

    class Meta:
        ref_name = "TranslatedText"


@extend_schema_field(TranslatedTextSerializer)
class TranslatedField(serializers.Field):
    """A translated model field in both languages, {"sl": …, "en": …}, each null where that
    language's text has not been entered (no fallback: the reader sees what exists).

    `field` names the model field when it differs from this field's name; `source` leads to the
    record that has it (the record itself by default).
    """

    def __init__(self, field=None, source="*", **kwargs):
        self.model_field = field
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, instance):
        name = self.model_field or self.field_name
        return {code: getattr(instance, f"{name}_{code}") or None for code in LANGUAGE_CODES}


class CodeLabelField(serializers.Field):
    """A coded value with its label in both languages: {"code": …, "label": {"sl", "en"}};
    null where the value is empty. `choices` is the model's choices class."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return super().get_attribute(instance) or None

    def to_representation(self, value):
        choice = self.choices(value)
        return {"code": choice.value, "label": in_each_language(lambda: choice.label)}


class CodeLabelFieldExtension(OpenApiSerializerFieldExtension):
    """The schema of a CodeLabelField: its codes are the choices' values."""

    target_class = CodeLabelField

    def map_serializer_field(self, auto_schema, direction):
        translated = auto_schema.resolve_serializer(TranslatedTextSerializer, direction).ref
        return {
            "type": "object",
            "properties": {
                "code": {"type": "string", "enum": list(self.target.choices.values)},
                "label": translated,
            },
            "required": ["code", "label"],
        }


class CountrySerializer(serializers.Serializer):
    """The schema of a CountryField."""

    code = serializers.CharField(help_text=_("ISO 3166-1 alpha-2, e.g. SI."))
    name = TranslatedTextSerializer()

    class Meta:
        ref_name = "Country"


@extend_schema_field(CountrySerializer)
class CountryField(serializers.Field):
    """A country: its code and its name in both languages."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        code = str(getattr(value, "code", value))
        return {"code": code, "name": in_each_language(lambda: country_name(code))}


class OptionalTextField(serializers.CharField):
    """A text that may not have been entered: null rather than ""."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return super().to_representation(value) or None


class OptionalURLField(OptionalTextField, serializers.URLField):
    """An address that may not have been entered: null rather than ""."""


# Strings rather than floats, so that no cent is lost; always two decimals.
MONEY_SCHEMA = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^\d{1,12}\.\d{2}$",
    "examples": ["1598948.00"],
    "description": "An amount in EUR as a string with exactly two decimals.",
}


@extend_schema_field(MONEY_SCHEMA, component_name="Money")
class MoneyField(serializers.DecimalField):
    """An amount in EUR as a string with two decimals; null where it is not stated."""

    def __init__(self, **kwargs):
        super().__init__(
            max_digits=14,
            decimal_places=2,
            coerce_to_string=True,
            read_only=True,
            allow_null=True,
            **kwargs,
        )


class PartialDateSerializer(serializers.Serializer):
    """The schema of a PartialDateField."""

    date = serializers.DateField(
        help_text=_("Read it only as far as the precision gives: a year's date is in that year.")
    )
    precision = serializers.ChoiceField(choices=["year", "month", "day"])

    class Meta:
        ref_name = "PartialDate"


@extend_schema_field(PartialDateSerializer)
class PartialDateField(serializers.Field):
    """A date with how much of it the source gives, {"date": "2020-01-01", "precision":
    "year"}, from two model fields (`date` and `precision` name them); null where there is no
    date."""

    def __init__(self, date, precision, **kwargs):
        self.date_field = date
        self.precision_field = precision
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.date_field)
        if value is None:
            return None
        return {"date": value.isoformat(), "precision": getattr(instance, self.precision_field)}


class PageUrlsSerializer(serializers.Serializer):
    """The schema of a PageUrlsField."""

    sl = serializers.URLField()
    en = serializers.URLField()

    class Meta:
        ref_name = "PageUrls"


# A slug's stand-in in an address reversed once per answer (_address_of_slug).
_SLUG = "__slug__"


def _address_of_slug(context, key, address):
    """address(_SLUG), made once per answer and kept in the serializer's context under `key`:
    the address of a record by its slug is then that with the slug in place of _SLUG (a slug's
    characters are all safe in an address), rather than a reverse() for each record (some 450
    for a page of 50 projects)."""
    addresses = context.setdefault("addresses_by_slug", {})
    if key not in addresses:
        addresses[key] = address(_SLUG)
    return addresses[key]


@extend_schema_field(PageUrlsSerializer)
class PageUrlsField(serializers.Field):
    """The absolute address of the record's public page in each language. For records whose
    page address (get_absolute_url()) is made of their slug alone."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The record's public page in each language.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        request = self.context["request"]
        model = type(instance)

        def page_of(slug):
            return in_each_language(
                lambda: request.build_absolute_uri(model(slug=slug).get_absolute_url())
            )

        pages = _address_of_slug(self.context, ("page", model), page_of)
        return {language: page.replace(_SLUG, instance.slug, 1) for language, page in pages.items()}


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """A record's address in the API by its slug, as DRF's HyperlinkedRelatedField gives it
    (with the answer's format suffix and ?format=, see rest_framework.reverse), reversed once
    per answer."""

    def __init__(self, view_name, **kwargs):
        self.view_name = view_name
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, record):
        request, format = self.context["request"], self.context.get("format")
        address = _address_of_slug(
            self.context,
            ("api", self.view_name, format),
            lambda slug: reverse(
                self.view_name, kwargs={"slug": slug}, request=request, format=format
            ),
        )
        return address.replace(_SLUG, record.slug, 1)


def api_url(view_name, source=None):
    """The API address of a record (or of the record at `source`), by its slug."""
    return ApiUrlField(
        view_name=f"api:{view_name}",
        source=source or "*",
        help_text=_("This record in the API."),
    )


# What a 400 or 404 answer holds: "detail" for an unknown record or address; a bad parameter's
# name with its messages, e.g. {"status": ["Select a valid choice. …"]}.
ERROR_SCHEMA = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def read_only_api(serializer, detail_serializer=None):
    """Describe a read-only viewset: its paged list, its records by slug, and the errors each
    answers with. The list's parameters come from its FilterSet (each filter's help text is
    its description) and from the pagination."""
    bad_parameter = OpenApiResponse(
        ERROR_SCHEMA, description=_("A parameter it cannot use, named with its messages.")
    )
    return extend_schema_view(
        list=extend_schema(
            responses={
                200: serializer,
                400: bad_parameter,
                404: OpenApiResponse(ERROR_SCHEMA, description=_("A page past the last.")),
            },
        ),
        retrieve=extend_schema(
            responses={
                200: detail_serializer or serializer,
                400: bad_parameter,
                404: OpenApiResponse(ERROR_SCHEMA, description=_("No such record.")),
            }
        ),
    )


class MunicipalitySummarySerializer(serializers.ModelSerializer):
    """A municipality as other records name it."""

    url = api_url("municipality-detail")

    class Meta:
        model = Municipality
        fields = ["slug", "name", "iso_code", "url"]
