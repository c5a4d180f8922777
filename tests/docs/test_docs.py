"""The docs keep up with the code: every command is documented, the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from unknot.cli.app import build_cli

app = build_cli()

ROOT = Path(__file__).resolve().parents[2]


def command_paths(typer_app: typer.Typer, prefix: str = "unknot") -> list[str]:
    paths = [f"{prefix} {c.name}" for c in typer_app.registered_commands if c.name]
    for group in typer_app.registered_groups:
        assert group.typer_instance is not None and group.name
        paths.append(f"{prefix} {group.name}")
        paths += command_paths(group.typer_instance, f"{prefix} {group.name}")
    return paths


def test_every_command_is_in_the_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## `([^`]+)`", reference, flags=re.MULTILINE)
    for path in command_paths(app):
        assert any(h == path or h.startswith(path + " ") for h in headings), path


def test_readme_quick_start_has_the_two_make_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^(make \w+)", quick, flags=re.MULTILINE)
    assert commands == ["make run", "make test"]
    for command in commands:
        assert re.search(rf"^{command.split()[1]}:", makefile, flags=re.MULTILINE)


def test_docs_links_resolve() -> None:
    for page in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} -> {target}"
