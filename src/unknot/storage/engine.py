"""Opening the store: the database engine, its pragmas, and migrations applied on open."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from unknot.settings import Settings

try:
    import fcntl
except ImportError:  # Windows: no lock file; first runs there are single-process in practice
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 15_000
# The newest migration. Knowing it here lets an up-to-date database open without loading Alembic;
# a test checks that it names the head of the migrations folder.
SCHEMA_HEAD = "0005"


REVISION_SQL = "SELECT value FROM meta WHERE key = 'revision'"


class RevisionReader:
    """Reads the journal's revision as cheaply as possible: pages check it on every request.

    On SQLite it keeps one plain sqlite3 connection in autocommit mode, so each read sees the newest
    commit of any process; elsewhere it goes through the engine.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.lock = threading.Lock()
        self.raw: sqlite3.Connection | None = None
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database:
            self.raw = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
            self.raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def __call__(self) -> int:
        if self.raw is None:
            with self.engine.connect() as connection:
                return int(connection.execute(text(REVISION_SQL)).scalar() or 0)
        with self.lock:
            row = self.raw.execute(REVISION_SQL).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()


@dataclass(frozen=True)
class Store:
    engine: Engine
    sessions: sessionmaker[Session]
    revision: RevisionReader

    def reading(self) -> Session:
        """A database session to read in (use it in a `with` block)."""
        return self.sessions()

    def writing(self) -> contextlib.AbstractContextManager[Session]:
        """A database session whose writes are committed together at the end of the `with` block,
        or not at all."""
        return self.sessions.begin()

    def close(self) -> None:
        self.revision.close()
        self.engine.dispose()


def _private_folder(path: Path) -> None:
    """Create the data folder readable by the user alone."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_engine(path: Path) -> Engine:
    _private_folder(path.parent)
    if not path.exists():
        path.touch(mode=0o600)
    os.chmod(path, 0o600)
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("unknot.storage") / "migrations"))
    return config


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One process migrates at a time: a lock file beside a SQLite file; PostgreSQL has an advisory lock."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or fcntl is None:
        yield
        return
    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema; a no-op when it is already there."""
    if schema_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    config = alembic_config()
    with _migration_lock(engine), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(7386201)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def database_engine(settings: Settings) -> Engine:
    """An engine for the database that settings name (a SQLite file unless a URL is given)."""
    if settings.database_url:
        return create_engine(settings.database_url, pool_pre_ping=True)
    return _sqlite_engine(settings.database_path)


def open_store(settings: Settings) -> Store:
    """Open (creating and migrating as needed) the database that settings name."""
    engine = database_engine(settings)
    migrate(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    event.listen(sessions, "after_flush", _count_revision)
    return Store(engine=engine, sessions=sessions, revision=RevisionReader(engine))


def _count_revision(session: Session, _context: Any) -> None:
    """Every flush that wrote something moves the journal's revision on, in the same transaction."""
    session.connection().execute(text("UPDATE meta SET value = value + 1 WHERE key = 'revision'"))
