"""The regional development agreement and the 2021–2027 perspective. The funding page and the
programmes' pages, which show projects, are put together in the site layer
(regionportal.site.funding_pages)."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from regionportal.base import exporting
from regionportal.base.formatting import percent_of

from .exports import AgreementProjectExport
from .models import AgreementProject, DevelopmentAgreement, FinancialPerspective


def funding_crumbs():
    return [(_("Funding"), reverse("funding:index"))]


class AgreementView(TemplateView):
    template_name = "funding/agreement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = DevelopmentAgreement.objects.for_agreement_page().first()
        context["agreement"] = agreement
        context["breadcrumbs"] = funding_crumbs()
        if agreement:
            # The role is stored one task to a line.
            context["agency_tasks"] = [
                task.strip() for task in agreement.agency_role.splitlines() if task.strip()
            ]
            context["committed_share"] = percent_of(
                agreement.committed_funds, agreement.total_value
            )
        return context


@require_GET
def agreement_export(request, fmt):
    """The agreement's projects entered on the portal, as its page lists them, as CSV, XLSX or
    JSON. The page has no filters: the address's parameters are ignored."""
    agreement = DevelopmentAgreement.objects.order_by("pk").first()
    if agreement is None:
        raise Http404("No development agreement has been entered.")
    investments = AgreementProject.objects.published().of_agreement(agreement).for_export()
    return exporting.export_response(request, AgreementProjectExport(agreement), investments, fmt)


class PerspectiveView(TemplateView):
    template_name = "funding/perspective.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["perspective"] = (
            FinancialPerspective.objects.select_related("source")
            .prefetch_related("goals")
            .order_by("-period")
            .first()
        )
        context["breadcrumbs"] = funding_crumbs()
        return context
