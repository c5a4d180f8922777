"""The layers keep to themselves: every import in src/ is read (including those inside functions)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
STDLIB = sys.stdlib_module_names


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, as absolute names."""
    found = set()
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            found |= {f"{base}.{alias.name}" for alias in node.names} | {base}
    return found


def modules(package: str) -> dict[str, set[str]]:
    folder = SRC / package.replace(".", "/")
    files = (
        [folder.with_suffix(".py")] if folder.with_suffix(".py").exists() else sorted(folder.rglob("*.py"))
    )
    return {module_name(f): imports_of(f) for f in files if "migrations" not in f.parts}


def outside(imported: set[str], allowed: tuple[str, ...]) -> set[str]:
    """Imports that are neither the standard library nor under one of the allowed prefixes."""
    return {
        name
        for name in imported
        if name.split(".")[0] not in STDLIB
        and name != "__future__"
        and not any(name == a or name.startswith(a + ".") for a in allowed)
    }


def matching(imported: set[str], forbidden: tuple[str, ...]) -> set[str]:
    return {name for name in imported if any(name == f or name.startswith(f + ".") for f in forbidden)}


@pytest.mark.parametrize(
    ("package", "allowed"),
    [
        ("unknot.core", ("pydantic", "unknot.core", "unknot.content.schema")),
        ("unknot.content.schema", ("pydantic", "annotated_types", "unknot.content.schema")),
    ],
)
def test_pure_layers_import_only_the_standard_library_and_pydantic(
    package: str, allowed: tuple[str, ...]
) -> None:
    for name, imported in modules(package).items():
        assert outside(imported, allowed) == set(), name


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("unknot.cli", ("unknot.storage", "sqlalchemy", "alembic")),
        ("unknot.web", ("unknot.storage", "sqlalchemy", "alembic")),
        ("unknot.exports", ("unknot.services", "unknot.storage", "unknot.cli", "unknot.web")),
        (
            "unknot.present",
            ("unknot.services", "unknot.storage", "unknot.cli", "unknot.web", "typer", "rich"),
        ),
        (
            "unknot.services",
            ("unknot.cli", "unknot.web", "typer", "rich", "fastapi", "starlette", "sqlalchemy"),
        ),
        ("unknot.storage", ("unknot.services", "unknot.cli", "unknot.web")),
    ],
)
def test_layers_do_not_reach_past_their_neighbours(package: str, forbidden: tuple[str, ...]) -> None:
    for name, imported in modules(package).items():
        assert matching(imported, forbidden) == set(), name


def test_no_module_of_the_services_imports_another_that_imports_it() -> None:
    graph = {
        name: {i for i in imported if i.startswith("unknot.services.")}
        for name, imported in modules("unknot.services").items()
    }

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for following in graph.get(start, set()):
            if following == goal or (following not in seen and reaches(following, goal, seen | {following})):
                return True
        return False

    for name in graph:
        assert not reaches(name, name, {name}), f"{name} imports itself through others"


def loaded_by(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `statement`."""
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_reminder_daemon_stays_lean() -> None:
    loaded = loaded_by("import unknot.reminders.__main__")
    assert matching(loaded, ("sqlalchemy", "pydantic", "unknot.content", "unknot.services", "yaml")) == set()


def test_commands_start_without_the_report_renderers() -> None:
    loaded = loaded_by("import unknot.cli.app")
    assert matching(loaded, ("fpdf", "uvicorn", "unknot.exports.pdf", "unknot.web")) == set()
