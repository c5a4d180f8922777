"""Small helpers shared by the command modules: wiring, consoles, errors, JSON output."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console

from unknot.content.loader import default_library
from unknot.content.schema import Library
from unknot.core.clock import SystemClock
from unknot.core.errors import UserError
from unknot.present.text import one_line
from unknot.settings import Settings

if TYPE_CHECKING:
    from unknot.services import Context

INVALID = 2
P = ParamSpec("P")
R = TypeVar("R")


def console() -> Console:
    return Console(highlight=False)


def fail(message: str, code: int = INVALID) -> NoReturn:
    """Print one line on standard error and exit (2 by default: invalid input). A message that quotes
    something with line breaks (a file's text, a library's error) is still one line."""
    print(one_line(message), file=sys.stderr)
    raise typer.Exit(code)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a UserError raised anywhere below a command into one line on stderr and exit 2."""
    if getattr(command, "_user_errors", False):
        return command

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            fail(f"{exc} ('unknot start')" if getattr(exc, "answer_again", False) else str(exc))

    run._user_errors = True  # type: ignore[attr-defined]
    return run


def with_clear_errors(group: typer.Typer) -> typer.Typer:
    """Every command and callback of a group (and of its groups) reports a UserError as one line."""
    for info in group.registered_commands:
        if info.callback is not None:
            info.callback = user_errors(info.callback)
    if group.registered_callback and group.registered_callback.callback is not None:
        group.registered_callback.callback = user_errors(group.registered_callback.callback)
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            with_clear_errors(sub.typer_instance)
    return group


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def library() -> Library:
    return default_library()


def settings_from_env() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"UNKNOT_{str(first['loc'][0]).upper()}: {first['msg']}")


def context_from_env() -> Context:
    """The person's unknot, wired from the environment: the one place the real clock is chosen."""
    from unknot.services import open_context  # the store: only for commands that use it

    return open_context(settings_from_env(), SystemClock(), library())


MiB = 1024 * 1024


def read_input(path: str, field: str, most: int) -> str:
    """Read a file, or standard input for '-', of at most `most` bytes (so `/dev/zero` is refused,
    not read until memory runs out), turning OS and encoding errors into a one-line error."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(most + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(most + 1)
        if len(data) > most:
            fail(f"{field}: {path} is larger than {most // MiB} MiB; is it the right file?")
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        fail(f"{field}: cannot read {path}: {reason}")
