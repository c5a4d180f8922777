"""The docs keep up with the code: every command is documented, the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from unknot.cli.app import build_cli

app = build_cli()

ROOT = Path(__file__).resolve().parents[2]


def command_paths(command: Any, prefix: str = "unknot") -> list[str]:
    """Every command and group under a built command group (loading the lazy ones)."""
    paths = []
    context = typer.Context(command)
    for name in command.list_commands(context):
        paths.append(f"{prefix} {name}")
        sub = command.get_command(context, name)
        if isinstance(sub, TyperGroup):
            paths += command_paths(sub, f"{prefix} {name}")
    return paths


def test_every_command_is_in_the_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## `([^`]+)`", reference, flags=re.MULTILINE)
    paths = command_paths(typer.main.get_command(app))
    assert {"unknot today", "unknot exercises show", "unknot breaks run"} <= set(paths)
    for path in paths:
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
    for page in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} -> {target}"


def documented(*pages: str) -> str:
    return "".join((ROOT / "docs" / page).read_text(encoding="utf-8") for page in pages)


def test_every_environment_setting_is_documented() -> None:
    from unknot.settings import Settings

    reference = documented("cli.md")
    for name in Settings.model_fields:
        assert f"`UNKNOT_{name.upper()}`" in reference, name


def test_every_preference_is_documented() -> None:
    from unknot.core.preferences import Preferences

    reference = documented("cli.md", "breaks.md")
    for key in Preferences.model_fields:
        assert f"`{key}`" in reference, key


def test_every_web_address_is_documented(tmp_path: Path) -> None:
    from tests.web.conftest import app_routes
    from unknot.settings import Settings
    from unknot.web.app import create_app

    reference = documented("web.md")
    for path, _ in app_routes(create_app(Settings(home=tmp_path))):
        assert f"`{path}`" in reference, path


def test_the_docs_never_send_a_reader_outside_the_repository() -> None:
    for page in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]:
        assert "shared/" not in page.read_text(encoding="utf-8"), page.name
    for name in ("assess", "progress", "journal", "breaks"):
        assert (ROOT / "docs" / "contracts" / f"{name}.md").exists()


def test_the_coach_docs_name_every_coached_exercise() -> None:
    from unknot.content.loader import default_library
    from unknot.services.coach import coachable

    text = " ".join((ROOT / "docs" / "coach.md").read_text(encoding="utf-8").split()).lower()
    listed = text.split("today these are:")[1].split(".")[0]
    names = {s.name.lower() for s in coachable(default_library())}
    assert {n.strip() for n in listed.replace(" and ", ", ").split(",")} == names


def test_every_server_address_is_documented() -> None:
    from unknot.web.server.app import PATIENT_ROUTERS, route_table

    reference = documented("server.md")
    local = {getattr(r, "path", "") for module in PATIENT_ROUTERS for r in module.router.routes}
    for row in route_table():
        if row["path"] not in local:  # a patient's pages are the local app's (docs/web.md)
            assert f"`{row['path']}`" in reference, row["path"]
