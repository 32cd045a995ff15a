"""Every page stays light and self-contained: its stylesheets and scripts together weigh at most
50 KB gzipped, and nothing it loads comes from another host (no CDN, no outside fonts)."""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

from tests.public_pages import public_paths

BUDGET_BYTES = 50 * 1024
# Tags that make the browser fetch something, and the attributes that say what.
ASSET_ATTRIBUTES = {
    "link": ["href"],
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}


class AssetParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.code = []  # stylesheets and scripts
        self.assets = []  # everything the browser fetches by itself

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.code.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.code.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in {"canonical", "alternate"}:
            return  # addresses of this page, not assets
        for attribute in ASSET_ATTRIBUTES.get(tag, []):
            if attrs.get(attribute):
                self.assets += [part.split()[0] for part in attrs[attribute].split(",")]


def assets_of(response):
    parser = AssetParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def content(loaded_content, db):
    """The presentation's whole content, loaded once for the module."""


def static_prefix():
    return "/" + settings.STATIC_URL.lstrip("/")


def source_file(url):
    """The stylesheet or script behind a static URL, found by the static files finders."""
    name = urlsplit(url).path.removeprefix(static_prefix())
    # With the manifest storage the URL carries a hash: look the original name up.
    original = {hashed: plain for plain, hashed in staticfiles_storage.hashed_files.items()}
    path = finders.find(original.get(name, name))
    assert path, f"{url}: no such static file"
    with open(path, "rb") as file:
        return file.read()


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=9))


def page_weight(client, response):
    """Bytes of the page's stylesheets and scripts, each gzipped as it would be served."""
    total = 0
    for url in assets_of(response).code:
        if urlsplit(url).path.startswith(static_prefix()):
            total += gzipped_size(source_file(url))
        else:  # made by the portal, e.g. the pillar colours
            fetched = client.get(url)
            assert fetched.status_code == 200, url
            total += gzipped_size(fetched.content)
    return total


@pytest.mark.parametrize("language", ["sl", "en"])
def test_css_and_js_of_every_page_weigh_at_most_50_kb_gzipped(client, content, language):
    weights = {}
    for path in public_paths(language, every_record=False):
        weights[path] = page_weight(client, client.get(path))

    too_heavy = {path: weight for path, weight in weights.items() if weight > BUDGET_BYTES}
    assert too_heavy == {}
    assert min(weights.values()) > 1000  # the stylesheet was found and counted


def test_the_weight_counts_every_stylesheet(client, content):
    response = client.get("/en/")

    code = assets_of(response).code
    assert len(code) >= 3  # the portal's styles, the pillar colours, the print styles
    stylesheets = [source_file(url) for url in code if url.startswith(static_prefix())]
    generated = [client.get(url).content for url in code if not url.startswith(static_prefix())]
    assert b"--ink:" in stylesheets[0]  # the portal's own, read from its source
    assert page_weight(client, response) == sum(map(gzipped_size, stylesheets + generated))


@pytest.mark.parametrize("language", ["sl", "en"])
def test_no_page_loads_anything_from_another_host(client, content, language):
    outside = {}
    for path in public_paths(language):
        response = client.get(path)
        foreign = [
            url
            for url in assets_of(response).assets
            if urlsplit(url).netloc not in {"", "testserver"} or url.startswith("//")
        ]
        if foreign:
            outside[path] = foreign
    assert outside == {}


def test_no_stylesheet_imports_anything_from_another_host():
    outside = []
    for finder in finders.get_finders():
        for name, storage in finder.list(ignore_patterns=[]):
            if not name.endswith(".css"):
                continue
            with storage.open(name) as file:
                text = file.read().decode()
            outside += [
                (name, url)
                for url in re.findall(r"""(?:url\(|@import)\s*['"]?([^'")\s]+)""", text)
                if re.match(r"(https?:)?//", url)
            ]
    assert outside == []
