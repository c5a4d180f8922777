"""`unknot settings`: show and change your preferences (voice, bell, theme, session time)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from unknot.cli.common import console, context_from_env, fail, print_json
from unknot.cli.lazy import PLAIN_HELP
from unknot.core.preferences import Preferences
from unknot.services import preferences

app = typer.Typer(
    help="Show or change your preferences.", invoke_without_command=True, rich_markup_mode=PLAIN_HELP
)


def _table(prefs: Preferences) -> Table:
    table = Table(title="Your settings")
    for column in ("Setting", "Value", "Meaning"):
        table.add_column(column)
    values = prefs.model_dump(mode="json")
    for key, field in Preferences.model_fields.items():
        table.add_row(key, str(values[key]), field.description or "")
    return table


@app.callback()
def show(
    invocation: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Show your settings."""
    if invocation.invoked_subcommand is not None:
        return
    prefs = preferences.get(context_from_env())
    if as_json:
        print_json(prefs.model_dump(mode="json"))
    else:
        console().print(_table(prefs))


@app.command("set")
def set_(
    pairs: Annotated[
        list[str], typer.Argument(metavar="KEY VALUE [KEY VALUE ...]", help="Settings and values.")
    ],
) -> None:
    """Change settings, checked together, e.g. `unknot settings set voice off theme dark`."""
    if len(pairs) % 2:
        fail(f"{pairs[-1]}: a setting needs a value (give KEY VALUE pairs)")
    changes = dict(zip(pairs[::2], pairs[1::2], strict=True))
    prefs = preferences.change(context_from_env(), changes).model_dump(mode="json")
    for key in changes:
        console().print(f"{key} is now {prefs[key]}.")
