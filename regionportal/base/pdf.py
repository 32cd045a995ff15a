"""PDF summaries, built by WeasyPrint from the portal's own templates.

A summary is rendered to HTML first; the PDF made from that HTML is kept in the cache under a
key derived from the HTML itself. So an unchanged page comes from the cache, and any change that
shows in the summary (a figure, a partner, the day it is made, a new stylesheet) builds a new
PDF: no signal or expiry has to know which records a summary reads.

WeasyPrint fetches only the portal's own static files (stylesheet, fonts, images), read from
disk, and uploaded images, read through the storage API (see media_path): it never fetches an
address of the network itself.

WeasyPrint needs the system's Pango library. Where it is missing the portal still runs: a PDF
address answers 503 with a page that says the summaries cannot be made on this server.
"""

import hashlib
import mimetypes
import os
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import content_disposition_header

try:
    import weasyprint
except OSError as error:  # WeasyPrint loads Pango when it is imported
    weasyprint = None
    UNAVAILABLE = f"WeasyPrint cannot load the system's Pango library: {error}"
else:
    UNAVAILABLE = None

# A built PDF is kept for a week; a changed page has another key, so this only bounds how long
# an unused one takes up room.
CACHE_TIMEOUT = 7 * 24 * 60 * 60

# The word for "summary" in a download's file name, e.g. clean-povzetek-2026-11-27.pdf. Written
# here rather than in the message catalogue: a file name is an address people keep and share.
SUMMARY_WORD = {"sl": "povzetek", "en": "summary"}


class PdfUnavailable(Exception):
    """PDFs cannot be made on this server (see UNAVAILABLE)."""


class StaticFilesFetcher(weasyprint.urls.URLFetcher if weasyprint else object):
    """Gives WeasyPrint the portal's static files from disk and refuses every other address.

    Only addresses on the page's own host under STATIC_URL are served; anything else (another
    host, a file: or data: address, a path outside the static files) raises ValueError, which
    WeasyPrint reports as a warning and leaves out of the document.
    """

    def __init__(self, *, base_url, **kwargs):
        super().__init__(**kwargs)
        self.base = urlsplit(base_url)

    def fetch(self, url, headers=None):
        body = self.media_file(url)
        if body is None:
            path = self.static_file(url)
            if path is None:
                raise ValueError(
                    f"Not one of the portal's static files or uploaded files: {url[:200]}"
                )
            with open(path, "rb") as file:
                body = file.read()
        content_type = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
        return weasyprint.urls.URLFetcherResponse(url, body, headers={"Content-Type": content_type})

    def media_file(self, url):
        """The content of an uploaded file behind a media address of the page's host (as the
        `media_path` template tag gives it), read through the storage API whether the files
        are local or in object storage; None for any other address or a missing file."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
            return None
        prefix = media_path("")
        path = unquote(parts.path)
        if not path.startswith(prefix):
            return None
        try:
            with default_storage.open(path.removeprefix(prefix), "rb") as file:
                return file.read()
        except (OSError, SuspiciousFileOperation):
            return None

    def static_file(self, url):
        """The file on disk behind a static address of the page's host, or None."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
            return None
        prefix = urlsplit(settings.STATIC_URL).path
        path = unquote(parts.path)
        if not path.startswith(prefix):
            return None
        name = path.removeprefix(prefix)
        try:
            # A name the finders know (as {% static %} gives it with DEBUG on), else one the
            # storage holds (the hashed names of the manifest storage, after collectstatic).
            found = finders.find(name)
            if not found and staticfiles_storage.exists(name):
                found = staticfiles_storage.path(name)
        except SuspiciousFileOperation:
            return None
        return found if found and os.path.isfile(found) else None


def media_path(name):
    """The address of an uploaded file on the portal's own host ("/media/<name>"), which the PDF
    fetcher reads from the storage: in a PDF an image is named so whatever storage holds it."""
    return "/" + settings.MEDIA_URL.strip("/") + "/" + name


def html_to_pdf(html, *, base_url):
    """The PDF of an HTML document; relative addresses in it resolve against base_url.

    Raises PdfUnavailable where WeasyPrint cannot run."""
    if weasyprint is None:
        raise PdfUnavailable(UNAVAILABLE)
    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=StaticFilesFetcher(base_url=base_url)
    )
    return document.write_pdf()


def render_pdf(template_name, context, *, request, page_path, cached=True):
    """The template rendered as a PDF in the active language, from the cache if the rendered
    HTML is the same as when it was last built (unless `cached` is False, as for a preview of
    an unpublished record, which is never kept).

    Besides the context the template gets `page_url`, the absolute address of the page the PDF
    summarises (page_path on the request's host), and `made_on`, today's date.
    """
    context = {
        **context,
        "page_url": request.build_absolute_uri(page_path),
        "made_on": timezone.localdate(),
    }
    html = render_to_string(template_name, context, request=request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    digest = hashlib.sha256(f"{language}\n{html}".encode()).hexdigest()
    key = f"pdf:{digest}"
    pdf = cache.get(key) if cached else None
    if pdf is None:
        pdf = html_to_pdf(html, base_url=request.build_absolute_uri("/"))
        if cached:
            cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def pdf_response(pdf, *, slug):
    """The PDF as a download named after the slug, the language and today's date."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    word = SUMMARY_WORD.get(language, SUMMARY_WORD["en"])
    filename = f"{slug}-{word}-{timezone.localdate().isoformat()}.pdf"
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


class PdfUnavailableMiddleware:
    """Answers a PDF address that cannot be built here with a 503 page instead of an error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PdfUnavailable):
            return render(request, "pdf_unavailable.html", status=503)
        return None
