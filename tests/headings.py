"""Reading a page's outline in tests: the headings with nothing under them."""

from html.parser import HTMLParser

HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# The elements a heading's content ends with: a heading at the end of one has nothing under it.
CONTAINERS = {"main", "section", "article", "aside", "div", "li", "figure"}


class _OutlineParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.empty = []
        self._containers = []
        # The headings read and not yet followed by content: [level, depth, text, has_content].
        self._open = []
        self._heading = None

    def _close(self, keep):
        """Ends the open headings that `keep` does not keep; those without content are empty."""
        still_open = []
        for heading in self._open:
            if keep(heading):
                still_open.append(heading)
            elif not heading[3]:
                self.empty.append(heading[2].strip())
        self._open = still_open

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            level = HEADINGS[tag]
            self._close(lambda heading: heading[0] < level)
            self._heading = [level, len(self._containers), "", False]
            self._open.append(self._heading)
        elif tag in CONTAINERS:
            self._containers.append(tag)

    def handle_endtag(self, tag):
        if tag in HEADINGS:
            self._heading = None
        elif tag in CONTAINERS and tag in self._containers:
            while self._containers.pop() != tag:
                pass
            depth = len(self._containers)
            self._close(lambda heading: heading[1] <= depth)

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[2] += data
        elif data.strip():
            for heading in self._open:
                heading[3] = True

    def close(self):
        super().close()
        self._close(lambda heading: False)


def empty_headings(html):
    """The text of each <h2>…<h6> of the page that has no text under it before the next
    heading of the same or a higher level, or before the end of the element it is in."""
    parser = _OutlineParser()
    parser.feed(html)
    parser.close()
    return parser.empty
