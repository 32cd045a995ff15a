"""Middleware of the site as a whole."""

from django.urls import Resolver404, resolve
from reversion.middleware import RevisionMiddleware


def manages_own_revisions(view):
    """Mark a view (or a model admin's view method) that makes its own revisions, so that
    PortalRevisionMiddleware does not wrap its requests in one. Django's admin_view() and the
    other view decorators copy the mark onto their wrappers."""
    view.manages_own_revisions = True
    return view


class CrossOriginResourcePolicyMiddleware:
    """`Cross-Origin-Resource-Policy: same-origin` on every response: another site cannot embed
    the portal's pages, images, PDFs or API answers in its own pages. Links to them, and
    downloads, still work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class PortalRevisionMiddleware(RevisionMiddleware):
    """Reversion's revision around every request that writes, but for the views marked with
    manages_own_revisions() (the admin's spreadsheet imports and their undo,
    regionportal.base.importing). Reversion joins a revision made inside a request's revision
    to it, so that an import could not be one revision of its own after the one that keeps the
    records' state before it, and the request's revision would keep a version of each record
    that a dry run changed and then rolled back."""

    def request_creates_revision(self, request):
        if not super().request_creates_revision(request):
            return False
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return True
        return not getattr(match.func, "manages_own_revisions", False)
