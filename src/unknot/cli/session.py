"""`unknot session`: play today's programme step by step, or record it as done with --done."""

from __future__ import annotations

import sys
import uuid
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from unknot.cli.common import console, context_from_env, fail
from unknot.cli.render import flare_panel, plan_table, stop_rules_panel
from unknot.cli.render_followup import escalation_panel
from unknot.cli.terminal import Cues, ScaledClock, read_key, single_keys
from unknot.cli.widgets import ask_score, progress_bar
from unknot.content.schema import Exercise
from unknot.core.player import Player
from unknot.present.player import SAFETY_WORDS, WORDS, phase_view
from unknot.present.text import plain_text
from unknot.present.words import NOTE_WORDS, session_verdict
from unknot.services import Context, sessions
from unknot.services.sessions import SessionStart, UrgentCareError

KEYS_HELP = "space pause · → or n next exercise · ← or b back · h this hurts · q stop"


def pain_question(out: Console, when: str) -> int:
    return ask_score(out, f"Pain {when}, from 0 (none) to 10 (worst)?")


def _phase_panel(player: Player, exercise: Exercise, stop_rules: list[str]) -> Panel:
    phase = player.phase
    assert phase is not None
    view = phase_view(player.phases, player.index)
    state = WORDS["paused"].upper() if player.paused else view.word
    headline = Text(f"{state}  {player.remaining:4.0f} s", style="bold reverse" if player.paused else "bold")
    done = 1 - player.remaining / phase.seconds if phase.seconds else 1
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(exercise.steps, start=1))
    hurt = exercise.id in player.hurt_items
    body = Group(
        headline,
        Text(view.detail),
        *([Text(f"{NOTE_WORDS} {phase.note}", style="bold")] if phase.note else []),
        progress_bar(done),
        Text(steps),
        Text(f"You should feel: {exercise.feel}", style="italic"),
        Text(f"{SAFETY_WORDS['stop_if']} {' '.join(exercise.stop_if)}", style="red"),
        Text(f"{SAFETY_WORDS['cautions']} {' '.join(exercise.cautions)}", style="yellow"),
        Text(f"{WORDS['hurt_cue']} {exercise.regression}", style="bold reverse")
        if hurt
        else Text(f"{SAFETY_WORDS['easier']} {exercise.regression}"),
        Text(" ".join(stop_rules), style="red"),
        Text(KEYS_HELP, style="dim"),
    )
    return Panel(body, title=f"{view.count} · {exercise.name}", subtitle=view.progress)


def play(
    player: Player, start: SessionStart, rules: list[str], out: Console, cues: Cues, scale: float
) -> None:
    clock = ScaledClock(scale)
    actions = {
        " ": player.toggle_pause,
        "p": player.toggle_pause,
        "right": player.skip,
        "n": player.skip,
        "left": player.back,
        "b": player.back,
        "h": player.hurt,
        "q": player.stop,
    }
    if player.phase:
        cues(player.phase.cue)
    with single_keys(), Live(console=out, refresh_per_second=10, transient=True) as live:
        while not player.finished:
            phase = player.phase
            assert phase is not None
            live.update(_phase_panel(player, start.exercises[phase.exercise_id], rules))
            key = read_key(0.1)
            started = player.tick(clock.lap())
            action = actions.get(key or "")
            started += action() if action else []
            for begun in started[-1:]:
                cues(begun.cue)
    cues.hush()


def session_command(
    done: Annotated[
        bool, typer.Option("--done", help="Record today's programme as completed, without playing.")
    ] = False,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="The day of the session (default today)."),
    ] = None,
) -> None:
    """Play today's programme step by step, with timers and cues; or record it with --done."""
    ctx = context_from_env()
    if done:
        recorded = sessions.record(ctx, date_text=date)
        console().print(f"Recorded a completed session for {recorded.session.date.isoformat()}.")
        return
    try:
        start = sessions.start(ctx)
    except UrgentCareError as exc:
        console().print(escalation_panel(exc.escalation, ctx.library) or "")
        fail(str(exc))
    if not sys.stdin.isatty():
        fail("session: the player needs a terminal; use 'unknot session --done' to record a session")
    out = console()
    escalation = escalation_panel(start.escalation, ctx.library)
    if escalation:
        out.print(escalation)
    if start.current.change_reason:
        out.print(Text(plain_text(start.current.change_reason), style="cyan"))
    guided_session(ctx, start, out, date)


def guided_session(ctx: Context, start: SessionStart, out: Console, date: str | None) -> None:
    """Pain before, the player, pain after; then record what was done and warn after a flare."""
    rules = list(ctx.library.safety.stop_rules)
    out.print(stop_rules_panel(rules))
    out.print(plan_table(start.plan, ctx.library))
    player = Player(start.phases)
    try:
        before = pain_question(out, "before you start")
        play(
            player,
            start,
            rules,
            out,
            Cues(bell=start.cues.bell, voice=start.cues.voice),
            ctx.settings.time_scale,
        )
        after = pain_question(out, "now")
    except KeyboardInterrupt:
        played = len(player.items_done())
        out.print(
            f"\nStopped with Ctrl+C: nothing was saved ({played} of {len(start.plan.items)} exercises "
            "played). Next time, q stops the player and saves what you did."
        )
        raise typer.Exit(130) from None
    recorded = sessions.record(
        ctx,
        date_text=date,
        items_done=player.items_done(),
        hurt=player.hurt_items,
        pain_before=before,
        pain_after=after,
        source="player",
        token=uuid.uuid4().hex,
    )
    verdict, why = session_verdict(recorded.session.completed)
    done_count = len(recorded.session.items_done)
    out.print(f"[bold]{verdict}[/bold]: {done_count} of {recorded.planned} exercises done. Saved. {why}")
    if recorded.flared:
        out.print(flare_panel(ctx.library))
