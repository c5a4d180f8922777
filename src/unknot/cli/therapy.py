"""`unknot therapy heat|cold`: a timer that never runs past 20 minutes, with the safety checks."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Group
from rich.live import Live
from rich.panel import Panel
from rich.prompt import Confirm
from rich.text import Text

from unknot.cli.common import console, context_from_env, fail
from unknot.cli.terminal import Cues, ScaledClock, read_key, single_keys
from unknot.cli.widgets import bullets, progress_bar
from unknot.content.schema import Therapy
from unknot.present.words import TIMER_DONE, TIMER_START_CUE, TIMER_STOPPED
from unknot.services import relief


def _safety(therapy: Therapy) -> Panel:
    body = Group(
        Text(therapy.use_for),
        Text("Before you start", style="bold"),
        bullets(therapy.safety_checks),
        Text("Do not use it if", style="bold red"),
        bullets(therapy.do_not_use_if),
    )
    return Panel(body, title=f"{therapy.name}: safety first", border_style="yellow")


def _countdown(total: float, scale: float) -> bool:
    """Run the timer; True when it ran to the end, False when stopped with q."""
    clock, left, paused = ScaledClock(scale), total, False
    with single_keys(), Live(console=console(), refresh_per_second=4, transient=True) as live:
        while left > 0:
            minutes, seconds = divmod(int(left + 0.999), 60)
            state = "PAUSED" if paused else "Time left"
            live.update(
                Group(
                    Text(f"{state}: {minutes:02d}:{seconds:02d}", style="bold"),
                    progress_bar(1 - left / total),
                    Text("space pause · q stop", style="dim"),
                )
            )
            key = read_key(0.25)
            passed = clock.lap()
            left -= 0 if paused else passed
            if key in (" ", "p"):
                paused = not paused
            elif key == "q":
                return False
    return True


def therapy_command(
    kind: Annotated[str, typer.Argument(help="heat or cold.")],
    minutes: Annotated[
        int | None, typer.Option("--minutes", metavar="MINUTES", help="1 to 20 (default 15).")
    ] = None,
) -> None:
    """Time a heat or cold application, with its safety checks; it never runs past 20 minutes."""
    ctx = context_from_env()
    timer = relief.timer(ctx, kind, minutes)
    if not sys.stdin.isatty():
        fail("therapy: the timer needs a terminal")
    out, therapy = console(), timer.therapy
    out.print(_safety(therapy))
    if not Confirm.ask("Have you checked these, with a cloth between your skin and the pack?", console=out):
        out.print("Fine: come back when you are ready.")
        return
    cues = Cues(bell=True, voice=timer.voice)
    cues(f"{therapy.name} for {timer.minutes} minutes. {TIMER_START_CUE}")
    finished = _countdown(timer.minutes * 60, ctx.settings.time_scale)
    cues(f"{TIMER_DONE}. {timer.at_end}" if finished else f"{TIMER_STOPPED}.")
    out.print(Panel(timer.at_end, title=TIMER_DONE if finished else TIMER_STOPPED, border_style="green"))
