"""Opening the store: the database engine, its pragmas, and migrations applied on open."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from unknot.core.errors import UserError
from unknot.settings import Settings
from unknot.storage import scope
from unknot.storage.schema import BUSY_TIMEOUT_MS, SCHEMA_HEAD, alembic_config, migrate, schema_revision
from unknot.storage.upsert import COUNT_REVISION

__all__ = [
    "SCHEMA_HEAD",
    "Store",
    "alembic_config",
    "database_engine",
    "migrate",
    "open_store",
    "schema_revision",
]


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
            query = "&".join(f"{k}={v}" for k, v in engine.url.query.items() if k != "uri")
            target, uri = (f"{database}?{query}", True) if query else (database, False)
            self.raw = sqlite3.connect(target, check_same_thread=False, isolation_level=None, uri=uri)
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


class StorageError(UserError):
    """The journal's files cannot be written (read-only, full disk, no permission); one line."""


WRITE_FAILURES = ("readonly", "read-only", "disk is full", "unable to open", "disk i/o error")


@dataclass(frozen=True)
class Store:
    engine: Engine
    sessions: sessionmaker[Session]
    revision: RevisionReader
    where: str = ""  # the data folder or database, for messages
    read_only: str = ""  # why nothing can be saved (a read-only or full disk); "" when it can

    def reading(self) -> contextlib.AbstractContextManager[Session]:
        """A database session to read in (use it in a `with` block); inside `scope.one_session`, the
        one session of that block."""
        return scope.reading(self.sessions)

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A database session whose writes are committed together at the end of the `with` block,
        or not at all. A disk that cannot take them is one line naming why."""
        if self.read_only:
            raise StorageError(f"database: cannot save to {self.where} ({self.read_only}); nothing changed")
        try:
            with self.sessions.begin() as session:
                yield session
        except OperationalError as exc:
            if not _is_write_failure(exc):
                raise
            message = f"database: cannot save to {self.where} ({_why(exc, self.where)}); nothing changed"
            raise StorageError(message) from None

    def close(self) -> None:
        self.revision.close()
        self.engine.dispose()


def _is_write_failure(exc: OperationalError) -> bool:
    return any(failure in str(exc.orig).lower() for failure in WRITE_FAILURES)


def _why(exc: OperationalError, where: str) -> str:
    """What stopped a write, in words: a full disk (SQLite often says only "disk I/O error")."""
    with contextlib.suppress(OSError):
        if os.statvfs(where).f_bavail == 0:
            return "the disk is full"
    return str(exc.orig)


def _private_folder(path: Path) -> None:
    """Create the data folder readable by the user alone; a folder that exists is left as it is
    (a shared folder keeps its own modes)."""
    if path.is_dir():
        return
    try:
        path.mkdir(parents=True, mode=0o700)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise StorageError(f"database: cannot create the data folder {path} ({exc.strerror})") from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def is_read_only(path: Path) -> bool:
    """A journal unknot can read but not change: a read-only folder or disk, or a read-only file."""
    return path.exists() and not (os.access(path.parent, os.W_OK) and os.access(path, os.W_OK))


def _sqlite_engine(path: Path) -> Engine:
    _private_folder(path.parent)
    if is_read_only(path):  # a copy on a read-only disk: shown and exported, never changed
        return _read_only_engine(path)
    if not path.exists():
        try:
            path.touch(mode=0o600)
            os.chmod(path, 0o600)
        except OSError as exc:
            raise StorageError(f"database: cannot create {path} ({exc.strerror})") from None
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def database_engine(settings: Settings) -> Engine:
    """An engine for the database that settings name (a SQLite file unless a URL is given)."""
    if settings.database_url:
        return create_engine(settings.database_url, pool_pre_ping=True)
    return _sqlite_engine(settings.database_path)


def _read_only_engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true")


def open_store(settings: Settings) -> Store:
    """Open (creating and migrating as needed) the database that settings name. A journal on a
    read-only or full disk opens as it is, to read: showing and exporting work, saving says why not."""
    engine = database_engine(settings)
    url = engine.url.render_as_string(hide_password=True)
    where = url if settings.database_url else str(settings.home)
    read_only = ""
    if not settings.database_url and is_read_only(settings.database_path):
        read_only = "the data folder is read-only"
    else:
        try:
            migrate(engine)
        except OperationalError as exc:
            if settings.database_url or not _is_write_failure(exc) or not settings.database_path.exists():
                raise
            engine.dispose()
            engine, read_only = _read_only_engine(settings.database_path), _why(exc, where)
    if read_only and schema_revision(engine) != SCHEMA_HEAD:
        raise StorageError(f"database: {where} cannot be changed ({read_only}) and needs an upgrade first")
    sessions = sessionmaker(engine, expire_on_commit=False)
    event.listen(sessions, "after_flush", count_revision)
    return Store(engine, sessions, RevisionReader(engine), where, read_only)


def count_revision(session: Session, _context: Any) -> None:
    """Every flush that wrote something moves the journal's revision on, in the same transaction."""
    session.connection().execute(text(COUNT_REVISION))
