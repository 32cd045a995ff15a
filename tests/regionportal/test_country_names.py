"""Country names read once per language (regionportal.base.country_names) are django-countries'
names, in the active language."""

import pytest
from django.utils import translation
from django_countries import countries
from django_countries.fields import Country

from regionportal.base.country_names import country_name


@pytest.mark.parametrize("language", ["sl", "en"])
def test_every_country_has_django_countries_name_in_the_active_language(language):
    with translation.override(language):
        for code, _ in countries:
            assert country_name(code) == countries.name(code)
            assert country_name(Country(code)) == Country(code).name


def test_the_name_follows_the_language_and_no_code_has_none():
    with translation.override("sl"):
        assert country_name("HR") == "Hrvaška"
    with translation.override("en"):
        assert country_name("HR") == "Croatia"
    assert country_name("") == ""
    assert country_name(None) == ""
    assert country_name("QQ") == ""
