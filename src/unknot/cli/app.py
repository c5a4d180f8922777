"""The `unknot` command: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from unknot import __version__
from unknot.cli import exercises
from unknot.cli.assess import assess_command
from unknot.cli.start import start_command

app = typer.Typer(
    name="unknot",
    help="A local-first self-care coach for back pain from stiff, tight muscles. Not a medical device.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("assess")(assess_command)
app.command("start")(start_command)
app.add_typer(exercises.app, name="exercises")


def _version(value: bool) -> None:
    if value:
        print(f"unknot {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """unknot: assess, relieve, guide, prevent, follow up."""


def main() -> None:
    app()
