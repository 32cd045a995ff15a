"""Whether the web addresses that the portal cites still answer (`manage.py check_links`).

The base checks the addresses of its sources; an app above it that cites addresses of its own
adds them with `cites_addresses()` (projects does, for its projects' links), so that the base
needs to import no app. Each address is checked once however many records cite it, and its
answer is kept in a LinkCheck of its own: the check writes nothing else.
"""

import dataclasses
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.utils import timezone

from .models import LinkCheck, Source

# Sites that block unknown robots see who is asking and whom to tell.
USER_AGENT = "Portal Savinjske regije (preverjanje povezav; Razvojna agencija Savinja)"
DEFAULT_TIMEOUT = 5.0
# Seconds between two requests to one host, so that a site cited by many records is not
# flooded.
DEFAULT_PAUSE = 1.0
# Some servers refuse HEAD, or a robot's HEAD, while they serve a GET.
RETRY_WITH_GET = {403, 405}


@dataclasses.dataclass(frozen=True)
class Answer:
    """What one address answered: an HTTP status after the redirects, or an error."""

    status_code: int | None = None
    error: str = ""

    @property
    def answered(self):
        return self.status_code is not None and self.status_code < 400


_address_sources: list[Callable[[], Iterable[str]]] = [
    lambda: Source.objects.values_list("url", flat=True)
]


def cites_addresses(addresses):
    """Have `check_links` also check the addresses that `addresses()` gives (empty ones are
    skipped)."""
    _address_sources.append(addresses)


def cited_addresses():
    """Every address that a record of the portal cites, once, in order."""
    return sorted({url for addresses in _address_sources for url in addresses() if url})


class _WebRedirectsOnly(urllib.request.HTTPRedirectHandler):
    """Django's URLField takes only http(s) addresses; a redirect is followed only to those."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in {"http", "https"}:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_WebRedirectsOnly)


def _request(url, method, timeout):
    # fetch() lets only http(s) addresses through, and redirects go only to those.
    request = urllib.request.Request(  # noqa: S310
        url, method=method, headers={"User-Agent": USER_AGENT}
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Answer(status_code=response.status)
    except urllib.error.HTTPError as error:
        error.close()
        return Answer(status_code=error.code)
    except urllib.error.URLError as error:
        return Answer(error=_error_kind(error.reason))
    except (OSError, http.client.HTTPException) as error:
        return Answer(error=_error_kind(error))
    except ValueError:  # e.g. a port that is not a number
        return Answer(error=LinkCheck.Error.INVALID)


def _error_kind(reason):
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return LinkCheck.Error.TLS
    if isinstance(reason, socket.gaierror):
        return LinkCheck.Error.DNS
    if isinstance(reason, TimeoutError):
        return LinkCheck.Error.TIMEOUT
    if isinstance(reason, ConnectionRefusedError):
        return LinkCheck.Error.REFUSED
    return LinkCheck.Error.CONNECTION


def fetch(url, *, timeout=DEFAULT_TIMEOUT):
    """What the address answers to a HEAD request (a GET where HEAD is refused), following
    redirects, within `timeout` seconds for each connection and read."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return Answer(error=LinkCheck.Error.INVALID)
    answer = _request(url, "HEAD", timeout)
    if answer.status_code in RETRY_WITH_GET:
        answer = _request(url, "GET", timeout)
    return answer


def check_links(urls, *, timeout=DEFAULT_TIMEOUT, pause=DEFAULT_PAUSE, sleep=time.sleep):
    """Fetch every address, waiting `pause` seconds between two requests to one host, and
    record each answer in its LinkCheck; return the checks."""
    last_request_at = {}
    checks = []
    for url in urls:
        host = urlsplit(url).hostname
        if host in last_request_at:
            sleep(max(0.0, last_request_at[host] + pause - time.monotonic()))
        answer = fetch(url, timeout=timeout)
        last_request_at[host] = time.monotonic()
        check, _created = LinkCheck.objects.update_or_create(
            url=url,
            defaults={
                "checked_at": timezone.now(),
                "answered": answer.answered,
                "status_code": answer.status_code,
                "error": answer.error,
            },
        )
        checks.append(check)
    return checks
