"""Programmes, the regional development agreement and the 2021–2027 perspective."""

from django.views.generic import DetailView, TemplateView

from .models import Programme


class FundingIndexView(TemplateView):
    template_name = "funding/index.html"


class AgreementView(TemplateView):
    template_name = "funding/agreement.html"


class PerspectiveView(TemplateView):
    template_name = "funding/perspective.html"


class ProgrammeDetailView(DetailView):
    model = Programme
    template_name = "funding/programme.html"
    context_object_name = "programme"
