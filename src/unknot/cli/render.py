"""Rich rendering of results for people. No rules here: only layout."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.cli.render_followup import ESCALATION_TITLES, due_table, escalation_panel
from unknot.cli.widgets import bullets
from unknot.content.schema import Exercise, Level, Library
from unknot.core.journal import Checkin, HistoryDay, NextStep, sparkline
from unknot.core.result import Assessment, Plan, TriageLevel
from unknot.services.journal import CheckinOutcome, TodayStatus

TRIAGE_STYLE = {
    TriageLevel.EMERGENCY: ("Go to an emergency department now", "bold white on red"),
    TriageLevel.SEE_CLINICIAN: ("See a clinician before starting exercises", "bold black on yellow"),
    TriageLevel.SELF_CARE: ("Self-care looks reasonable", "bold black on green"),
}


def triage_panel(result: Assessment) -> Panel:
    title, style = TRIAGE_STYLE[result.triage]
    body: list[Text] = []
    if result.action:
        body.append(Text(result.action, style="bold"))
    if result.reasons:
        body.append(bullets(result.reasons))
    if not body:
        body.append(Text("You reported no warning signs. Start gently and follow the stop rules."))
    return Panel(Group(*body), title=Text(f" {title} ", style=style), border_style=style.split()[-1])


def causes_table(result: Assessment) -> Table | Text:
    if not result.causes:
        return Text("No particular contributing cause stood out from your answers.")
    table = Table(title="What may be contributing", show_lines=True, expand=True)
    table.add_column("Cause", style="bold", no_wrap=True)
    table.add_column("Why")
    for cause in result.causes:
        table.add_row(cause.name, cause.why)
    return table


def plan_table(plan: Plan) -> Table:
    table = Table(
        title=f"Your daily programme: {plan.level}, about {plan.total_minutes:g} minutes",
        show_lines=True,
        expand=True,
    )
    table.add_column("#", justify="right")
    table.add_column("Exercise", style="bold")
    table.add_column("Min", justify="right")
    table.add_column("Why")
    for number, item in enumerate(plan.items, start=1):
        table.add_row(str(number), f"{item.name}\n[dim]{item.id}[/dim]", f"{item.minutes:g}", item.why)
    return table


def render_assessment(console: Console, result: Assessment, library: Library) -> None:
    console.print(triage_panel(result))
    console.print(causes_table(result))
    if result.therapy:
        therapy = result.therapy
        console.print(
            Panel(
                therapy.why,
                title=f"Relief: {therapy.kind} for {therapy.minutes} minutes (never more than 20)",
            )
        )
    if result.plan:
        console.print(plan_table(result.plan))
        names = [library.habits[h].name for h in result.plan.habits if h in library.habits]
        console.print(Panel(bullets(names), title="Daily habits"))
    if result.advice:
        console.print(Panel(bullets(result.advice), title="Also worth knowing", border_style="yellow"))
    console.print(stop_rules_panel(result.stop_rules))


def exercises_table(exercises: list[Exercise]) -> Table:
    table = Table(title=f"{len(exercises)} exercises", expand=True)
    for column in ("Id", "Name", "Kind", "Targets", "Position"):
        table.add_column(column)
    for e in exercises:
        table.add_row(e.id, e.name, e.kind.value, ", ".join(t.value for t in e.targets), e.position.value)
    return table


def _dose_line(level: Level, exercise: Exercise) -> str | None:
    dose = exercise.dose.for_level(level)
    if dose is None:
        return None
    work = f"hold {dose.hold_seconds} s" if dose.hold_seconds else f"{dose.reps} reps"
    sides = ", each side" if dose.sides == 2 else ""
    return f"{level.value}: {work} x {dose.sets} sets{sides}"


def exercise_panel(exercise: Exercise, library: Library) -> Panel:
    doses = [line for lvl in Level if (line := _dose_line(lvl, exercise))]
    parts = [
        Text(exercise.purpose),
        Text("Steps", style="bold"),
        Text("\n".join(f"{i}. {s}" for i, s in enumerate(exercise.steps, start=1))),
        Text(f"You should feel: {exercise.feel}"),
        Text("Dose", style="bold"),
        bullets(doses),
        Text("Stop if", style="bold red"),
        bullets(exercise.stop_if),
        Text("Cautions", style="bold yellow"),
        bullets(exercise.cautions),
        Text(f"Easier: {exercise.regression}\nHarder: {exercise.progression}"),
        Text("Sources", style="bold"),
        bullets(library.citations(exercise.sources)),
    ]
    subtitle = f"{exercise.kind.value} · {exercise.position.value} · " + ", ".join(
        t.value for t in exercise.targets
    )
    return Panel(Group(*parts), title=Text(exercise.name, style="bold"), subtitle=subtitle)


def stop_rules_panel(rules: list[str], *, worse: bool = False) -> Panel:
    title = "Your pain is worse than before the session" if worse else "Stop and seek advice if"
    lead = [Text("Ease off: do the gentler version or fewer sets next time.", style="bold")] if worse else []
    return Panel(Group(*lead, bullets(rules)), title=title, border_style="red")


def checkin_outcome(outcome: CheckinOutcome, library: Library) -> Group:
    day = outcome.checkin.date.isoformat()
    verb = "Replaced the check-in" if outcome.replaced else "Saved your check-in"
    parts: list[Text | Panel] = [Text(f"{verb} for {day}.")]
    if outcome.urgency is not None:
        reasons = [f.reason for f in library.safety.flags if f.id in outcome.checkin.red_flags]
        action = library.safety.follow_up_actions[outcome.urgency]
        title = ESCALATION_TITLES[outcome.urgency.value]
        parts.append(
            Panel(Group(Text(action, style="bold"), bullets(reasons)), title=title, border_style="red")
        )
    return Group(*parts)


def _note_cell(checkin: Checkin | None) -> Text:
    """The note as plain text (never markup: it is the user's own words), and any warning signs."""
    if checkin is None:
        return Text()
    cell = Text(checkin.note)
    if checkin.red_flags:
        cell.append(" (warning signs)", style="red")
    return cell


def history_table(days: list[HistoryDay], shown: int) -> Group | Text:
    """The `shown` most recent days, oldest first, and a sparkline of the last 60."""
    if not days:
        return Text("Nothing recorded yet. Start with 'unknot checkin' or 'unknot start'.")
    pains = [d.checkin.pain if d.checkin else None for d in days[-60:]]
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
    trend = Text.assemble(("Pain, last 60 days with entries: ", "bold"), (sparkline(pains), "cyan"))
    return Group(table, trend)


NEXT_STEP_WORDS = {
    NextStep.START: "Run 'unknot start' to answer a few questions and get your programme.",
    NextStep.SEEK_CARE: "Your assessment says to see a clinician first: no programme until then.",
    NextStep.CHECKIN: "Check in: 'unknot checkin'.",
    NextStep.SESSION: "Play today's session: 'unknot session'.",
    NextStep.DONE: "All done for today. Well done.",
}


def today_view(status: TodayStatus, library: Library) -> Group:
    parts: list[Any] = [Text(f"Today, {status.date.isoformat()}", style="bold")]
    if status.escalation.level != "none":
        parts.append(escalation_panel(status.escalation, library))
    current = status.current
    if current is not None and current.change_reason:
        parts.append(
            Panel(current.change_reason, title=f"Plan changed on {current.changed_on}", border_style="cyan")
        )
    if current is not None and current.plan is None:
        parts.append(triage_panel(current.assessment))
    if current is not None and current.plan is not None:
        parts.append(plan_table(current.plan))
    checked = "not yet" if status.checkin is None else f"pain {status.checkin.pain}"
    parts.append(Text(f"Check-in: {checked}. Sessions completed today: {status.sessions_completed}."))
    parts.append(Panel(NEXT_STEP_WORDS[status.next_step], title="Next step", border_style="cyan"))
    if current is not None and current.plan is not None and any(d.is_due for d in status.due):
        parts.append(due_table([d for d in status.due if d.is_due], library))
    return Group(*parts)
