"""The clinician's report, built once as a view: its sections, tables and chart data in words.

`unknot.exports.report` lays it out as HTML and `unknot.exports.pdf` draws it as a PDF; neither
decides what the report says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from unknot.content.schema import Library
from unknot.core.history import HistoryDay, pains
from unknot.core.progress import Progress
from unknot.core.questionnaires import Response
from unknot.core.result import Assessment, Plan
from unknot.present.charts import weekly_counts
from unknot.present.progress import progress_stats
from unknot.present.words import about_minutes, score

TITLE = "unknot self-care summary"
NOT_A_DIAGNOSIS = "Self-reported by the user in unknot, a self-care app; not a diagnosis."
CHART_DAYS = 90
LATEST_SCORES = 16


@dataclass(frozen=True)
class ReportFacts:
    """Everything the report shows, gathered once from the journal."""

    generated: dt.date
    assessed_on: dt.date | None
    assessment: Assessment | None
    plan: Plan | None
    plan_changes: list[tuple[dt.date, str]]
    progress: Progress
    days: list[HistoryDay]
    responses: list[Response]
    library: Library


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    table: Table | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScoreChart:
    name: str
    top: float
    points: list[tuple[dt.date, float]]


@dataclass(frozen=True)
class ReportView:
    title: str
    generated: str
    escalation: Section | None
    sections: list[Section]  # assessment, programme, pain and adherence
    pain_days: list[HistoryDay]  # the last 90 days with entries, for the pain chart
    pain_values: list[int | None]
    weekly_sessions: list[tuple[dt.date, int]]
    questionnaires: Section
    score_charts: list[ScoreChart]


def _escalation(progress: Progress) -> Section | None:
    escalation = progress.escalation
    if not escalation.level.needs_care:
        return None
    return Section(f"Escalation: {escalation.level.value.replace('_', ' ')}", bullets=escalation.reasons)


def _assessment(facts: ReportFacts) -> Section:
    heading = "Assessment" + (f" ({facts.assessed_on})" if facts.assessed_on else "")
    a = facts.assessment
    if a is None:
        return Section(heading, ["No assessment recorded."])
    flags = ", ".join(f.replace("_", " ") for f in a.red_flags) or "none"
    causes = "; ".join(c.name for c in a.causes) or "none identified"
    paragraphs = [f"Triage: {a.triage.value.replace('_', ' ')}. Red flags reported: {flags}."]
    notes = [f"Possible contributing factors: {causes}."]
    if a.therapy:
        notes.append(f"Relief suggested: {a.therapy.kind}, {a.therapy.minutes} minutes.")
    return Section(heading, paragraphs, bullets=a.reasons, notes=notes)


def _programme(facts: ReportFacts) -> Section:
    plan = facts.plan
    if plan is None:
        return Section("Programme", ["No programme (none offered, or no assessment)."])
    rows = [(item.name, item.level.value, f"{item.minutes:g}") for item in plan.items]
    notes = [f"{about_minutes(plan.total_minutes).capitalize()} a day."]
    notes += [f"{day}: {reason}" for day, reason in facts.plan_changes]
    return Section("Programme", table=Table(("Exercise", "Level", "Minutes"), rows), notes=notes)


def _numbers(facts: ReportFacts) -> Section:
    rows = [(s.label + (f" ({s.note})" if s.note else ""), s.value) for s in progress_stats(facts.progress)]
    return Section("Pain and adherence", table=Table(("", ""), rows))


def _questionnaires(facts: ReportFacts) -> Section:
    forms = facts.library.questionnaires
    notes = [form.score_label for form in forms.values()]
    if not facts.responses:
        return Section("Questionnaires", ["No questionnaire answered yet."], notes=notes)
    latest = facts.responses[-LATEST_SCORES:]
    rows = [
        (
            str(r.date),
            forms[r.questionnaire].short_name,
            f"{score(r.score)} / {score(forms[r.questionnaire].max_score)}",
        )
        for r in latest
    ]
    paragraphs = [] if len(latest) == len(facts.responses) else [f"The latest {LATEST_SCORES} answers."]
    return Section(
        "Questionnaires", paragraphs, table=Table(("Date", "Questionnaire", "Score"), rows), notes=notes
    )


def _score_charts(facts: ReportFacts) -> list[ScoreChart]:
    charts = []
    for form in facts.library.questionnaires.values():
        points = [(r.date, r.score) for r in facts.responses if r.questionnaire == form.id]
        if points:
            charts.append(ScoreChart(f"{form.short_name} score", form.max_score, points))
    return charts


def report_view(facts: ReportFacts) -> ReportView:
    start = facts.progress.start_date
    recent = facts.days[-CHART_DAYS:]
    return ReportView(
        title=TITLE,
        generated=f"Generated {facts.generated}" + (f"; journal from {start}." if start else "."),
        escalation=_escalation(facts.progress),
        sections=[_assessment(facts), _programme(facts), _numbers(facts)],
        pain_days=recent,
        pain_values=pains(recent),
        weekly_sessions=weekly_counts(facts.days),
        questionnaires=_questionnaires(facts),
        score_charts=_score_charts(facts),
    )
