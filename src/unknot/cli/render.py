"""Rich rendering of results for people. No rules here: only layout."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.content.schema import Exercise, Level, Library
from unknot.core.result import Assessment, Plan, TriageLevel

TRIAGE_STYLE = {
    TriageLevel.EMERGENCY: ("Go to an emergency department now", "bold white on red"),
    TriageLevel.SEE_CLINICIAN: ("See a clinician before starting exercises", "bold black on yellow"),
    TriageLevel.SELF_CARE: ("Self-care looks reasonable", "bold black on green"),
}


def _bullets(lines: list[str]) -> Text:
    return Text("\n".join(f"• {line}" for line in lines))


def triage_panel(result: Assessment) -> Panel:
    title, style = TRIAGE_STYLE[result.triage]
    body: list[Text] = []
    if result.action:
        body.append(Text(result.action, style="bold"))
    if result.reasons:
        body.append(_bullets(result.reasons))
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
        console.print(Panel(_bullets(names), title="Daily habits"))
    if result.advice:
        console.print(Panel(_bullets(result.advice), title="Also worth knowing", border_style="yellow"))
    console.print(Panel(_bullets(result.stop_rules), title="Stop and seek advice if", border_style="red"))


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
        _bullets(doses),
        Text("Stop if", style="bold red"),
        _bullets(exercise.stop_if),
        Text("Cautions", style="bold yellow"),
        _bullets(exercise.cautions),
        Text(f"Easier: {exercise.regression}\nHarder: {exercise.progression}"),
        Text("Sources", style="bold"),
        _bullets(library.citations(exercise.sources)),
    ]
    subtitle = f"{exercise.kind.value} · {exercise.position.value} · " + ", ".join(
        t.value for t in exercise.targets
    )
    return Panel(Group(*parts), title=Text(exercise.name, style="bold"), subtitle=subtitle)
