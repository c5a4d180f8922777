"""A command group that imports a command's module only when that command runs or shows its help.

The group's own help lists every command with a one-line summary given up front, so `unknot --help`
starts without loading the commands (nor SQLAlchemy, pydantic and the rest they bring).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from typer._click.exceptions import NoArgsIsHelpError, UsageError  # Typer's own click: no public name
from typer.core import TyperCommand, TyperGroup

from unknot.present.text import one_line

if TYPE_CHECKING:
    from typer._click import Command, Context, HelpFormatter

# Help as click writes it, in every command: Typer's boxed help imports rich's markdown stack, which
# alone took `unknot --help` from about 120 ms to 300 ms.
PLAIN_HELP = None


@dataclass(frozen=True)
class Lazy:
    """A command not loaded yet: how to build it (given its name), and its line in the group's help
    ("" to load it for the help too)."""

    load: Callable[[str], Command]
    summary: str = ""


class LazyCommands(MutableMapping[str, "Command"]):
    """The group's commands by name: every name is known at once, each command is built on first use.
    While `listing`, a command not built yet stands as a summary-only placeholder."""

    def __init__(self, lazy: Mapping[str, Lazy], loaded: Mapping[str, Command]) -> None:
        self.lazy = lazy
        self.loaded = dict(loaded)
        self.listing = False

    def __getitem__(self, name: str) -> Command:
        if name not in self.loaded:
            entry = self.lazy[name]
            if self.listing and entry.summary:
                return TyperCommand(name=name, help=entry.summary, short_help=entry.summary)
            self.loaded[name] = entry.load(name)
        return self.loaded[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self.loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self.lazy), **dict.fromkeys(self.loaded)})

    def __len__(self) -> int:
        return len(self.lazy.keys() | self.loaded.keys())


class OneLineUsageError(UsageError):
    """A usage error (an unknown option, a bad value) as one line on standard error, exit 2."""

    def show(self, file: IO[Any] | None = None) -> None:
        print(one_line(self.format_message()), file=file or sys.stderr)


@contextlib.contextmanager
def usage_in_one_line() -> Iterator[None]:
    try:
        yield
    except UsageError as exc:
        if isinstance(exc, OneLineUsageError | NoArgsIsHelpError) or exc.ctx is None:
            raise
        message = exc.format_message().replace("Value error, ", "")
        raise OneLineUsageError(f"{message} (see '{exc.ctx.command_path} --help')", exc.ctx) from None


class LazyGroup(TyperGroup):
    """A Typer group whose commands come from `lazy` (set by a subclass: see `lazy_group`)."""

    lazy: Mapping[str, Lazy] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.lazy_commands = LazyCommands(self.lazy, self.commands)
        self.commands = self.lazy_commands

    def make_context(self, *args: Any, **kwargs: Any) -> Context:
        with usage_in_one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Context) -> Any:
        with usage_in_one_line():
            return super().invoke(ctx)

    def list_commands(self, ctx: Context) -> list[str]:
        return list(self.lazy_commands)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        self.lazy_commands.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.lazy_commands.listing = False


def lazy_group(commands: Mapping[str, Lazy]) -> type[LazyGroup]:
    """A group class (for `typer.Typer(cls=...)`) that loads these commands on demand."""

    class Group(LazyGroup):
        lazy = commands

    return Group
