"""The command line starts light: `unknot --help` lists every command without loading one, and a
command loads only what it uses (no PDF, calendar or web stack; Alembic only to migrate)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from unknot.cli.app import COMMANDS, lazy_commands
from unknot.features import FEATURES

REPORTS = ("fpdf", "reportlab", "icalendar", "fhir", "jinja2")  # the report and export stacks
WEB = ("uvicorn", "fastapi", "starlette", "unknot.web")
STORE = ("sqlalchemy", "alembic", "pydantic", "yaml", "unknot.services", "unknot.storage", "unknot.content")


def run_main(*args: str, home: Path) -> tuple[str, set[str]]:
    """Run `unknot ARGS` in a fresh interpreter: its output, and the modules it had loaded."""
    code = (
        "import sys\n"
        "sys.argv = ['unknot', *sys.argv[1:]]\n"
        "from unknot.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "UNKNOT_HOME": str(home), "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    return done.stdout, set(done.stderr.split())


def loaded(modules: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)}


def test_the_help_lists_every_command_and_group_without_loading_them(home: Path) -> None:
    output, modules = run_main("--help", home=home)
    assert loaded(modules, (*STORE, *REPORTS, *WEB)) == set()
    assert {m for m in modules if m.startswith("unknot.cli.")} == {"unknot.cli.app", "unknot.cli.lazy"}
    assert loaded(modules, ("rich.markdown", "markdown_it")) == set()  # plain help, as click writes it
    words = " ".join(output.split())  # the summaries wrap to the terminal's width
    for name, (_, line) in COMMANDS.items():
        assert f" {name} " in words and line in words, name
    for feature in FEATURES:
        if feature.commands is None:  # a feature of the web app only (the camera): no command line of its own
            assert not re.search(rf"^\s+{feature.name}\s", output, flags=re.MULTILINE), feature.name
            continue
        assert f" {feature.name} " in words and feature.summary in words, feature.name


def test_a_commands_help_loads_its_module_but_not_the_report_or_web_stacks(home: Path) -> None:
    output, modules = run_main("checkin", "--help", home=home)
    assert "--stiffness" in output
    assert "unknot.cli.daily" in modules
    assert loaded(modules, ("alembic", "unknot.cli.exchange", *REPORTS, *WEB)) == set()


def test_a_command_that_needs_no_journal_loads_no_database(home: Path) -> None:
    output, modules = run_main("exercises", "show", "cat_cow", home=home)
    assert "Cat-cow" in output
    assert loaded(modules, ("sqlalchemy", "alembic", "unknot.storage", *REPORTS, *WEB)) == set()
    assert not home.exists(), "no data folder is made"


def test_alembic_is_loaded_only_to_migrate(home: Path) -> None:
    _, first = run_main("today", home=home)
    assert "alembic" in first, "the first run creates the database"
    output, again = run_main("today", home=home)
    assert "unknot start" in output
    assert loaded(again, ("alembic", *REPORTS, *WEB)) == set()


def first_sentence(text: str) -> str:
    words = " ".join(text.split("\n\n", maxsplit=1)[0].split())
    return re.split(r"(?<=\.) ", words, maxsplit=1)[0]


@pytest.mark.parametrize("name", list(lazy_commands()))
def test_each_line_of_the_help_is_the_first_sentence_of_the_commands_own_help(name: str) -> None:
    entry = lazy_commands()[name]
    command = entry.load(name)
    assert command.name == name
    assert entry.summary == first_sentence(command.help or "")
