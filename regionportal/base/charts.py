"""Charts drawn on the server as SVG: they need no JavaScript and print as they show.

A chart is a horizontal bar chart: one row per item, its label above its bar and its value
after the bar. This module works out what to draw and where; the templates draw it, escaping
every text (templates/includes/_bar_chart.html). Every chart on a page sits in a <figure> and
is followed by a table with the same figures (templates/includes/_chart.html and
_chart_table.html), so that the figures are there for screen readers, for copying and for
anyone who does not read charts.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats

from regionportal.base.formatting import format_money

# The brand green of the stylesheet: 7.9:1 against white, well above the 3:1 that WCAG asks of
# graphics. The pillar colours stored in the data are all at least 6:1.
BRAND_COLOUR = "#1f5c3a"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

# Narrow enough that the text, 15 px at full size, stays readable when a phone scales it down.
WIDTH = 480
VALUE_SPACE = 130  # room to the right of the longest bar for its value
ROW_HEIGHT = 48
LABEL_BASELINE = 16
BAR_TOP = 23
BAR_HEIGHT = 16
LABEL_MAX_CHARS = 56


def format_number(value):
    """A count or amount in the active language: sl 1.234, en 1,234."""
    return formats.number_format(value, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class ChartItem:
    """One bar: what it stands for, its value and, where the page has one, a link. `lang` is
    the label's language where it is not the page's (a translated name's fallback, see
    regionportal.base.languages)."""

    label: str
    value: Decimal | int | None
    url: str = ""
    colour: str = BRAND_COLOUR
    lang: str = ""


@dataclass(frozen=True)
class Bar:
    """One drawn row of a chart: its label (shortened), its bar and its value as text, each
    placed in the SVG's coordinates."""

    label: str
    value_text: str
    colour: str
    lang: str
    label_y: int
    bar_y: int
    bar_width: float
    value_x: float
    value_y: int


@dataclass
class BarChart:
    """A horizontal bar chart and the table of its figures.

    `format_value` gives a value as text in the active language; pass `money=True` for
    amounts in EUR. `chart_id` must be unique on the page: the SVG's title and description
    are referred to by it. templates/includes/_bar_chart.html draws it: each label and value
    is a <text>, each bar a <rect> whose width is proportional to its value (a missing or
    negative value draws an empty bar); the SVG is an image to assistive technology
    (role="img"), named by its <title> and described by its <desc> (the title where there is
    no description).
    """

    chart_id: str
    title: str
    label_heading: str
    value_heading: str
    items: list[ChartItem] = field(default_factory=list)
    description: str = ""
    money: bool = False

    # The sizes every chart shares, for the template (class attributes, not fields).
    width = WIDTH
    bar_height = BAR_HEIGHT

    def format_value(self, value):
        if value is None:
            return "–"
        return format_money(value) if self.money else format_number(value)

    @property
    def rows(self):
        """The items with their values as text: what the table below the chart shows."""
        return [(item, self.format_value(item.value)) for item in self.items]

    @property
    def height(self):
        return max(len(self.items), 1) * ROW_HEIGHT

    @property
    def bars(self):
        """The items as drawn, the longest bar filling the space left of the values."""
        amounts = [max(Decimal(item.value or 0), 0) for item in self.items]
        largest = max(amounts, default=0)
        bar_space = WIDTH - VALUE_SPACE
        bars = []
        for index, (item, amount) in enumerate(zip(self.items, amounts, strict=True)):
            top = index * ROW_HEIGHT
            bar_width = round(float(amount / largest) * bar_space, 1) if largest else 0
            bars.append(
                Bar(
                    label=_truncate(str(item.label)),
                    value_text=self.format_value(item.value),
                    colour=_safe_colour(item.colour),
                    lang=item.lang,
                    label_y=top + LABEL_BASELINE,
                    bar_y=top + BAR_TOP,
                    bar_width=bar_width,
                    value_x=bar_width + 6,
                    value_y=top + BAR_TOP + BAR_HEIGHT - 3,
                )
            )
        return bars


def _truncate(label):
    """Keep the SVG readable; the table below the chart gives every label in full."""
    if len(label) <= LABEL_MAX_CHARS:
        return label
    return label[: LABEL_MAX_CHARS - 1].rstrip() + "…"


def _safe_colour(colour):
    """Colours are staff-edited data: anything but a plain hex colour falls back to the brand."""
    return colour if colour and _HEX_COLOUR.fullmatch(colour) else BRAND_COLOUR
