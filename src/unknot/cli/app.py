"""The `unknot` command: one Typer app, one module per command group, and the features' groups."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import typer

from unknot import __version__
from unknot.cli import exercises, lessons, preferences
from unknot.cli.assess import assess_command
from unknot.cli.care import cleared_command
from unknot.cli.common import with_clear_errors
from unknot.cli.daily import checkin_command, history_command, today_command
from unknot.cli.exchange import export_command, import_command, report_command
from unknot.cli.followup import progress_command, questionnaire_command
from unknot.cli.serve import serve_command
from unknot.cli.session import session_command
from unknot.cli.start import start_command
from unknot.cli.therapy import therapy_command
from unknot.content.loader import shipped_ids
from unknot.features import FEATURES, Feature

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
    "cleared": cleared_command,
    "export": export_command,
    "import": import_command,
    "report": report_command,
    "serve": serve_command,
}


def _help(name: str, command: Callable[..., None]) -> str | None:
    """A command's help; the questionnaire command's names the questionnaires of the content."""
    if name != "questionnaire":
        return None
    return f"{command.__doc__} Questionnaires: {', '.join(shipped_ids('questionnaires'))}."


def _version(value: bool) -> None:
    if value:
        print(f"unknot {__version__}")
        raise typer.Exit()


def build_cli(features: Iterable[Feature] = FEATURES) -> typer.Typer:
    """The whole command line: unknot's commands and groups, and each feature's group."""
    cli = typer.Typer(
        name="unknot",
        help="A local-first self-care coach for back pain from stiff, tight muscles. Not a medical device.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for name, command in COMMANDS.items():
        cli.command(name, help=_help(name, command))(command)
    cli.add_typer(exercises.app, name="exercises")
    cli.add_typer(lessons.app, name="lessons")
    cli.add_typer(preferences.app, name="settings")
    for feature in features:
        if feature.commands is not None:
            cli.add_typer(feature.commands(), name=feature.name)

    @cli.callback()
    def root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ) -> None:
        """unknot: assess, relieve, guide, prevent, follow up."""

    return with_clear_errors(cli)


def main() -> None:
    build_cli()()
