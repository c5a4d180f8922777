"""Every command's help names what an option or an argument takes in words (N, FILE, YYYY-MM-DD, ID),
not Python types."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from tests.cli.helpers import run_unknot
from tests.docs.test_docs import command_paths
from unknot.cli.app import build_cli

PYTHON_TYPE = re.compile(r"<(str|int|float|path|list\[[^>]*\]|int range|float range)>")


def test_no_option_or_argument_shows_a_python_type() -> None:
    app = build_cli()
    runner = CliRunner()
    paths = command_paths(typer.main.get_command(app))
    assert len(paths) > 20
    for path in paths:
        output = runner.invoke(app, [*path.split()[1:], "--help"], env={"COLUMNS": "200"}).output
        assert not PYTHON_TYPE.search(output), f"{path}: {PYTHON_TYPE.search(output)}"


@pytest.mark.parametrize(
    ("args", "line", "command"),
    [
        (["checkin", "--bogus"], "No such option: --bogus", "checkin"),
        (["therapy", "heat", "--minutes", "abc"], "Invalid value for '--minutes': ", "therapy"),
        (["breaks", "run", "--poll", "100"], "Invalid value for '--poll': ", "breaks run"),
        (
            ["exercises", "--target", "nope"],
            "Invalid value for '--target': 'nope' is not one of",
            "exercises",
        ),
        (["nosuch"], "No such command 'nosuch'.", ""),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(args: list[str], line: str, command: str) -> None:
    done = run_unknot(*args)
    assert done.returncode == 2 and done.stdout == ""
    [error] = done.stderr.splitlines()
    assert error.startswith(line) and error.endswith(
        " ".join(["unknot", command, "--help')"]).replace("  ", " ")
    )
