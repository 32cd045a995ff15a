"""A whole-page cache for anonymous visitors that is never stale.

Every public page, download, feed and API answer that an anonymous visitor asks for (GET or
HEAD) is kept in the configured cache (Redis in production, shared by every app server; local
memory otherwise) under its host, path, query and language and the **content version**: one
number, in the same cache, that every content change bumps. A page kept under an older version
is never read again (and expires). So a change is on every page at once, on every app server.

What bumps the version:
- a save or delete of any content model (the portal's apps but the background imports and link
  checks), and a change of a many-to-many link: the admin's saves, deletes and inlines, imports,
  restores from history, workflow steps and load_content all write through the ORM (a signal
  receiver: the one accepted kind of business in a signal, as it must see every write). It bumps
  at once, and again when the transaction commits, so that a page another request rendered from
  the data before the commit is not kept either;
- a scheduled publication coming due: the time of the next one is kept beside the version, and
  the first request after it bumps the version;
- `bump_content_version()` by a writer that bypasses the ORM's signals (bulk writes).

Never cached: a request with a session cookie (staff, and so previews; their pages say
`Cache-Control: private`, so that no CDN keeps them either) or credentials, the
admin, /health/ and /media/, a response that is not a 200, that sets a cookie, that says
private/no-store/no-cache, or that used the request's CSP nonce (a nonce must never
be served twice; public pages use no inline script). A streamed download is kept once it has
been sent whole: in the cache, or, when it is larger than MAX_STREAMED_SIZE, as a file beside it
(kept_files.py).

Pages and kept figures are also keyed by the **release**: a digest of the portal's code,
templates, translations, static sources and content files as installed (`release()`). After an
upgrade nothing the old code made is read again, though the content has not changed; during a
rolling upgrade each server reads what its own release made.

Kept responses carry `Cache-Control: public, max-age=…, stale-while-revalidate=…` for browsers
and a CDN, an ETag and Last-Modified, and a conditional request for one gets 304.
`DJANGO_PAGE_CACHE=off` (settings.PAGE_CACHE) turns the cache off, e.g. to measure.
"""

import contextvars
import functools
import hashlib
import threading
import time
from collections import OrderedDict
from http import HTTPStatus
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.db.models import Min
from django.db.models.functions import Now
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from .kept_files import FileKeeper, kept_file_response
from .publishing import Publishable, State

# What a release is made of (release()): the folders and files of the repository that the pages
# are made from.
RELEASE_PARTS = (
    "regionportal",
    "projects",
    "pillars",
    "funding",
    "templates",
    "locale",
    "static",
    "pyproject.toml",
)
VERSION_KEY = "page-cache:content-version"
NEXT_PUBLICATION_KEY = "page-cache:next-publication"
# Pages are kept a day at most; one kept under an older version is never read again.
PAGE_TIMEOUT = 24 * 60 * 60
# What browsers and a CDN may do: keep a page half a minute, and serve it a minute longer
# while they fetch it anew.
MAX_AGE = 30
STALE_WHILE_REVALIDATE = 60
CONTENT_APPS = {"regionportal", "pillars", "funding", "projects"}
NOT_CONTENT = {"regionportal.importjob", "regionportal.linkcheck"}
NOT_CACHED_PATHS = ("/admin/", "/health/", "/media/", "/static/")
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# A streamed download (CSV, JSON, XLSX) is kept once it has been sent whole: in the cache up to
# this size; a larger one (a list of many thousand rows) as a file beside it (kept_files.py).
MAX_STREAMED_SIZE = 4 * 1024 * 1024
# No scheduled publication (kept, rather than None, which means "not looked up yet").
_NONE = 0
# What of a request's environ its page's address is made of beside the path: the scheme (and
# the proxy's header that says https), the host (the proxy's, or the server's name and port when
# the request names none) and the query, as the WSGI server gives them.
ADDRESS_PARTS = (
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_HOST",
    "QUERY_STRING",
)
SERVER_ADDRESS_PARTS = ("SERVER_NAME", "SERVER_PORT")
# The pages each process (each gunicorn worker) keeps a copy of beside the cache, at most this
# many bytes of them (PageCacheApplication).
RECENT_PAGES_BYTES = 8 * 1024 * 1024
# When the cache is shared by several processes (Redis), a server answers a copy it holds on the
# content version it read at most this long ago, without asking the cache again, and whoever
# changes content is answered no sooner than WRITER_WAIT_SECONDS after the change: by then
# every server has read the version anew (PageCacheApplication says why that is exact).
VERSION_LEASE_SECONDS = 0.02
WRITER_WAIT_SECONDS = 2 * VERSION_LEASE_SECONDS


