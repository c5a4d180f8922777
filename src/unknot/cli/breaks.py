"""`unknot breaks`: sitting-break and water reminders that watch real idle time."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from unknot.cli.common import console, fail, print_json, read_input, user_errors
from unknot.core.breaks import TraceError, parse_trace, simulate

app = typer.Typer(help="Break reminders: run, install, status, pause, resume, stats, simulate.")


@app.command("simulate")
@user_errors
def simulate_command(
    trace: Annotated[str, typer.Option("--trace", help="A JSON trace file, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Run the break engine over a recorded trace of activity (see shared/contracts/breaks.md)."""
    text = read_input(trace, "trace")
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
