"""A Django hello-world: the limit `make bench` holds the portal's pages against.

The least a Django answer costs on this machine: one URL, one view, no middleware, no database,
no templates. bench.py serves it with gunicorn under the portal's own settings
(regionportal/gunicorn.conf.py, the same workers), so that the ratio of a page's requests per
second to this one's shows what the portal adds, whatever the machine.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["DJANGO_SECRET_KEY"],
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)


def hello(request):
    return HttpResponse("Hello, world!\n", content_type="text/plain")


urlpatterns = [path("", hello)]

application = get_wsgi_application()