def cache_is_shared():
    """Whether other processes read the same cache (not a process's own local memory)."""
    return not isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache)


class _WriterWait:
    """When the request that a process is handling may be answered: no sooner than
    WRITER_WAIT_SECONDS after its last bump of the content version."""

    def __init__(self):
        self.until = 0.0

    def wait(self):
        remaining = self.until - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)


# The wait of the request being handled (set by PageCacheMiddleware); None outside a request.
_writer_wait = contextvars.ContextVar("page_cache_writer_wait", default=None)


def is_content(model):
    return model._meta.app_label in CONTENT_APPS and model._meta.label_lower not in NOT_CONTENT


def bump_content_version(*, wait=True):
    """A new content version: every cached page is stale.

    On a shared cache the writer then waits out the servers' leases of the old version
    (WRITER_WAIT_SECONDS): a request's answer is held back until then (PageCacheMiddleware), so
    one request pays it once however many rows it writes; a command or a background task
    sleeps here, unless `wait` is false (a bump inside a transaction, which bumps again, and
    waits, when it commits)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    cache.delete(NEXT_PUBLICATION_KEY)
    if not cache_is_shared():
        return
    request_wait = _writer_wait.get()
    if request_wait is not None:
        request_wait.until = time.monotonic() + WRITER_WAIT_SECONDS
    elif wait:
        time.sleep(WRITER_WAIT_SECONDS)


def content_changed(sender, action=None, **kwargs):
    """The signal receiver: bump now, and in a transaction (once per transaction) again when it
    commits."""
    if action is not None and not action.startswith("post_"):
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump_content_version()
        return
    bump_content_version(wait=False)
    if not any(callback is bump_content_version for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(bump_content_version)


def connect_signals():
    """The receiver for the content models only (and the links between them): the others (the
    sessions, the login log, the task queue…) keep Django's fast bulk delete, which a receiver
    would rule out."""
    for model in apps.get_models():
        if not is_content(model):
            continue
        uid = f"page-cache-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, weak=False, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                content_changed,
                sender=through,
                weak=False,
                dispatch_uid=f"page-cache-{through._meta.label_lower}",
            )


def _next_publication():
    """The time (a timestamp) of the next scheduled publication, or _NONE."""
    times = [
        model._default_manager.filter(state=State.PUBLISHED, publish_at__gt=Now()).aggregate(
            next=Min("publish_at")
        )["next"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    times = [moment for moment in times if moment is not None]
    return min(times).timestamp() if times else _NONE


def content_version():
    """The content version, bumped first if a scheduled publication has come due."""
    return _current_version(cache.get_many([VERSION_KEY, NEXT_PUBLICATION_KEY]))


def _current_version(found):
    """The content version from what was read of the cache (VERSION_KEY and
    NEXT_PUBLICATION_KEY, either perhaps missing): set when missing, bumped when a scheduled
    publication has come due."""
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    due = found.get(NEXT_PUBLICATION_KEY)
    if due is None:
        cache.set(NEXT_PUBLICATION_KEY, _next_publication(), timeout=PAGE_TIMEOUT)
    elif due != _NONE and due <= time.time():
        # Every server sees it due by itself (the time is read with the version): no lease of
        # the old version needs waiting out.
        bump_content_version(wait=False)
        return content_version()
    return version


def release_of(folder, parts=RELEASE_PARTS):
    """A digest of the files under the folder's parts (their paths and contents; compiled Python
    left out): the same for every checkout of one commit, on every server."""
    digest = hashlib.sha256()
    folder = Path(folder)
    for part in parts:
        files = [folder / part] if (folder / part).is_file() else (folder / part).rglob("*")
        for path in sorted(files):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(folder)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def release():
    """This process's release (release_of() the portal's folder), read once: about 4 MB."""
    return release_of(settings.BASE_DIR)


def kept_per_content_version(name, compute):
    """What compute() gives, made once per content version and kept in the cache beside the
    pages (so shared by every app server): for figures over all the published content that
    many pages and addresses show (the counts and sums, the countries a filter offers), which
    a page not kept would otherwise count anew each time.

    Never stale, as the pages are not: the value is kept with the version read before it was
    computed, and read back only under that version; a change made meanwhile has bumped it.
    `name` must say everything the value depends on but the content (its language, say).
    compute() must give what pickles and what is the same for every visitor: the published
    content only (a scheduled publication coming due bumps the version too), no drafts."""
    key = f"kept:{release()}:{name}"
    version, kept = _read_kept(key)
    if kept is not None:
        return kept[1]
    value = compute()
    cache.set(key, (version, value), PAGE_TIMEOUT)
    return value


def _read_kept(key):
    """The content version and what is kept under the key for it (or None), in one round trip:
    what is kept carries the version it was made under, so its key needs no version and it is
    read together with the version and the next publication."""
    found = cache.get_many([VERSION_KEY, NEXT_PUBLICATION_KEY, key])
    version = _current_version(found)
    return version, _kept_under(found, key, version)


def _lookup(request):
    """The request's key, the content version and the page kept for it under that version (or
    None), in one round trip (_read_kept)."""
    key = _key(request)
    return key, *_read_kept(key)


def _kept_under(found, key, version):
    kept = found.get(key)
    return kept if kept is not None and kept[0] == version else None


def _settled_version(found):
    """The content version read, when it needs nothing done first: neither set nor bumped
    (that is _current_version's, in a request that Django handles, as it may ask the database
    when the next publication is due); otherwise None."""
    version, due = found.get(VERSION_KEY), found.get(NEXT_PUBLICATION_KEY)
    if due is None or (due != _NONE and due <= time.time()):
        return None
    return version


def _is_cacheable_request(request):
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(NOT_CACHED_PATHS)
    )


def _is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        # The page used the request's CSP nonce (Django's LazyNonce is true once generated).
        and not getattr(request, "_csp_nonce", None)
    )


def _key(request):
    """The key of the page a request asks for: its address, made of the request's parts as the
    WSGI server gives them (ADDRESS_PARTS) and its path, and its language, as LocaleMiddleware
    will choose it.

    Two requests of one key ask for one address: whatever Django derives from those parts (the
    scheme, the host, the full path) is the same for both. Deriving it is left out, as the key is
    made on every request, PageCacheApplication's too. So the host is not checked against
    ALLOWED_HOSTS here: the middleware keeps a page only after Django has checked it, so a host
    not allowed has no page kept under its key."""
    meta = request.META
    parts = [meta.get(name) for name in ADDRESS_PARTS]
    if "HTTP_HOST" not in meta:
        parts += [meta.get(name) for name in SERVER_ADDRESS_PARTS]
    parts.append(request.path)
    language = translation.get_language_from_path(request.path_info)
    if language is None:
        # A path of no language (the API's): the visitor's cookie or browser chooses.
        language = translation.get_language_from_request(request)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"page:{release()}:{language}:{digest}"


class PageCacheMiddleware:
    """Serve an anonymous visitor's GET or HEAD from the cache, or render it and keep it.

    The outermost middleware: a kept page is the whole answer, with the headers every other
    middleware gave it (security, CSP, permissions policy), and a hit runs nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A request that changes content is answered once the servers' leases of the old
        # version are over (bump_content_version).
        writer_wait = _WriterWait()
        token = _writer_wait.set(writer_wait)
        try:
            response = self._respond(request)
        finally:
            _writer_wait.reset(token)
        writer_wait.wait()
        return response

    def _respond(self, request):
        if not _is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A staff member's page: for their browser only, never a CDN's.
                patch_cache_control(response, private=True)
            return response
        # A host not allowed is refused (400) before anything is read or kept under its key.
        request.get_host()
        key, version, kept = _lookup(request)
        if kept is not None:
            return _from_kept(request, kept)
        kept_file = kept_file_response(request, key, version)
        if kept_file is not None:
            return kept_file
        response = self.get_response(request)
        if _is_cacheable_response(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(
                    response,
                    public=True,
                    max_age=MAX_AGE,
                    stale_while_revalidate=STALE_WHILE_REVALIDATE,
                )
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date()
            if response.streaming:
                response.streaming_content = _kept_once_streamed(
                    response, response.streaming_content, key, version
                )
                return response
            if not response.has_header("ETag"):
                set_response_etag(response)
            _keep(key, version, response)
        return response


def _keep(key, version, response):
    """Keep the answer as plain data (the content version it was made under, status, headers,
    body): quicker to read back than a pickled response object with whatever its view left on
    it. The version is the one read before the page was made: a change made meanwhile has
    bumped it, so the page is not served under the new one."""
    cache.set(
        key,
        (version, response.status_code, list(response.headers.items()), response.content),
        PAGE_TIMEOUT,
    )


def _from_kept(request, kept):
    _version, status, headers, body = kept
    response = HttpResponse(body, status=status, headers=dict(headers))
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _kept_once_streamed(response, content, key, version):
    """The chunks of a streamed download, passed on as they come; once the download is whole,
    a copy of it is kept: in the cache if it is no larger than MAX_STREAMED_SIZE, else as a
    file (kept_files.FileKeeper). A download not read to its end is not kept."""
    chunks, size, keeper = [], 0, None
    try:
        for chunk in content:
            if keeper is None:
                size += len(chunk)
                chunks.append(chunk)
                if size > MAX_STREAMED_SIZE:
                    keeper = FileKeeper(key, version)
                    for written in chunks:
                        keeper.write(written)
                    chunks = None
            else:
                keeper.write(chunk)
            yield chunk
    except BaseException:
        if keeper is not None:
            keeper.discard()
        raise
    if keeper is not None:
        keeper.keep(response.status_code, list(response.headers.items()))
        return
    kept = HttpResponse(b"".join(chunks), status=response.status_code, headers=response.headers)
    set_response_etag(kept)
    _keep(key, version, kept)


class RecentPages:
    """The pages a process answered most recently from the cache, as the cache keeps them
    (version, status, headers, body), at most `size` bytes of bodies: the ones read least
    recently make room. Safe to share between threads."""

    def __init__(self, size):
        self.size, self.used = size, 0
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            kept = self._pages.get(key)
            if kept is not None:
                self._pages.move_to_end(key)
            return kept

    def put(self, key, kept):
        body_size = len(kept[3])
        if body_size > self.size:
            return
        with self._lock:
            self._drop(key)
            self._pages[key] = kept
            self.used += body_size
            while self.used > self.size:
                self._drop(next(iter(self._pages)))

    def drop(self, key):
        with self._lock:
            self._drop(key)

    def _drop(self, key):
        kept = self._pages.pop(key, None)
        if kept is not None:
            self.used -= len(kept[3])


class PageCacheApplication:
    """The WSGI application in front of Django's (regionportal/wsgi.py): a page kept for an
    anonymous visitor's GET or HEAD is answered here, before Django's request handling, its
    signals and the middleware run, which would cost more than reading the page does.

    The decisions are PageCacheMiddleware's own (the same request checks, key, version and
    answer, 304 included); what is not kept, or cannot be looked up, goes on to Django, where
    the middleware makes and keeps it. The test client talks to Django's handler, so the
    middleware alone still serves and keeps every page there.

    Each process keeps a copy of the pages it answered most recently (RecentPages, bounded in
    size), so that a page asked for again is not read from the cache again, and a copy is
    answered only if it was made under the current content version, as the cache's own page is.

    On a shared cache (Redis), the version a server read is its **lease** for
    VERSION_LEASE_SECONDS from the moment it asked: while it lasts, a copy made under it is
    answered with no round trip at all; a request the server holds no copy for reads the page,
    the version and the next publication together, and renews the lease. This is exact,
    because whoever changes content is answered no sooner than WRITER_WAIT_SECONDS (twice the
    lease) after the version's bump (bump_content_version, PageCacheMiddleware): a request
    that starts after the change shows saved, on any server, finds that server's lease asked
    for after the bump had been made, so holding the new version. It rests on elapsed time
    only (each machine's monotonic clock), not on clocks agreeing or on a message arriving in
    time; a due publication ends a lease at once, as its time is read with the version.

    Redis's client-side caching (CLIENT TRACKING) would instead push a change to the servers,
    but nothing orders that push before the writer's own reply: they go out on different
    connections, and a lost packet or a silently dead connection would let a server answer the
    page of before a change its author has already seen saved."""

    def __init__(self, application, recent_pages_size=RECENT_PAGES_BYTES):
        self.application = application
        self.recent = RecentPages(recent_pages_size)
        # The release is read as the server starts (its files, about 4 MB), not on a visitor's
        # first request.
        release()
        # (the version and the next publication as read, when they were asked for)
        self.lease = None

    def __call__(self, environ, start_response):
        kept = self._kept(environ)
        if kept is None:
            return self.application(environ, start_response)
        if any(header in environ for header in CONDITIONAL_HEADERS):
            # Django's own rules for a conditional request (304, 412).
            response = _from_kept(WSGIRequest(environ), kept)
            status, headers, body = response.status_code, response.items(), response.content
        else:
            _version, status, headers, body = kept
        start_response(f"{status} {HTTPStatus(status).phrase}", list(headers))
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _kept(self, environ):
        if not settings.PAGE_CACHE or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        try:
            request = WSGIRequest(environ)
            if not _is_cacheable_request(request):
                return None
            key = _key(request)
            recent = self.recent.get(key)
            if recent is not None:
                version = self._leased_version()
                if version is not None and recent[0] == version:
                    return recent
            keys = [VERSION_KEY, NEXT_PUBLICATION_KEY]
            asked = time.monotonic()
            found = cache.get_many(keys if recent is not None else [*keys, key])
        except Exception:
            # A request Django refuses (a cookie it cannot read), or the cache down: Django's
            # handling answers it as it should.
            return None
        if cache_is_shared():
            self.lease = ({name: found.get(name) for name in keys}, asked)
        version = _settled_version(found)
        if version is None:
            return None
        if recent is not None:
            if recent[0] == version:
                return recent
            # Made under an older version: the cache may hold a newer one, which Django's
            # middleware answers, and the next request here copies.
            self.recent.drop(key)
            return None
        kept = _kept_under(found, key, version)
        if kept is not None:
            self.recent.put(key, kept)
        return kept

    def _leased_version(self):
        """The content version this server read within VERSION_LEASE_SECONDS, if it needs
        nothing done (_settled_version); otherwise None."""
        lease = self.lease
        if lease is None or time.monotonic() - lease[1] >= VERSION_LEASE_SECONDS:
            return None
        return _settled_version(lease[0])
