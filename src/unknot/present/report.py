"""The clinician's report, built once as a view: its sections, tables and chart data in words.

`unknot.exports.report` lays it out as HTML and `unknot.exports.pdf` draws it as a PDF; neither
decides what the report says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from unknot.content.schema import Exercise, Library
from unknot.core.history import HistoryDay
from unknot.core.progress import Progress
from unknot.core.progression import PlanEvents
from unknot.core.questionnaires import Response
from unknot.core.result import Assessment, Plan
from unknot.present.charts import Chart, pain_chart, scores_chart, sessions_chart, weekly_counts
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
    days: list[HistoryDay]  # what the charts show: `services.checkins.recent_history`
    events: PlanEvents  # what the charts mark (from `charts.charted_since` on)
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
    figures: list[Exercise] = field(default_factory=list)  # drawn small, start and end, with their names


@dataclass(frozen=True)
class ReportView:
    title: str
    generated: str
    escalation: Section | None
    sections: list[Section]  # assessment, programme, pain and adherence
    charts: list[Chart]  # pain over the last 90 days with entries, sessions over the last 12 weeks
    questionnaires: Section
    score_charts: list[Chart]  # each questionnaire answered


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
    figures = [facts.library.exercises[item.id] for item in plan.items]
    table = Table(("Exercise", "Level", "Minutes"), rows)
    return Section("Programme", table=table, notes=notes, figures=figures)


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


def _score_charts(facts: ReportFacts) -> list[Chart]:
    charts = []
    for form in facts.library.questionnaires.values():
        points = [(r.date, r.score) for r in facts.responses if r.questionnaire == form.id]
        if points:
            charts.append(scores_chart(points, form.short_name, form.max_score, form.id))
    return charts


def report_view(facts: ReportFacts) -> ReportView:
    start = facts.progress.start_date
    charts = [
        pain_chart(facts.days[-CHART_DAYS:], facts.events),
        sessions_chart(weekly_counts(facts.days), facts.events),
    ]
    return ReportView(
        title=TITLE,
        generated=f"Generated {facts.generated}" + (f"; journal from {start}." if start else "."),
        escalation=_escalation(facts.progress),
        sections=[_assessment(facts), _programme(facts), _numbers(facts)],
        charts=charts,
        questionnaires=_questionnaires(facts),
        score_charts=_score_charts(facts),
    )
