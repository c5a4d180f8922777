"""`unknot export` and `unknot import`: the whole journal as one document."""

from __future__ import annotations

from typing import Annotated

import typer

from unknot.cli.common import console, fail, journal_from_env, print_json, read_input

FORMATS = ("json",)


def export_command(
    format_: Annotated[str, typer.Option("--format", help="Output format: json.")] = "json",
) -> None:
    """Write the whole journal (assessments, plans, check-ins, sessions, settings) to standard output."""
    if format_ not in FORMATS:
        fail(f"format: must be one of {', '.join(FORMATS)}, not '{format_}'")
    print_json(journal_from_env().export_document())


def import_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="An exported journal (JSON), or - for stdin.")],
) -> None:
    """Read an exported journal into an empty data folder: all or nothing."""
    text = read_input(file, "import")
    counts = journal_from_env().import_document(text)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    console().print(f"Imported {summary}.")
