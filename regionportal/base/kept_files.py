"""Downloads too large for the page cache, kept as files beside it: a list's CSV, XLSX or JSON
of many thousand rows, which takes seconds to make and megabytes to hold.

The page cache (page_cache.py) keeps a streamed download in the cache itself up to
MAX_STREAMED_SIZE; a larger one is written, as it is sent, to a file in
settings.PAGE_CACHE_FILES_DIR named by the page's key and the content version it was made
under, with its status and headers in a file beside it. The next request for the same page under
the same version is answered from the file: the download arrives as fast as the disk reads it.

Never stale, for the page cache's reason: a file is found only under the version read before it
was made, and a change bumps the version. The files of older versions are deleted once a file of
a newer one is kept, and the folder is held under settings.PAGE_CACHE_FILES_MAX_BYTES (the
files read least recently go first). A file is kept only once the download has been sent whole;
an interrupted one, or one the disk cannot hold, leaves nothing behind and is made anew next
time. Each app server keeps its own files (a folder shared between servers works too: the names
say everything a file holds).
"""

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import parse_http_date_safe

logger = logging.getLogger(__name__)

BODY_SUFFIX = ".body"
HEADERS_SUFFIX = ".headers.json"
PARTIAL_SUFFIX = ".partial"


def _folder():
    return Path(settings.PAGE_CACHE_FILES_DIR)


def _stem(key, version):
    """The files' name without suffix: the content version first (which the clean-up reads),
    then a digest of the page's key (which holds characters a file name should not)."""
    return f"{version}-{hashlib.sha256(key.encode()).hexdigest()[:40]}"


def kept_file_response(request, key, version):
    """The page kept as a file for the key under the version, as a response (304 to a
    conditional request that matches it), or None if there is none."""
    stem = _folder() / _stem(key, version)
    try:
        status, headers = json.loads((stem.parent / (stem.name + HEADERS_SUFFIX)).read_text())
        body = (stem.parent / (stem.name + BODY_SUFFIX)).open("rb")
    except (OSError, ValueError):
        return None
    with contextlib.suppress(OSError):
        # Read least recently goes first when the folder is too full (st_mtime, which every
        # file system keeps, unlike the time last read).
        os.utime(body.fileno())
    response = FileResponse(body, status=status)
    # Only the length is FileResponse's: the type and disposition it would guess from the
    # file's own name are not the page's.
    for name in ("Content-Type", "Content-Disposition"):
        response.headers.pop(name, None)
    for name, value in headers:
        response[name] = value
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    if conditional is not response:
        body.close()
    return conditional


class FileKeeper:
    """Writes a download to a partial file as it is sent, and keeps it under its key and
    version once it is whole (keep()); discard() drops what was written. Any error of the disk
    gives up keeping (logged): the download itself goes on."""

    def __init__(self, key, version):
        self.key, self.version = key, version
        self.digest = hashlib.md5(usedforsecurity=False)
        self.file = None
        try:
            folder = _folder()
            folder.mkdir(parents=True, exist_ok=True)
            self.file = tempfile.NamedTemporaryFile(  # noqa: SIM115 -- kept or discarded
                dir=folder, prefix=f"{version}-", suffix=PARTIAL_SUFFIX, delete=False
            )
        except OSError:
            logger.warning("A large download cannot be kept in %s.", settings.PAGE_CACHE_FILES_DIR)

    def write(self, chunk):
        if self.file is None:
            return
        self.digest.update(chunk)
        try:
            self.file.write(chunk)
        except OSError:
            logger.warning("A large download could not be written whole; it is not kept.")
            self.discard()

    def keep(self, status, headers):
        """Keep what was written, with the status and headers (an ETag added, of the body as
        Django makes one), then clean the folder up."""
        if self.file is None:
            return
        headers = [*headers, ("ETag", quote_etag(self.digest.hexdigest()))]
        stem = _folder() / _stem(self.key, self.version)
        try:
            self.file.close()
            os.replace(self.file.name, stem.parent / (stem.name + BODY_SUFFIX))
            headers_file = stem.parent / (stem.name + HEADERS_SUFFIX + PARTIAL_SUFFIX)
            headers_file.write_text(json.dumps([status, headers]))
            # The headers last: a page is found by them, so only once its body is whole.
            os.replace(headers_file, stem.parent / (stem.name + HEADERS_SUFFIX))
        except OSError:
            logger.warning("A large download could not be kept.")
            self.discard()
            return
        self.file = None
        clean_up(self.version)

    def discard(self):
        if self.file is None:
            return
        with contextlib.suppress(OSError):
            self.file.close()
            os.unlink(self.file.name)
        self.file = None


def _version_of(path):
    head = path.name.partition("-")[0]
    return int(head) if head.isdigit() else None


def clean_up(version):
    """Delete the files of versions older than `version` (a partial file too: its download has
    been sent, or was given up, long ago), then the least recently read files while the folder
    holds more than PAGE_CACHE_FILES_MAX_BYTES."""
    kept = []
    for path in _folder().iterdir():
        its_version = _version_of(path)
        with contextlib.suppress(OSError):
            if its_version is not None and its_version < version:
                path.unlink()
            elif path.name.endswith(BODY_SUFFIX):
                stat = path.stat()
                kept.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _time, size, _path in kept)
    for _time, size, path in sorted(kept):
        if total <= settings.PAGE_CACHE_FILES_MAX_BYTES:
            break
        stem = path.name.removesuffix(BODY_SUFFIX)
        with contextlib.suppress(OSError):
            (path.parent / (stem + HEADERS_SUFFIX)).unlink()
            path.unlink()
        total -= size
