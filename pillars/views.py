"""The pillars' colours. The pages of the pillars and the vision, which show projects, are
put together in the site layer (regionportal.site.pillar_pages)."""

import hashlib

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.http import require_GET

from .models import Pillar

# Every page links the colours: browsers keep them for a few minutes, so that a colour staff
# change shows within that time, and then ask again, answered 304 while they are the same.
COLOURS_MAX_AGE = 5 * 60


@require_GET
def pillar_colours_css(request):
    """Each pillar's colour as a CSS class: the colours are content that staff edit."""
    rules = [
        f".pillar--{pillar.slug} {{ --pillar-colour: {pillar.colour}; }}"
        for pillar in Pillar.objects.only("slug", "colour")
    ]
    css = "\n".join(rules) + "\n"
    etag = quote_etag(hashlib.sha256(css.encode()).hexdigest()[:32])
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=COLOURS_MAX_AGE)
    return get_conditional_response(request, etag=etag, response=response)
