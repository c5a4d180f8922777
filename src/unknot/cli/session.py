"""`unknot session`: play today's programme step by step, or record it as done with --done."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from unknot.cli.common import console, fail, journal_from_env, settings_from_env
from unknot.cli.render import plan_table, stop_rules_panel
from unknot.cli.render_followup import escalation_panel
from unknot.cli.terminal import Cues, ScaledClock, read_key, single_keys
from unknot.cli.widgets import ask_score, progress_bar
from unknot.content.schema import Exercise
from unknot.core.journal import flared
from unknot.core.player import Player, StepKind, build_steps
from unknot.services import Journal, UrgentCareError
from unknot.services.journal import CurrentPlan

KEYS_HELP = "space pause · → or n next exercise · ← or b back · q stop"
KIND_WORDS = {StepKind.PREPARE: "Get ready", StepKind.WORK: "Go", StepKind.REST: "Rest"}


def pain_question(out: Console, when: str) -> int:
    return ask_score(out, f"Pain {when}, from 0 (none) to 10 (worst)?")


def _step_view(player: Player, exercise: Exercise, stop_rules: list[str], total_items: int) -> Panel:
    step = player.step
    assert step is not None
    detail = f"Set {step.set_number} of {step.sets}" + (f" · {step.side} side" if step.side else "")
    if step.kind is StepKind.WORK and step.reps:
        detail += f" · {step.reps} slow repetitions"
    word = KIND_WORDS[step.kind] if step.kind is not StepKind.WORK else ("Repeat" if step.reps else "Hold")
    state = "PAUSED" if player.paused else word
    headline = Text(f"{state}  {player.remaining:4.0f} s", style="bold reverse" if player.paused else "bold")
    done = 1 - player.remaining / step.seconds if step.seconds else 1
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(exercise.steps, start=1))
    body = Group(
        headline,
        Text(detail),
        progress_bar(done),
        Text(steps),
        Text(f"You should feel: {exercise.feel}", style="italic"),
        Text(" ".join(stop_rules), style="red"),
        Text(KEYS_HELP, style="dim"),
    )
    title = f"Exercise {step.item + 1} of {total_items} · {exercise.name}"
    return Panel(body, title=title, subtitle=f"session {100 * player.index // len(player.steps)}%")


def play(player: Player, journal: Journal, out: Console, cues: Cues, scale: float) -> None:
    exercises = journal.library.exercises
    rules = list(journal.library.safety.stop_rules)
    total = player.steps[-1].item + 1
    clock = ScaledClock(scale)
    actions = {
        " ": player.toggle_pause,
        "p": player.toggle_pause,
        "right": player.skip,
        "n": player.skip,
        "left": player.back,
        "b": player.back,
        "q": player.stop,
    }
    if player.step:
        cues(player.step.cue)
    with single_keys(), Live(console=out, refresh_per_second=10, transient=True) as live:
        while not player.finished:
            step = player.step
            assert step is not None
            live.update(_step_view(player, exercises[step.exercise_id], rules, total))
            key = read_key(0.1)
            started = player.tick(clock.lap())
            action = actions.get(key or "")
            started += (action() or []) if action else []
            for begun in started[-1:]:
                cues(begun.cue)
    cues.hush()


def session_command(
    done: Annotated[
        bool, typer.Option("--done", help="Record today's programme as completed, without playing.")
    ] = False,
    date: Annotated[str | None, typer.Option("--date", help="The date, YYYY-MM-DD (default today).")] = None,
) -> None:
    """Play today's programme step by step, with timers and cues; or record it with --done."""
    journal = journal_from_env()
    if done:
        row = journal.record_session(date_text=date)
        console().print(f"Recorded a completed session for {row.date.isoformat()}.")
        return
    try:
        current, escalation = journal.session_plan()
    except UrgentCareError as exc:
        console().print(escalation_panel(exc.escalation, journal.library))
        fail(str(exc))
    if not sys.stdin.isatty():
        fail("session: the player needs a terminal; use 'unknot session --done' to record a session")
    out = console()
    if escalation.level != "none":
        out.print(escalation_panel(escalation, journal.library))
    if current.change_reason:
        out.print(f"[cyan]{current.change_reason}[/cyan]")
    guided_session(journal, current, out, date)


def guided_session(journal: Journal, current: CurrentPlan, out: Console, date: str | None) -> None:
    """Pain before, the player, pain after; then record what was done and warn after a flare."""
    assert current.plan is not None
    rules = list(journal.library.safety.stop_rules)
    out.print(stop_rules_panel(rules))
    out.print(plan_table(current.plan))
    before = pain_question(out, "before you start")
    player = Player(build_steps(current.plan, journal.library.exercises))
    prefs = journal.prefs()
    play(player, journal, out, Cues(bell=prefs.bell, voice=prefs.voice), settings_from_env().time_scale)
    after = pain_question(out, "now")
    completed = player.index >= len(player.steps)
    items = player.items_done()
    journal.record_session(
        date_text=date,
        items_done=items,
        completed=completed,
        pain_before=before,
        pain_after=after,
        source="player",
    )
    verdict = "Session complete" if completed else "Session stopped early"
    out.print(f"[bold]{verdict}[/bold]: {len(items)} of {len(current.plan.items)} exercises done. Saved.")
    if flared(before, after):
        out.print(stop_rules_panel(rules, worse=True))
