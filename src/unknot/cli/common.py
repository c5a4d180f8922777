"""Small helpers shared by the command modules: consoles, errors, JSON output."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

from unknot.content.loader import default_library
from unknot.content.schema import Library

INVALID = 2


def console() -> Console:
    return Console(highlight=False)


def fail(message: str, code: int = INVALID) -> NoReturn:
    """Print one line on standard error and exit (2 by default: invalid input)."""
    print(message, file=sys.stderr)
    raise typer.Exit(code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def library() -> Library:
    return default_library()


def read_input(path: str, field: str) -> str:
    """Read a file, or standard input for '-', turning OS errors into a one-line error."""
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        fail(f"{field}: cannot read {path}: {reason}")
