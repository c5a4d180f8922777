"""`unknot export`, `unknot import` and `unknot report`: the journal for other tools and a clinician."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from unknot.cli.common import console, context_from_env, fail, read_input
from unknot.services import backup, exports, reports


def export_command(
    format_: Annotated[str, typer.Option("--format", help="json (importable), csv, fhir or ics.")] = "json",
) -> None:
    """Write the journal to standard output: json, csv, fhir (an R4 Bundle) or ics (the daily session)."""
    exported = exports.export(context_from_env(), format_)
    sys.stdout.buffer.write(exported.body)
    sys.stdout.flush()


def report_command(
    out: Annotated[Path, typer.Option("--out", help="Where to write it: a .pdf or .html file.")],
) -> None:
    """Write a one-to-two page summary for a clinician: assessment, plan, adherence, trends, scores."""
    kind = out.suffix.lower().removeprefix(".")
    if kind not in reports.FORMATS:
        written = " or ".join(f".{k}" for k in reports.FORMATS)
        fail(f"out: the report is written as {written}, not '{out.suffix or out.name}'")
    if not out.parent.is_dir():
        fail(f"out: the folder {out.parent} does not exist")
    report = reports.render(context_from_env(), kind)
    write_whole(out, report.body)
    console().print(f"Wrote the report to {escape(str(out))}.")


def write_whole(path: Path, body: bytes) -> None:
    """Write a file so that it is either complete or untouched: a temporary file, then a rename."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
        handle.write(body)
        temporary = Path(handle.name)
    os.chmod(temporary, 0o600)
    temporary.replace(path)


def import_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="An exported journal (JSON), or - for stdin.")],
) -> None:
    """Read an exported journal into an empty data folder: all or nothing."""
    text = read_input(file, "import")
    counts = backup.import_document(context_from_env(), text)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    console().print(f"Imported {summary}.")
