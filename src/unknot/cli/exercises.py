"""`unknot exercises`: the exercise library, with filters, and one exercise in full."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from unknot.cli.common import console, fail, library, print_json
from unknot.cli.files import write_whole
from unknot.cli.lazy import PLAIN_HELP
from unknot.cli.render import exercise_panel, exercises_table
from unknot.content.schema import ExerciseKind, Muscle, Position
from unknot.services import catalog

app = typer.Typer(
    help="Browse the exercise library.", invoke_without_command=True, rich_markup_mode=PLAIN_HELP
)


@app.callback()
def list_exercises(
    invocation: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the library as JSON.")] = False,
    target: Annotated[Muscle | None, typer.Option(help="Only exercises for this muscle group.")] = None,
    position: Annotated[Position | None, typer.Option(help="Only exercises in this position.")] = None,
    kind: Annotated[ExerciseKind | None, typer.Option(help="Only exercises of this kind.")] = None,
) -> None:
    """List exercises (all, or those matching the filters)."""
    if invocation.invoked_subcommand is not None:
        return
    lib = library()
    found = catalog.find_exercises(lib, target, position, kind.value if kind else None)
    if as_json:
        print_json([catalog.exercise_record(e, lib) for e in found])
    else:
        console().print(exercises_table(found))


@app.command("show")
def show_exercise(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="Exercise id, e.g. cat_cow.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the exercise as JSON.")] = False,
) -> None:
    """Show one exercise in full: steps, dose, what to feel, when to stop, sources."""
    lib = library()
    try:
        exercise = catalog.get_exercise(lib, exercise_id)
    except catalog.UnknownExerciseError as exc:
        fail(f"{exc}; 'unknot exercises' lists them" if not exc.close else str(exc))
    if as_json:
        print_json(catalog.exercise_record(exercise, lib))
    else:
        console().print(exercise_panel(exercise, lib))


SHEET_FORMATS = ("svg", "png")


@app.command("sheet")
def exercise_sheet(
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="Where to write it: a .svg or .png file.")
    ],
) -> None:
    """Draw every exercise's keyframes in one grid, each with its name: a contact sheet for review."""
    kind = out.suffix.lower().removeprefix(".")
    if kind not in SHEET_FORMATS:
        fail(f"out: the sheet is written as .svg or .png, not '{out.suffix or out.name}'")
    if not out.parent.is_dir():
        fail(f"out: the folder {out.parent} does not exist")
    exercises = list(library().exercises.values())
    if kind == "png":
        from unknot.present.figure.sheet import sheet_png

        body = sheet_png(exercises)
    else:
        from unknot.present.figure.sheet import sheet_svg

        body = sheet_svg(exercises).encode()
    write_whole(out, (body,))
    console().print(f"Drew {len(exercises)} exercises to {escape(str(out))}.")
