"""Shared fixtures: every test gets its own UNKNOT_HOME, and answers come from one strategy."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from typer.testing import CliRunner

from unknot.content.loader import default_library
from unknot.content.schema import Library
from unknot.core.clock import FixedClock
from unknot.services import Context
from unknot.settings import Settings
from unknot.storage.engine import Store, open_store


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


def _worker_database(url: str | None) -> str | None:
    """Under pytest-xdist, each worker gets a database of its own (created on first use)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        known = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if known is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


POSTGRES_URL = _worker_database(os.environ.get("UNKNOT_TEST_POSTGRES_URL"))


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, home: Path) -> Iterator[Settings]:
    """Settings for a fresh, empty store: a SQLite file, or a real PostgreSQL server when configured."""
    if request.param == "sqlite":
        yield Settings(home=home)
        return
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests: set UNKNOT_TEST_POSTGRES_URL (see .ci/run)")
        pytest.skip("no PostgreSQL server configured (UNKNOT_TEST_POSTGRES_URL)")
    _reset_postgres(POSTGRES_URL)
    yield Settings(home=home, database_url=POSTGRES_URL)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC))


@pytest.fixture
def ctx(settings: Settings, store: Store, clock: FixedClock, library: Library) -> Context:
    """One person's unknot on a fresh store, at a fixed moment."""
    return Context(settings, store, clock, library)
