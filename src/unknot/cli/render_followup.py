"""Rich rendering of progress, escalation and questionnaires. Layout only."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.cli.widgets import bullets
from unknot.content.schema import Library, Urgency
from unknot.core.journal import HistoryDay, sparkline
from unknot.core.progress import Escalation, Progress
from unknot.core.questionnaires import Due, Response

ESCALATION_TITLES = {
    "emergency": "Get urgent help now",
    "see_clinician": "Time to see a professional",
}


def escalation_panel(escalation: Escalation, library: Library) -> Panel:
    action = library.safety.follow_up_actions[Urgency(escalation.level)]
    body = Group(Text(action, style="bold"), bullets(escalation.reasons))
    return Panel(body, title=ESCALATION_TITLES[escalation.level], border_style="red")


def _number(value: float | None, suffix: str = "") -> str:
    return "not yet" if value is None else f"{value:.1f}{suffix}"


def progress_view(report: Progress, days: list[HistoryDay], answered: list[Response]) -> Group:
    table = Table(title="Your progress", show_header=False)
    table.add_column("What", style="bold")
    table.add_column("Value")
    table.add_row("Started", report.start_date.isoformat() if report.start_date else "no check-ins yet")
    table.add_row("Pain at the start (first 3 check-ins)", _number(report.baseline_pain))
    table.add_row("Pain in the last 7 days", _number(report.recent_pain))
    table.add_row("Change", _number(report.change_pct, " %"))
    table.add_row("Days with a session", f"{report.adherence:.0%}")
    pains = [d.checkin.pain if d.checkin else None for d in days[-60:]]
    trend = Text.assemble(("Pain trend: ", "bold"), (sparkline(pains), "cyan"))
    parts: list[Table | Text] = [table, trend]
    for form in ("peg", "rmdq"):
        scores = [r.score for r in answered if r.questionnaire == form]
        if scores:
            parts.append(Text(f"{form.upper()} scores: " + ", ".join(f"{s:g}" for s in scores[-8:])))
    if report.escalation.level == "none":
        parts.append(Text("No reason to change course: keep going, and keep checking in.", style="green"))
    return Group(*parts)


def due_table(due: list[Due], library: Library) -> Table:
    table = Table(title="Questionnaires")
    for column in ("Questionnaire", "Last answered", "Next due"):
        table.add_column(column)
    for item in due:
        form = library.questionnaires[item.questionnaire]
        when = "now" if item.is_due else item.due.isoformat()
        command = f"unknot questionnaire {form.id}"
        table.add_row(f"{form.name} ({command})", item.last.isoformat() if item.last else "never", when)
    return table
