"""Reading the tables of the portal's list pages in tests, as a reader scans them."""

import html
import re


def row_headers(response):
    """The linked names in the first cell of each row of the page's first table body (a
    project's acronym, an organisation's name), as the reader sees them."""
    body = re.search(r"<tbody[^>]*>(.*?)</tbody>", response.content.decode(), re.S)
    if body is None:
        return []
    return [
        html.unescape(name)
        for name in re.findall(r'<th scope="row"[^>]*><a [^>]*>([^<]+)</a>', body.group(1))
    ]
