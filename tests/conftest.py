"""Shared fixtures: every test gets its own UNKNOT_HOME, and answers come from one strategy."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from unknot.content.loader import default_library
from unknot.content.schema import Library


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder, so no test touches the real user's data."""
    folder = tmp_path / "unknot-home"
    monkeypatch.setenv("UNKNOT_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def library() -> Library:
    return default_library()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
