"""The regional development agreement and the 2021–2027 perspective. The funding page and the
programmes' pages, which show projects, are put together in the site layer
(regionportal.site.funding_pages)."""

from django.http import Http404
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from regionportal.base import exporting
from regionportal.base.formatting import percent_of
from regionportal.base.page_cache import kept_per_content_version
from regionportal.base.publishing import can_preview, preview_headers

from .exports import AgreementProjectExport
from .models import AgreementProject, DevelopmentAgreement, FinancialPerspective


def funding_crumbs():
    return [(_("Funding"), reverse("funding:index"))]


class AgreementView(TemplateView):
    """Every agreement (2014–2020, 2021–2027) with its published projects. Staff who may
    preview agreement projects add ?preview=<slug> to see one that is not public in it
    (banner, never cached or indexed); for anyone else, or a slug that names no such project,
    the parameter changes nothing."""

    template_name = "funding/agreement.html"

    def previewed(self):
        slug = self.request.GET.get("preview")
        if not slug or not can_preview(self.request, AgreementProject):
            return None
        project = AgreementProject.objects.filter(slug=slug).first()
        return None if project is None or project.is_public else project

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.context_data["preview"]:
            preview_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = preview = self.previewed()
        if preview is None:
            # What every visitor sees: looked up once per content version.
            agreements = kept_per_content_version(
                "agreement-page", lambda: list(DevelopmentAgreement.objects.for_agreement_page())
            )
        else:
            agreements = list(DevelopmentAgreement.objects.for_agreement_page(preview=preview))
        for agreement in agreements:
            # The role is stored one task to a line.
            agreement.agency_tasks = [
                task.strip() for task in agreement.agency_role.splitlines() if task.strip()
            ]
            agreement.committed_share = percent_of(agreement.committed_funds, agreement.total_value)
        context["agreements"] = agreements
        # With several agreements the page's heading names their periods; with one, its name.
        periods = [agreement.period for agreement in agreements if agreement.period]
        context["heading"] = (
            _("Regional development agreements %(periods)s")
            % {"periods": get_text_list(periods, _("and"))}
            if periods
            else _("Regional development agreements")
        )
        context["breadcrumbs"] = funding_crumbs()
        return context


@require_GET
def agreement_export(request, fmt):
    """Every agreement's projects entered on the portal, as its page lists them, as CSV, XLSX
    or JSON. The page has no filters: the address's parameters are ignored."""
    if not DevelopmentAgreement.objects.exists():
        raise Http404("No development agreement has been entered.")
    investments = AgreementProject.objects.published().for_export()
    return exporting.export_response(request, AgreementProjectExport(), investments, fmt)


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
