"""Rich rendering of results for people. No rules and no wording of its own: only layout."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from unknot.cli.widgets import bullets
from unknot.content.schema import Exercise, Library, TherapyId
from unknot.core.result import Assessment, Plan
from unknot.present.care import STOP_RULES_HEADING, Banner, flare_banner, triage_banner
from unknot.present.text import plain_text
from unknot.present.words import (
    NOTE_WORDS,
    about_minutes,
    dose_lines,
    evidence_words,
    item_dose,
    minutes,
    therapy_cap,
)

TONES = {
    "emergency": "bold white on red",
    "see_clinician": "bold black on yellow",
    "self_care": "bold black on green",
    "stop": "bold white on red",
}


def banner_panel(banner: Banner, *, lead_bold: bool = True) -> Panel:
    """A banner as a panel: the heading in the border, what to do, then why."""
    style = TONES[banner.tone]
    body: list[Text] = [Text(banner.action, style="bold" if lead_bold else "")]
    if banner.reasons:
        body.append(bullets(list(banner.reasons)))
    return Panel(Group(*body), title=Text(f" {banner.heading} ", style=style), border_style=style.split()[-1])


def triage_panel(result: Assessment, library: Library) -> Panel:
    return banner_panel(triage_banner(result, library.safety), lead_bold=result.triage.needs_care)


def causes_table(result: Assessment) -> Table | Text:
    if not result.causes:
        return Text("No particular contributing cause stood out from your answers.")
    table = Table(title="What may be contributing", show_lines=True, expand=True)
    table.add_column("Cause", style="bold", no_wrap=True)
    table.add_column("Why")
    for cause in result.causes:
        table.add_row(Text(plain_text(cause.name)), Text(plain_text(cause.why)))
    return table


def plan_table(plan: Plan, library: Library) -> Table:
    table = Table(
        title=f"Your daily programme: {plan.level}, {about_minutes(plan.total_minutes)}",
        show_lines=True,
        expand=True,
    )
    table.add_column("#", justify="right")
    table.add_column("Exercise", style="bold")
    table.add_column("Dose")
    table.add_column("Time", justify="right")
    table.add_column("Why")
    for number, item in enumerate(plan.items, start=1):
        dose = item_dose(item, library.exercises[item.id])
        name = Text.assemble(plain_text(item.name), "\n", (item.id, "dim"))
        why = f"{item.why} {NOTE_WORDS} {item.note}" if item.note else item.why
        table.add_row(str(number), name, dose, minutes(item.minutes), Text(plain_text(why)))
    if plan.walking:  # a stored plan's words (an import's, perhaps): shown as plain text
        walk = f"And walk {about_minutes(plan.walking.minutes_per_day)} a day. {plan.walking.why}"
        table.caption = Text(plain_text(walk))
    return table


def render_assessment(console: Console, result: Assessment, library: Library) -> None:
    console.print(triage_panel(result, library))
    console.print(causes_table(result))
    if result.therapy:
        advice = result.therapy
        cap = therapy_cap(library.therapies[TherapyId(advice.kind)])
        title = f"Relief: {advice.kind} for {advice.minutes} minutes. {cap}"
        console.print(Panel(Text(plain_text(advice.why)), title=title))
    if result.plan:
        console.print(plan_table(result.plan, library))
        names = [library.habits[h].name for h in result.plan.habits if h in library.habits]
        console.print(Panel(bullets(names), title="Daily habits"))
    if result.advice:
        console.print(Panel(bullets(result.advice), title="Also worth knowing", border_style="yellow"))
    console.print(stop_rules_panel(result.stop_rules))


def exercises_table(exercises: list[Exercise]) -> Table:
    table = Table(title=f"{len(exercises)} exercises")
    table.add_column("Id", no_wrap=True, min_width=max((len(e.id) for e in exercises), default=2))
    for column in ("Name", "Kind", "Targets", "Position"):
        table.add_column(column, overflow="fold")  # these wrap, never the id `exercises show` needs
    for e in exercises:
        table.add_row(e.id, e.name, e.kind.value, ", ".join(t.value for t in e.targets), e.position.value)
    return table


def exercise_panel(exercise: Exercise, library: Library) -> Panel:
    parts = [
        Text(exercise.purpose),
        Text("Steps", style="bold"),
        Text("\n".join(f"{i}. {s}" for i, s in enumerate(exercise.steps, start=1))),
        Text(f"You should feel: {exercise.feel}"),
        Text("Dose", style="bold"),
        bullets(dose_lines(exercise)),
        Text("Stop if", style="bold red"),
        bullets(exercise.stop_if),
        Text("Cautions", style="bold yellow"),
        bullets(exercise.cautions),
        Text(f"Easier: {exercise.regression}\nHarder: {exercise.progression}"),
        Text("Evidence", style="bold"),
        Text(evidence_words(exercise)),
        bullets(library.citations(exercise.sources)),
    ]
    subtitle = f"{exercise.kind.value} · {exercise.position.value} · " + ", ".join(
        t.value for t in exercise.targets
    )
    return Panel(Group(*parts), title=Text(exercise.name, style="bold"), subtitle=subtitle)


def stop_rules_panel(rules: list[str]) -> Panel:
    return Panel(bullets(rules), title=STOP_RULES_HEADING, border_style="red")


def flare_panel(library: Library) -> Panel:
    return banner_panel(flare_banner(library.safety))
