"""The clinician's report as HTML: the report's view (`unknot.present.report`) laid out by a template."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from unknot.content.schema import Exercise
from unknot.present.chart_html import chart_figure
from unknot.present.figure.svg import pair_svg
from unknot.present.report import NOT_A_DIAGNOSIS, ReportView

_environment = Environment(
    loader=PackageLoader("unknot.exports", "templates"), autoescape=select_autoescape()
)


def report_html(view: ReportView) -> str:
    charts = [chart_figure(chart) for chart in view.charts]
    scores = [chart_figure(chart) for chart in view.score_charts]
    return _environment.get_template("report.html").render(
        view=view, not_a_diagnosis=NOT_A_DIAGNOSIS, charts=charts, scores=scores, figure=_figure
    )


def _figure(exercise: Exercise) -> Markup:
    return Markup(pair_svg(exercise, "small"))
