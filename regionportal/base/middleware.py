"""Middleware of the site as a whole."""

from reversion.middleware import RevisionMiddleware

# The admin addresses whose views make their own revisions (see PortalRevisionMiddleware).
IMPORT_PATH_ENDINGS = ("/import/", "/process_import/", "/undo/")


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
    """Reversion's revision around every request that writes, but for the admin's spreadsheet
    imports and their undo (regionportal.base.importing), which make their own revisions: a
    request's revision would take theirs into it, and would keep a version of each record that a
    dry run changed and then rolled back."""

    def request_creates_revision(self, request):
        return super().request_creates_revision(request) and not request.path.endswith(
            IMPORT_PATH_ENDINGS
        )
