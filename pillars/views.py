"""The pillars and the 2030/50 vision."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from .models import Pillar


class PillarListView(ListView):
    model = Pillar
    template_name = "pillars/list.html"
    context_object_name = "pillars"


class PillarDetailView(DetailView):
    model = Pillar
    template_name = "pillars/detail.html"
    context_object_name = "pillar"


class VisionView(TemplateView):
    template_name = "pillars/vision.html"


@require_GET
def pillar_colours_css(request):
    """Each pillar's colour as a CSS class: the colours are content that staff edit."""
    rules = [
        f".pillar--{pillar.slug} {{ --pillar-colour: {pillar.colour}; }}"
        for pillar in Pillar.objects.only("slug", "colour")
    ]
    return HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
