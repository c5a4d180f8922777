"""`unknot export`, `unknot import` and `unknot report`: the journal for other tools and a clinician."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from unknot.cli.common import MiB, console, context_from_env, fail, read_input
from unknot.cli.files import write_whole
from unknot.present.words import journal_counts
from unknot.services import backup, exports, reports


def export_command(
    format_: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="json (importable), csv, fhir or ics.")
    ] = "json",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="FILE", help="Write to this file (whole or not at all), not to stdout."
        ),
    ] = None,
) -> None:
    """Write the journal to standard output or a file: json, csv, fhir (an R4 Bundle) or ics (the
    daily session). It is written as it is read, so memory stays flat however long the journal."""
    if out is not None:
        _folder_of(out)
    exported = exports.export(context_from_env(), format_)
    if out is None:
        for chunk in exported.chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.flush()
        return
    write_whole(out, exported.chunks)
    console().print(f"Wrote the journal ({format_}) to {escape(str(out))}.")


def _folder_of(out: Path) -> None:
    if not out.parent.is_dir():
        fail(f"out: the folder {out.parent} does not exist")


def report_command(
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="Where to write it: a .pdf or .html file.")
    ],
) -> None:
    """Write a one-to-two page summary for a clinician: assessment, plan, adherence, trends, scores."""
    kind = out.suffix.lower().removeprefix(".")
    if kind not in reports.FORMATS:
        written = " or ".join(f".{k}" for k in reports.FORMATS)
        fail(f"out: the report is written as {written}, not '{out.suffix or out.name}'")
    _folder_of(out)
    report = reports.render(context_from_env(), kind)
    write_whole(out, report.chunks)
    console().print(f"Wrote the report to {escape(str(out))}.")


def programme_command(
    out: Annotated[Path, typer.Option("--out", metavar="FILE", help="Where to write it: a .pdf file.")],
) -> None:
    """Write your home-exercise programme to print: each exercise's figures, dose, key steps and stop-if."""
    if out.suffix.lower() != ".pdf":
        fail(f"out: the programme is written as .pdf, not '{out.suffix or out.name}'")
    _folder_of(out)
    from unknot.core.errors import NotAllowedError
    from unknot.services.programme import programme

    try:
        written = programme(context_from_env())
    except NotAllowedError as exc:  # said as for a session: the programme is the session on paper
        message = f"programme: {str(exc).removeprefix('session: ')}"
        raise NotAllowedError(message, answer_again=exc.answer_again) from None
    write_whole(out, written.chunks)
    console().print(f"Wrote your programme to {escape(str(out))}: print it, or keep it on your phone.")


def import_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="An exported journal (JSON), or - for stdin.")],
) -> None:
    """Read an exported journal into an empty data folder: all or nothing."""
    text = read_input(file, "import", 512 * MiB)
    counts = backup.import_document(context_from_env(), text)
    console().print(f"Imported {journal_counts(counts)}.")
