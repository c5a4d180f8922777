"""The `unknot` command: one Typer app, one module per command group."""

from __future__ import annotations

from collections.abc import Callable

import typer

from unknot import __version__
from unknot.cli import breaks, exercises, settings_cmd
from unknot.cli.assess import assess_command
from unknot.cli.common import user_errors
from unknot.cli.exchange import export_command, import_command, report_command
from unknot.cli.followup import progress_command, questionnaire_command
from unknot.cli.journal import checkin_command, history_command, today_command
from unknot.cli.serve import serve_command
from unknot.cli.session import session_command
from unknot.cli.start import start_command
from unknot.cli.therapy import therapy_command

app = typer.Typer(
    name="unknot",
    help="A local-first self-care coach for back pain from stiff, tight muscles. Not a medical device.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
COMMANDS: dict[str, Callable[..., None]] = {
    "start": start_command,
    "assess": assess_command,
    "today": today_command,
    "checkin": checkin_command,
    "session": session_command,
    "therapy": therapy_command,
    "history": history_command,
    "progress": progress_command,
    "questionnaire": questionnaire_command,
    "export": export_command,
    "import": import_command,
    "report": report_command,
    "serve": serve_command,
}
for name, command in COMMANDS.items():
    app.command(name)(user_errors(command))
app.add_typer(exercises.app, name="exercises")
app.add_typer(settings_cmd.app, name="settings")
app.add_typer(breaks.app, name="breaks")


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
