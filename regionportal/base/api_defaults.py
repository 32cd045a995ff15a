"""The API's defaults that settings.REST_FRAMEWORK names: paging and content negotiation.

They live apart from regionportal/api.py because DRF imports them while its own view classes
are being defined, before the API's views can be.
"""

from django import forms
from django.core.exceptions import ValidationError as FormValidationError
from django.core.paginator import EmptyPage
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import negotiation, pagination
from rest_framework.exceptions import NotFound, ValidationError

from .paging import KeyedPaginator


class PageNumberPagination(pagination.PageNumberPagination):
    """Pages of 50 by default, up to 200 with `page_size`; the links to the next and previous
    page keep the filters.

    A page or page size that is not a whole number in range is a 400 naming the parameter, and
    a page past the last a 404 naming it, rather than another page quietly served instead.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    # DRF's own words, here so that the portal's catalogue translates them for the schema.
    page_query_description = _("A page number within the paginated result set.")
    page_size_query_description = _("Number of results to return per page.")

    def get_page_size(self, request):
        size = self._number(request, self.page_size_query_param, max_value=self.max_page_size)
        return size or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        page_size = self.get_page_size(request)
        number = self._number(request, self.page_query_param) or 1
        paginator = self.paginator_of(queryset, page_size, view)
        try:
            self.page = paginator.page(number)
        except EmptyPage:
            message = gettext("There is no page %(number)s: the last page is %(last)s.") % {
                "number": number,
                "last": paginator.num_pages,
            }
            raise NotFound({self.page_query_param: [message]}) from None
        self.request = request
        return list(self.page)

    def paginator_of(self, queryset, page_size, view):
        return self.django_paginator_class(queryset, page_size)

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):
            # OpenAPI 3.1 (JSON Schema) has no "nullable": a link that may be missing is null.
            del paginated["properties"][link]["nullable"]
            paginated["properties"][link]["type"] = ["string", "null"]
        paginated["required"] = ["count", "next", "previous", "results"]
        return paginated

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.page_size_query_param: {"maximum": self.max_page_size}}
        for parameter in parameters:
            parameter["schema"].update(minimum=1, **bounds.get(parameter["name"], {}))
        return parameters

    @staticmethod
    def _number(request, name, max_value=None):
        """The parameter as a whole number of at least 1, or None where it is not given."""
        field = forms.IntegerField(min_value=1, max_value=max_value, required=False)
        try:
            return field.clean(request.query_params.get(name))
        except FormValidationError as error:
            raise ValidationError({name: error.messages}) from None


class KeyedPageNumberPagination(PageNumberPagination):
    """Pages as PageNumberPagination's, for a list whose rows carry costly annotations: the
    rows' keys are paged first (regionportal.base.paging.rows_by_key()), the page's rows read
    from the view's `page_rows()` where it has one (rows_by_key()'s `rows`)."""

    django_paginator_class = KeyedPaginator

    def paginator_of(self, queryset, page_size, view):
        page_rows = getattr(view, "page_rows", None)
        rows = page_rows() if page_rows else None
        return self.django_paginator_class(queryset, page_size, rows=rows)


class ContentNegotiation(negotiation.DefaultContentNegotiation):
    """A `format` the API does not give is a 400 naming the parameter, not a bare 404."""

    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            formats = ", ".join(sorted({renderer.format for renderer in renderers}))
            message = gettext("The formats given are: %(formats)s.") % {"formats": formats}
            raise ValidationError({"format": [message]}) from None
