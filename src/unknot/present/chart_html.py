"""A chart as HTML, for the web pages and the HTML report: its caption, its drawing (or the sentence
that stands for it when it has nothing to draw) and its table, folded, for anyone who cannot see it."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from unknot.present.chart_svg import chart_svg
from unknot.present.charts import Chart, Table

TABLE_SUMMARY = "Show as a table"


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    rows = "".join(
        f'<tr><th scope="row">{escape(first)}</th>{"".join(f"<td>{escape(c)}</td>" for c in rest)}</tr>'
        for first, *rest in table.rows
    )
    return (
        f'<details class="chart-table"><summary>{TABLE_SUMMARY}</summary><div class="table-wrap"><table>'
        f"<caption>{escape(table.caption)}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
        "</table></div></details>"
    )


def chart_figure(chart: Chart) -> Markup:
    """`<figure>` with the chart's caption, then its SVG and table, or its empty sentence."""
    caption = f"<figcaption>{escape(chart.caption)}</figcaption>"
    if chart.is_empty:
        return Markup(
            f'<figure class="chart-figure">{caption}<p class="chart-empty">{escape(chart.empty)}</p></figure>'
        )
    return Markup(f'<figure class="chart-figure">{caption}{chart_svg(chart)}{_table(chart.table)}</figure>')
