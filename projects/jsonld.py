"""schema.org JSON-LD for the project and organisation pages, and for the agency on the home and
about pages.

The data is built as Python dicts and serialised in one place, with the characters that could
end the <script> element escaped as Django's json_script escapes them.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe

_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def dumps(data):
    """The data as JSON that is safe inside <script type="application/ld+json">."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above


def _partial_date(value, precision):
    """An ISO 8601 date only as precise as the source: 2017, 2017-06 or 2017-06-01."""
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04}"
    if precision == "month":
        return f"{value.year:04}-{value.month:02}"
    return value.isoformat()


def _compact(data):
    """The dict without empty values, so the markup states only what is known."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _organisation_summary(organisation, request):
    """An Organization's names, its page on the portal and its address."""
    return _compact(
        {
            "@type": "Organization",
            "name": organisation.name,
            "alternateName": [
                name
                for name in (organisation.name_en, organisation.acronym)
                if name and name != organisation.name
            ],
            "url": request.build_absolute_uri(organisation.get_absolute_url()),
            "address": _compact(
                {
                    "@type": "PostalAddress",
                    "addressCountry": organisation.country.code,
                    "addressLocality": organisation.city,
                }
            ),
        }
    )


def project(project, request):
    """A schema.org Project: its names, summary, dates, funder and partners."""
    programme = project.programme
    funder = None
    if programme is not None:
        funder = _compact(
            {
                "@type": "Organization",
                "name": programme.name,
                "url": programme.website
                or request.build_absolute_uri(programme.get_absolute_url()),
            }
        )
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Project",
            "name": project.title,
            "alternateName": project.acronym if project.acronym != project.title else None,
            "description": project.summary,
            "url": request.build_absolute_uri(project.get_absolute_url()),
            "foundingDate": _partial_date(project.start_date, project.start_precision),
            "dissolutionDate": _partial_date(project.end_date, project.end_precision),
            "funder": funder,
            "member": [
                _organisation_summary(partnership.organisation, request)
                for partnership in project.partnerships.all()
            ],
        }
    )


def organisation(organisation, request, projects):
    """A schema.org Organization with the published projects it takes part in that its page
    shows (`projects`)."""
    data = _organisation_summary(organisation, request)
    return _compact(
        {
            "@context": "https://schema.org",
            **data,
            "sameAs": organisation.website,
            "description": organisation.description,
            "memberOf": [
                {
                    "@type": "Project",
                    "name": project.title,
                    "url": request.build_absolute_uri(project.get_absolute_url()),
                }
                for project in projects
            ],
        }
    )


def agency(agency, request):
    """A schema.org Organization for the agency, for the home and about pages: its names,
    address and description, and as its url its own website, else the about page."""
    data = _organisation_summary(agency, request)
    data["url"] = agency.website or request.build_absolute_uri(reverse("about"))
    return _compact({"@context": "https://schema.org", **data, "description": agency.description})
