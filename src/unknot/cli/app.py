"""The `unknot` command: one Typer app, one module per command group, and the features' groups.

Commands are loaded lazily (see `lazy.py`): `unknot --help` imports none of them, and `unknot today`
imports only the module of `today`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

import typer
from typer.core import TyperArgument

from unknot import __version__
from unknot.cli.lazy import PLAIN_HELP, Lazy, lazy_group
from unknot.features import FEATURES, Feature

if TYPE_CHECKING:
    from typer._click import Command

# Each command and group: where it lives ("module:attribute", a function or a Typer group) and its
# line in `unknot --help`: the first sentence of its own help (a test compares them).
COMMANDS: dict[str, tuple[str, str]] = {
    "start": (
        "unknot.cli.start:start_command",
        "Answer a few questions and get your assessment and daily programme.",
    ),
    "assess": (
        "unknot.cli.assess:assess_command",
        "Assess your answers: red flags, likely contributing causes, heat or cold, and a daily plan.",
    ),
    "coach": (
        "unknot.cli.coach:coach_app",
        "The camera coach: the exercises it coaches, and replays of recorded landmarks.",
    ),
    "posture": ("unknot.cli.coach:posture_app", "The posture watch: replays of recorded landmarks."),
    "today": ("unknot.cli.daily:today_command", "Today's plan, what is done, and the next step."),
    "checkin": (
        "unknot.cli.daily:checkin_command",
        "Record today's check-in: pain, stiffness, a note and any warning signs (asks when no options).",
    ),
    "session": (
        "unknot.cli.session:session_command",
        "Play today's programme step by step, with timers and cues; or record it with --done.",
    ),
    "therapy": (
        "unknot.cli.therapy:therapy_command",
        "Time a heat or cold application, with its safety checks; it never runs past 20 minutes.",
    ),
    "history": (
        "unknot.cli.daily:history_command",
        "Your journal day by day: pain, stiffness, sessions, notes.",
    ),
    "progress": (
        "unknot.cli.followup:progress_command",
        "Progress so far: pain against your baseline, adherence, trends, and whether to see a professional.",
    ),
    "questionnaire": (
        "unknot.cli.followup:questionnaire_command",
        "Answer a questionnaire: asks, item by item, when no answers are given.",
    ),
    "cleared": (
        "unknot.cli.care:cleared_command",
        "Record a clinician's all-clear for a warning sign, or for the pain rules of an escalation.",
    ),
    "export": (
        "unknot.cli.exchange:export_command",
        "Write the journal to standard output or a file: json, csv, fhir (an R4 Bundle) or ics (the daily "
        "session).",
    ),
    "import": (
        "unknot.cli.exchange:import_command",
        "Read an exported journal into an empty data folder: all or nothing.",
    ),
    "report": (
        "unknot.cli.exchange:report_command",
        "Write a one-to-two page summary for a clinician: assessment, plan, adherence, trends, scores.",
    ),
    "programme": (
        "unknot.cli.exchange:programme_command",
        "Write your home-exercise programme to print: each exercise's figures, dose, key steps and stop-if.",
    ),
    "serve": (
        "unknot.cli.serve:serve_command",
        "Start the web app and print its private address (with this launch's token) on the first line.",
    ),
    "server": (
        "unknot.cli.server:server_app",
        "Server mode: many people on PostgreSQL, each seeing only their own (docs/server.md).",
    ),
    "exercises": ("unknot.cli.exercises:app", "Browse the exercise library."),
    "lessons": ("unknot.cli.lessons:app", "Short lessons on back pain: list them, or read one."),
    "settings": ("unknot.cli.preferences:app", "Show or change your preferences."),
}


def _help(name: str, command: Callable[..., None]) -> str | None:
    """A command's help; the questionnaire command's names the questionnaires of the content."""
    if name != "questionnaire":
        return None
    from unknot.content.loader import shipped_ids

    return f"{command.__doc__}\n\nQuestionnaires: {', '.join(shipped_ids('questionnaires'))}."


def _built(name: str, register: Callable[[typer.Typer], object]) -> Command:
    """One command or group, built as if it had been registered on the root app."""
    from unknot.cli.common import with_clear_errors

    holder = typer.Typer(rich_markup_mode=PLAIN_HELP)
    register(holder)
    return _worded(typer.main.get_group(with_clear_errors(holder)).commands[name])


def _worded(command: Command) -> Command:
    """Arguments in help as their worded metavar alone ("ID", not Typer's "ID <str>")."""
    for sub in getattr(command, "commands", {}).values():
        _worded(sub)
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
    return command


def _load(target: str, name: str) -> Command:
    """Import the command or group at `target` ("module:attribute") and build it."""
    module, _, attribute = target.partition(":")
    found = getattr(importlib.import_module(module), attribute)
    if isinstance(found, typer.Typer):
        return _built(name, lambda holder: holder.add_typer(found, name=name))
    return _built(name, lambda holder: holder.command(name, help=_help(name, found))(found))


def _feature_group(commands: Callable[[], typer.Typer], name: str) -> Command:
    group = commands()
    return _built(name, lambda holder: holder.add_typer(group, name=name))


def lazy_commands(features: Iterable[Feature] = FEATURES) -> dict[str, Lazy]:
    """Every command and group of the command line, none of them loaded yet."""
    commands = {name: Lazy(partial(_load, target), line) for name, (target, line) in COMMANDS.items()}
    for feature in features:
        if feature.commands is not None:
            commands[feature.name] = Lazy(partial(_feature_group, feature.commands), feature.summary)
    return commands


def _version(value: bool) -> None:
    if value:
        print(f"unknot {__version__}")
        raise typer.Exit()


def build_cli(features: Iterable[Feature] = FEATURES) -> typer.Typer:
    """The whole command line: unknot's commands and groups, and each feature's group."""
    cli = typer.Typer(
        name="unknot",
        cls=lazy_group(lazy_commands(features)),
        help="A local-first self-care coach for back pain from stiff, tight muscles. Not a medical device.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=PLAIN_HELP,
    )

    @cli.callback()
    def root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Show the version."
        ),
    ) -> None:
        """unknot: assess, relieve, guide, prevent, follow up."""

    return cli


def main() -> None:
    build_cli()()
