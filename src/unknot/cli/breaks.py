"""`unknot breaks`: sitting-break and water reminders that watch real idle time."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer
from rich.table import Table

from unknot.cli.common import (
    MiB,
    console,
    context_from_env,
    fail,
    print_json,
    read_input,
    settings_from_env,
)
from unknot.cli.lazy import PLAIN_HELP
from unknot.core.breaks import TraceError, parse_trace, simulate
from unknot.core.reminders import COUNTED, SHOWN
from unknot.reminders import autostart, control
from unknot.services import breaks

app = typer.Typer(
    help="Break reminders: run, install, status, pause, resume, stats, simulate.", rich_markup_mode=PLAIN_HELP
)


@app.command("simulate")
def simulate_command(
    trace: Annotated[
        str, typer.Option("--trace", metavar="FILE", help="A JSON trace file, or - for standard input.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Run the break engine over a recorded trace of activity (see docs/contracts/breaks.md)."""
    text = read_input(trace, "trace", 64 * MiB)
    try:
        result = simulate(*parse_trace(json.loads(text)))
    except json.JSONDecodeError as exc:
        fail(f"trace: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
    except TraceError as exc:
        fail(str(exc))
    if as_json:
        print_json(result.as_contract())
        return
    out = console()
    for t, response in result.prompts:
        out.print(f"prompt at {t:g} s: {response}")
    for start, end in result.natural_breaks:
        out.print(f"natural break from {start:g} s to {end:g} s")
    out.print(f"active for {result.active_seconds:g} s")


@app.command("run")
def run_command(
    poll: Annotated[
        float, typer.Option(metavar="SECONDS", help="Seconds between idle checks.", min=0.05, max=60)
    ] = 5,
) -> None:
    """Run the reminders in the foreground (Ctrl+C or SIGTERM stops them cleanly)."""
    breaks.start(context_from_env(), poll)
    # Hand over to the lean daemon process: it loads neither the database layer nor the content.
    os.execv(sys.executable, [sys.executable, "-m", "unknot.reminders"])


@app.command("install")
def install_command() -> None:
    """Start the reminders at login (systemd user unit and XDG autostart; launchd; Windows Startup)."""
    for line in autostart.install():
        console().print(line)


@app.command("uninstall")
def uninstall_command() -> None:
    """Stop starting the reminders at login."""
    for line in autostart.uninstall() or ["nothing to remove"]:
        console().print(line)


@app.command("status")
def status_command(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """Whether the reminders run, where idle time comes from, and how long since the last break."""
    report = control.status(settings_from_env().home)
    if as_json:
        print_json(report.as_json())
        return
    out = console()
    out.print(
        "Reminders are " + (f"running (idle time from {report.source})" if report.running else "not running")
    )
    if report.running:
        out.print(f"Active for {report.minutes_since_break} minutes since the last break.")
    if report.paused_until:
        out.print(f"Paused until {report.paused_until}.")
    out.print(
        "Starts at login." if report.autostart else "Not set to start at login ('unknot breaks install')."
    )


@app.command("pause")
def pause_command(
    minutes: Annotated[
        int, typer.Option(metavar="MINUTES", help="How long to pause, in minutes.", min=1, max=24 * 60)
    ] = 60,
) -> None:
    """Pause the reminders for a while (activity then does not count towards a break)."""
    until = control.pause(settings_from_env().home, minutes)
    console().print(f"Paused until {until.strftime('%H:%M')}.")


@app.command("resume")
def resume_command() -> None:
    """Resume the reminders now."""
    control.resume(settings_from_env().home)
    console().print("Resumed.")


@app.command("stats")
def stats_command(
    days: Annotated[int, typer.Option(metavar="DAYS", help="How many days back.", min=1, max=365)] = 14,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Breaks per day: prompted, taken, snoozed, skipped, natural breaks, water."""
    rows = breaks.ingest_and_count(context_from_env(), days)
    if as_json:
        print_json([{"date": r.date.isoformat(), **{k.value: r[k] for k in COUNTED}} for r in rows])
        return
    table = Table(title=f"Breaks, last {days} days")
    table.add_column("Date")
    for heading in SHOWN.values():
        table.add_column(heading, justify="right")
    for r in rows:
        table.add_row(r.date.isoformat(), *(str(r[kind]) for kind in SHOWN))
    console().print(
        table if rows else "No breaks recorded yet. Start the reminders with 'unknot breaks run'."
    )
