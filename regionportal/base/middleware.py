"""Middleware of the site as a whole."""


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
