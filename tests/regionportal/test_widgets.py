"""OptionsSelect writes a select as Django's own templates do, option for option."""

import pytest
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from regionportal.base.widgets import OptionsSelect

CHOICES = [
    ("", _("All pillars")),
    ("a&b", 'Science <b>"&"</b>'),
    (3, 1234.5),
    ("group", [("first", "One"), ("second", _("Partner"))]),
    (None, "None"),
]


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize("value", ["", "a&b", "second", "3", 3, None, "unknown"])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_pillar", "aria-describedby": "id_pillar_helptext", "required": True},
        {"aria-invalid": "true", "disabled": False, "data-note": '"quoted"'},
    ],
)
def test_the_html_is_that_of_djangos_select(language, value, attrs):
    with translation.override(language):
        expected = forms.Select(choices=CHOICES, attrs={"class": "c"}).render(
            "pillar", value, attrs
        )
        written = OptionsSelect(choices=CHOICES, attrs={"class": "c"}).render(
            "pillar", value, attrs
        )

    assert written == expected
