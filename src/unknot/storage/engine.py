"""Opening the store: the database engine, its pragmas, and migrations applied on open."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from unknot.settings import Settings

BUSY_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Store:
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
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
    config = Config()
    config.set_main_option("script_location", str(resources.files("unknot.storage") / "migrations"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema; a no-op when it is already there."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_store(settings: Settings) -> Store:
    """Open (creating and migrating as needed) the database that settings name."""
    if settings.database_url:
        engine = create_engine(settings.database_url, pool_pre_ping=True)
    else:
        engine = _sqlite_engine(settings.database_path)
    migrate(engine)
    return Store(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
