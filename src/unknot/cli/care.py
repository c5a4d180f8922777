"""`unknot cleared`: record that a clinician has checked a warning sign (or an escalation)."""

from __future__ import annotations

from typing import Annotated

import typer

from unknot.cli.common import console, context_from_env
from unknot.services import clearances


def cleared_command(
    flag: Annotated[
        str, typer.Argument(metavar="FLAG", help="A see-a-clinician red-flag id, or 'escalation'.")
    ],
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="When you were seen (default today)."),
    ] = None,
) -> None:
    """Record a clinician's all-clear for a warning sign, or for the pain rules of an escalation."""
    ctx = context_from_env()
    clearance = clearances.record(ctx, flag, date)
    out = console()
    out.print(f"Recorded: a clinician checked '{clearance.flag}' on {clearance.date}.")
    still = next((f.when_cleared for f in ctx.library.safety.flags if f.id == clearance.flag), None)
    if still:
        out.print(f"What still applies: {still}")
