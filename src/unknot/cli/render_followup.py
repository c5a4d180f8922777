"""Rich rendering of the daily journal and of following up: check-ins, history, today, progress,
questionnaires. Layout only."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.cli.render import banner_panel, plan_table, triage_panel
from unknot.content.schema import Library
from unknot.core.checkins import Checkin
from unknot.core.history import HistoryDay, pains, sparkline
from unknot.core.progress import Escalation, Progress
from unknot.core.questionnaires import Due, Response
from unknot.core.result import Plan
from unknot.core.today import NextStep
from unknot.present.care import escalation_banner, warning_banner
from unknot.present.firstday import first_day
from unknot.present.progress import progress_stats
from unknot.present.text import plain_text
from unknot.present.words import ANSWER_AGAIN_WORDS, SEEK_CARE_WORDS, score
from unknot.services.checkins import CheckinOutcome
from unknot.services.today import TodayStatus

SPARK_DAYS = 60


def escalation_panel(escalation: Escalation, library: Library) -> Panel | None:
    """Time to see a professional (or urgent help), first on every screen; None when not."""
    banner = escalation_banner(escalation, library.safety)
    return None if banner is None else banner_panel(banner)


def checkin_outcome(outcome: CheckinOutcome, library: Library) -> Group:
    day = outcome.checkin.date.isoformat()
    verb = "Replaced the check-in" if outcome.replaced else "Saved your check-in"
    parts: list[Text | Panel] = [Text(f"{verb} for {day}.")]
    banner = warning_banner(outcome.checkin, library.safety)
    if banner is not None:
        parts.append(banner_panel(banner))
    return Group(*parts)


def _note_cell(checkin: Checkin | None) -> Text:
    """The note as plain text (never markup nor escape codes: it is the user's own words), and any
    warning signs."""
    if checkin is None:
        return Text()
    cell = Text(plain_text(checkin.note))
    if checkin.red_flags:
        cell.append(" (warning signs)", style="red")
    return cell


def _trend(label: str, days: list[HistoryDay]) -> Text:
    return Text.assemble((label, "bold"), (sparkline(pains(days[-SPARK_DAYS:])), "cyan"))


def history_table(days: list[HistoryDay], shown: int) -> Group | Text:
    """The `shown` most recent days, oldest first, and a sparkline of the last 60."""
    if not days:
        return Text("Nothing recorded yet. Start with 'unknot checkin' or 'unknot start'.")
    table = Table(title="Your journal", expand=True)
    if shown < len(days):
        table.caption = f"The {shown} most recent of {len(days)} days; 'unknot history --days 0' shows all."
    for column in ("Date", "Pain", "Stiffness", "Sessions", "Note"):
        table.add_column(column, justify="right" if column in ("Pain", "Stiffness", "Sessions") else "left")
    for day in days[-shown:]:
        c = day.checkin
        table.add_row(
            day.date.isoformat(),
            "" if c is None else str(c.pain),
            "" if c is None or c.stiffness is None else str(c.stiffness),
            str(day.sessions_completed),
            _note_cell(c),
        )
    return Group(table, _trend(f"Pain, last {SPARK_DAYS} days with entries: ", days))


NEXT_STEP_WORDS = {
    NextStep.START: "Run 'unknot start' to answer a few questions and get your programme.",
    NextStep.SEEK_CARE: SEEK_CARE_WORDS,
    NextStep.ANSWER_AGAIN: f"{ANSWER_AGAIN_WORDS}: 'unknot start'.",
    NextStep.CHECKIN: "Check in: 'unknot checkin'.",
    NextStep.SESSION: "Play today's session: 'unknot session'.",
    NextStep.DONE: "All done for today. Well done.",
}


def first_day_view(status: TodayStatus, plan: Plan, library: Library) -> list[Any]:
    """Day one: the first session alone, then a short list of what can wait."""
    pain = status.checkin.pain if status.checkin else None
    first = first_day(plan, status.due, status.lesson, library, today=status.date, checkin_pain=pain)
    start = Text.assemble(first.lead, "\n", (f"{first.start}: 'unknot session'.", "bold"))
    later = Text(first.later_heading + ":", style="bold")
    for item in first.later:
        later.append(f"\n• {item.words} ('{item.command}')", style="not bold")
    return [Panel(start, title=first.heading, border_style="cyan"), later]


def today_view(status: TodayStatus, library: Library) -> Group:
    parts: list[Any] = [Text(f"Today, {status.date.isoformat()}", style="bold")]
    escalation = escalation_panel(status.escalation, library)
    parts += [escalation] if escalation else []
    current = status.current
    if status.first_day and current is not None and current.plan is not None:
        return Group(*parts, *first_day_view(status, current.plan, library))
    if current is not None and current.change_reason:
        parts.append(
            Panel(
                Text(plain_text(current.change_reason)),
                title=f"Plan changed on {current.changed_on}",
                border_style="cyan",
            )
        )
    if current is not None and current.plan is None:
        parts.append(triage_panel(current.assessment, library))
    if current is not None and current.plan is not None:
        parts.append(plan_table(current.plan, library))
    checked = "not yet" if status.checkin is None else f"pain {status.checkin.pain}"
    parts.append(Text(f"Check-in: {checked}. Sessions completed today: {status.sessions_completed}."))
    parts.append(Panel(NEXT_STEP_WORDS[status.next_step], title="Next step", border_style="cyan"))
    if status.lesson is not None:
        lesson = status.lesson
        parts.append(
            Text(f"Today's lesson: {lesson.title} ({lesson.minutes} min): 'unknot lessons show {lesson.id}'.")
        )
    if current is not None and current.plan is not None and any(d.is_due for d in status.due):
        parts.append(due_table([d for d in status.due if d.is_due], library))
    return Group(*parts)


def progress_view(
    report: Progress, days: list[HistoryDay], answered: list[Response], library: Library
) -> Group:
    table = Table(title="Your progress", show_header=False)
    table.add_column("What", style="bold")
    table.add_column("Value")
    table.add_row("Started", report.start_date.isoformat() if report.start_date else "no check-ins yet")
    for stat in progress_stats(report):
        table.add_row(f"{stat.label} ({stat.note})" if stat.note else stat.label, stat.value)
    parts: list[Table | Text] = [table, _trend("Pain trend: ", days)]
    for form in library.questionnaires.values():
        scores = [r.score for r in answered if r.questionnaire == form.id]
        if scores:  # named as on the command line: `unknot questionnaire peg`
            parts.append(Text(f"{form.id.upper()} scores: " + ", ".join(score(s) for s in scores[-8:])))
    if not report.escalation.level.needs_care:
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
