"""Charts drawn on the server as SVG: they need no JavaScript and print as they show.

A chart is a horizontal bar chart: one row per item, its label above its bar and its value
after the bar. Every chart on a page sits in a <figure> and is followed by a table with the
same figures (templates/includes/_chart.html and _chart_table.html), so that the figures are
there for screen readers, for copying and for anyone who does not read charts.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    """One bar: what it stands for, its value and, where the page has one, a link."""

    label: str
    value: Decimal | int | None
    url: str = ""
    colour: str = BRAND_COLOUR


@dataclass
class BarChart:
    """A horizontal bar chart and the table of its figures.

    `value_format` turns a value into text in the active language; pass `money=True` for
    amounts in EUR. `chart_id` must be unique on the page: the SVG's title and description
    are referred to by it.
    """

    chart_id: str
    title: str
    label_heading: str
    value_heading: str
    items: list[ChartItem] = field(default_factory=list)
    description: str = ""
    money: bool = False

    def format_value(self, value):
        if value is None:
            return "–"
        return format_money(value) if self.money else format_number(value)

    @property
    def rows(self):
        """The items with their values as text: what the table below the chart shows."""
        return [(item, self.format_value(item.value)) for item in self.items]

    def svg(self):
        return horizontal_bar_chart_svg(
            [(item.label, item.value, item.colour) for item in self.items],
            chart_id=self.chart_id,
            title=self.title,
            description=self.description,
            format_value=self.format_value,
        )


def _truncate(label):
    """Keep the SVG readable; the table below the chart gives every label in full."""
    if len(label) <= LABEL_MAX_CHARS:
        return label
    return label[: LABEL_MAX_CHARS - 1].rstrip() + "…"


def _safe_colour(colour):
    """Colours are staff-edited data: anything but a plain hex colour falls back to the brand."""
    return colour if colour and _HEX_COLOUR.fullmatch(colour) else BRAND_COLOUR


def horizontal_bar_chart_svg(items, *, chart_id, title, description="", format_value=None):
    """Draw (label, value[, colour]) pairs as an accessible SVG horizontal bar chart.

    Each label and value is a <text>, each bar a <rect> whose width is proportional to its
    value (a missing or negative value draws an empty bar). The SVG is an image to assistive
    technology (role="img"), named by its <title> and described by its <desc>. Every piece of
    text is escaped before the markup is marked safe.
    """
    format_value = format_value or format_number
    items = [(*tuple(item), BRAND_COLOUR)[:3] for item in items]
    values = [max(Decimal(value), 0) if value is not None else Decimal(0) for _, value, _ in items]
    largest = max(values, default=0)
    bar_space = WIDTH - VALUE_SPACE
    height = max(len(items), 1) * ROW_HEIGHT
    chart_id = escape(chart_id)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description or title)}</desc>',
    ]
    for index, ((label, value, colour), amount) in enumerate(zip(items, values, strict=True)):
        top = index * ROW_HEIGHT
        bar_width = round(float(amount / largest) * bar_space, 1) if largest else 0
        value_text = format_value(value) if value is not None else "–"
        parts.append(
            f'<text class="bar-chart__label" x="0" y="{top + LABEL_BASELINE}">'
            f"{escape(_truncate(str(label)))}</text>"
        )
        parts.append(
            f'<rect class="bar-chart__bar" x="0" y="{top + BAR_TOP}" width="{bar_width}" '
            f'height="{BAR_HEIGHT}" fill="{_safe_colour(colour)}"></rect>'
        )
        parts.append(
            f'<text class="bar-chart__value" x="{bar_width + 6}" '
            f'y="{top + BAR_TOP + BAR_HEIGHT - 3}">{escape(value_text)}</text>'
        )
    parts.append("</svg>")
    # Every label, value, title and id above went through escape(); colours are checked.
    return mark_safe("".join(parts))  # noqa: S308
