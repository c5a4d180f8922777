"""`unknot checkin`, `unknot history` and `unknot today`: the daily journal."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.prompt import Confirm, Prompt

from unknot.cli.common import console, context_from_env, fail, print_json
from unknot.cli.render_followup import checkin_outcome, history_table, today_view
from unknot.cli.widgets import ask_score
from unknot.content.schema import Library
from unknot.core.history import HistoryDay
from unknot.present.words import NEW_SIGNS_QUESTION
from unknot.services import checkins, today


def _ask_red_flags(library: Library, out: Console) -> list[str]:
    """New warning signs since the last check-in, each asked with no default answer; lasting facts
    (a past cancer) were asked at the intake and are not asked again."""
    if not Confirm.ask(f"{NEW_SIGNS_QUESTION} (bladder, numbness, weakness, fever, ...)?", console=out):
        return []
    return [f.id for f in library.safety.flags if f.at_checkin and Confirm.ask(f.question, console=out)]


def _interactive(library: Library, out: Console) -> tuple[int, int, str, list[str]]:
    out.print(Panel("Your daily check-in: a few seconds.", style="bold"))
    pain = ask_score(out, "Pain today, from 0 (none) to 10 (worst)?")
    stiffness = ask_score(out, "Stiffness today, from 0 (none) to 10 (worst)?")
    note = Prompt.ask("A note (optional, Enter to skip)", default="", show_default=False, console=out)
    return pain, stiffness, note, _ask_red_flags(library, out)


def checkin_command(
    pain: Annotated[
        str | None, typer.Option("--pain", metavar="0-10", help="Pain: 0 none, 10 the worst imaginable.")
    ] = None,
    stiffness: Annotated[
        str | None,
        typer.Option("--stiffness", metavar="0-10", help="Stiffness: 0 none, 10 the worst imaginable."),
    ] = None,
    note: Annotated[
        str, typer.Option("--note", metavar="TEXT", help="A note, at most 2000 characters.")
    ] = "",
    red_flag: Annotated[
        list[str] | None, typer.Option("--red-flag", metavar="ID", help="A red-flag id; repeatable.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The day it is for (default today).")
    ] = None,
) -> None:
    """Record today's check-in: pain, stiffness, a note and any warning signs (asks when no options)."""
    ctx = context_from_env()
    out = console()
    flags = red_flag or []
    asked: tuple[str | int | None, str | int | None] = (pain, stiffness)
    if pain is None and stiffness is None and not note and not flags:
        if not sys.stdin.isatty():
            fail("pain: missing (give --pain N, or run 'unknot checkin' in a terminal to be asked)")
        asked_pain, asked_stiffness, note, flags = _interactive(ctx.library, out)
        asked = (asked_pain, asked_stiffness)
    outcome = checkins.log(ctx, *asked, note, tuple(flags), date)
    out.print(checkin_outcome(outcome, ctx.library))


def history_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the history as JSON (every day).")] = False,
    days: Annotated[
        int,
        typer.Option(
            "--days", metavar="N", min=0, help="Show the N most recent days with entries; 0 shows all."
        ),
    ] = 30,
) -> None:
    """Your journal day by day: pain, stiffness, sessions, notes."""
    history = checkins.history(context_from_env())
    if as_json:
        print_json([_day_record(d) for d in history])
    else:
        console().print(history_table(history, days or len(history)))


def _day_record(day: HistoryDay) -> dict[str, object]:
    checkin = day.checkin
    return {
        "date": day.date.isoformat(),
        "checkin": None
        if checkin is None
        else {
            "pain": checkin.pain,
            "stiffness": checkin.stiffness,
            "note": checkin.note,
            "red_flags": list(checkin.red_flags),
        },
        "sessions_completed": day.sessions_completed,
    }


def today_command() -> None:
    """Today's plan, what is done, and the next step."""
    ctx = context_from_env()
    console().print(today_view(today.status(ctx), ctx.library))
