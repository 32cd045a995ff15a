"""The server-drawn SVG bar charts and the table that repeats their figures."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from regionportal.base.charts import BRAND_COLOUR, BarChart, ChartItem

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(str(svg))  # noqa: S314 - markup the test itself just drew


def svg_of(chart):
    """The chart's SVG as its figure on a page draws it."""
    return render_to_string("includes/_bar_chart.html", {"chart": chart})


def draw(items, chart_id="chart", title="Budget by pillar", description=""):
    """The SVG of a chart of (label, value[, colour]) items."""
    chart_items = [
        ChartItem(label, value, colour=(colour or [BRAND_COLOUR])[0])
        for label, value, *colour in items
    ]
    return svg_of(BarChart(chart_id, title, "Label", "Value", chart_items, description))


def test_one_bar_and_two_texts_per_item_with_widths_proportional_to_the_values():
    root = parse(draw([("A", 100), ("B", 50), ("C", 25), ("D", 0)]))

    bars = root.findall(f"{SVG}rect")
    widths = [float(bar.get("width")) for bar in bars]
    assert len(bars) == 4
    assert widths[0] > 0
    assert widths[1] == pytest.approx(widths[0] / 2)
    assert widths[2] == pytest.approx(widths[0] / 4)
    assert widths[3] == 0
    texts = [text.text for text in root.findall(f"{SVG}text")]
    assert texts == ["A", "100", "B", "50", "C", "25", "D", "0"]


def test_the_svg_is_an_image_named_by_its_title_and_description():
    root = parse(draw([("A", 1)], chart_id="budget", title="Budget", description="By pillar"))

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "budget-title budget-desc"
    assert root.find(f"{SVG}title").get("id") == "budget-title"
    assert root.find(f"{SVG}title").text == "Budget"
    assert root.find(f"{SVG}desc").get("id") == "budget-desc"
    assert root.find(f"{SVG}desc").text == "By pillar"


def test_labels_titles_and_ids_are_escaped():
    svg = draw(
        [("<script>alert('x')</script>", 5), ('A "quoted" & <b>bold</b>', 3)],
        chart_id='x" onload="alert(1)',
        title="<i>Title</i>",
    )

    assert "<script>" not in svg
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in svg
    assert "<b>" not in svg
    assert "<i>" not in svg
    assert 'onload="' not in svg
    root = parse(svg)
    assert root.findall(f"{SVG}text")[0].text == "<script>alert('x')</script>"


def test_no_inline_style_attributes():
    svg = draw([("A", 1), ("B", 2)])

    assert "style=" not in svg


def test_colours_come_from_the_items_and_anything_but_a_hex_colour_falls_back_to_the_brand():
    root = parse(draw([("A", 1, "#2f5d8a"), ("B", 2, "red;x"), ("C", 3, None), ("D", 4)]))

    fills = [bar.get("fill") for bar in root.findall(f"{SVG}rect")]
    assert fills == ["#2f5d8a", BRAND_COLOUR, BRAND_COLOUR, BRAND_COLOUR]


def test_a_missing_value_draws_an_empty_bar_and_a_dash():
    root = parse(draw([("A", Decimal("10.00")), ("B", None)]))

    assert [float(bar.get("width")) for bar in root.findall(f"{SVG}rect")][1] == 0
    assert root.findall(f"{SVG}text")[3].text == "–"


def test_all_zero_values_draw_empty_bars():
    root = parse(draw([("A", 0), ("B", 0)]))

    assert [bar.get("width") for bar in root.findall(f"{SVG}rect")] == ["0", "0"]


def test_a_very_long_label_is_shortened_in_the_svg_only():
    label = "Dolgo ime " * 20
    chart = BarChart("c", "Title", "Name", "Value", [ChartItem(label, 1)])

    svg_label = parse(svg_of(chart)).find(f"{SVG}text").text
    assert svg_label.endswith("…")
    assert len(svg_label) <= 56
    assert chart.rows[0][0].label == label


@pytest.mark.parametrize(
    ("language", "money", "count"),
    [("sl", "1.598.948,00 €", "12.345"), ("en", "€1,598,948.00", "12,345")],
)
def test_values_are_formatted_in_the_active_language(language, money, count):
    with translation.override(language):
        money_chart = BarChart("m", "T", "L", "V", [ChartItem("A", Decimal("1598948"))], money=True)
        count_chart = BarChart("c", "T", "L", "V", [ChartItem("A", 12345)])

        assert parse(svg_of(money_chart)).findall(f"{SVG}text")[1].text == money
        assert parse(svg_of(count_chart)).findall(f"{SVG}text")[1].text == count


@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_table_has_the_same_figures_as_the_chart(language):
    chart = BarChart(
        "budget",
        "Budget by programme",
        "Programme",
        "Total budget",
        [
            ChartItem("Interreg Europe", Decimal("2945111.00"), url="/sl/funding/ie/"),
            ChartItem("<LIFE>", Decimal("49597.57")),
            ChartItem("Nacionalni", None),
        ],
        money=True,
    )
    with translation.override(language):
        figure = render_to_string("includes/_chart.html", {"chart": chart})
        table = render_to_string("includes/_chart_table.html", {"chart": chart})

    svg_texts = [text.text for text in parse(re.search(r"<svg.*</svg>", figure).group()).iter()]
    svg_values = [text for text in svg_texts if text][2:][1::2]  # after the title and desc
    table_values = re.findall(r'<span class="money">([^<]*)</span>', table)
    assert len(svg_values) == 3
    assert table_values == svg_values
    assert '<a href="/sl/funding/ie/">Interreg Europe</a>' in table
    assert "&lt;LIFE&gt;" in table
    assert '<caption id="budget-caption">Budget by programme</caption>' in table
    assert (
        '<div class="table-wrap" role="region" tabindex="0" aria-labelledby="budget-caption">'
        in table
    )
    assert figure.count("<figure") == 1
    assert "<figcaption>Budget by programme" in figure


def test_a_chart_without_items_says_so_instead_of_drawing():
    chart = BarChart("empty", "Partners by country", "Country", "Partners")

    with translation.override("en"):
        figure = render_to_string("includes/_chart.html", {"chart": chart})
        table = render_to_string("includes/_chart_table.html", {"chart": chart})

    assert "<svg" not in figure
    assert "There are no figures to draw yet." in figure
    assert "No figures yet." in table
