"""The clinician's report: one to two pages, as HTML (from a template) or PDF (drawn with fpdf2)."""

from __future__ import annotations

import datetime as dt

from jinja2 import Environment, PackageLoader, select_autoescape

from unknot.charts import pain_chart, scores_chart, sessions_chart
from unknot.services.exports import ReportData

_environment = Environment(
    loader=PackageLoader("unknot.exports", "templates"), autoescape=select_autoescape()
)


def fmt(value: float | None, suffix: str = "") -> str:
    return "not enough check-ins yet" if value is None else f"{value:.1f}{suffix}"


def _scores(data: ReportData, questionnaire: str) -> list[tuple[dt.date, float]]:
    return [(r.date, r.score) for r in data.responses if r.questionnaire == questionnaire]


def report_html(data: ReportData) -> str:
    forms = data.library.questionnaires
    recent = data.days[-90:]
    return _environment.get_template("report.html").render(
        data=data,
        a=data.assessment,
        progress=data.progress,
        fmt=fmt,
        names={k: f.short_name for k, f in forms.items()},
        tops={k: f.max_score for k, f in forms.items()},
        pain_chart=pain_chart(recent),
        sessions_chart=sessions_chart(data.days),
        peg_chart=scores_chart(_scores(data, "peg"), "PEG-3 score", forms["peg"].max_score),
        rmdq_chart=scores_chart(_scores(data, "rmdq"), "RMDQ score", forms["rmdq"].max_score),
    )
