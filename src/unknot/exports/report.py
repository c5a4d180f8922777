"""The clinician's report as HTML: the report's view (`unknot.present.report`) laid out by a template."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from unknot.present.charts import pain_chart, scores_chart, sessions_chart
from unknot.present.report import NOT_A_DIAGNOSIS, ReportView

_environment = Environment(
    loader=PackageLoader("unknot.exports", "templates"), autoescape=select_autoescape()
)


def report_html(view: ReportView) -> str:
    charts = [pain_chart(view.pain_days), sessions_chart(view.weekly_sessions)]
    scores = [scores_chart(c.points, c.name, c.top) for c in view.score_charts]
    return _environment.get_template("report.html").render(
        view=view, not_a_diagnosis=NOT_A_DIAGNOSIS, charts=charts, scores=scores
    )
