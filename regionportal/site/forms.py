"""The site-wide search form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regionportal.base.text import MAX_QUERY_LENGTH, clean_query


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "Projects, partners, pillars, vision goals and municipalities, in Slovenian or "
            "English. Upper or lower case and č, š, ž make no difference."
        ),
        error_messages={
            "max_length": _(
                "Please shorten your search to at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, data=None, **kwargs):
        # NUL bytes, direction marks and other invisible characters become spaces before
        # anything else sees them, the form as it is shown again included.
        if data is not None:
            data = {"q": clean_query(data.get("q", ""))}
        super().__init__(data, **kwargs)
