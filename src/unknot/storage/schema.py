"""The journal's schema: migrations applied whole or not at all, one process at a time.

On SQLite every migration of an upgrade runs in one `BEGIN IMMEDIATE` transaction on a connection
of its own (pysqlite would otherwise commit each CREATE TABLE by itself), so a kill during a first
run or an upgrade leaves the database as it was. A half-made schema left by an older version is
rebuilt when it holds no data, and refused with one line when it does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError

from unknot.core.errors import UserError

try:
    import fcntl
except ImportError:  # Windows: no lock file; first runs there are single-process in practice
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 15_000
# The newest migration. Knowing it here lets an up-to-date database open without loading Alembic;
# a test checks that it names the head of the migrations folder.
SCHEMA_HEAD = "0007"


class SchemaError(UserError):
    """The database cannot be brought up to date; the message is one line saying what to do."""


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("unknot.storage") / "migrations"))
    return config


def schema_revision(engine: Engine | Connection) -> str | None:
    with _connected(engine) as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextlib.contextmanager
def _connected(engine: Engine | Connection) -> Iterator[Connection]:
    if isinstance(engine, Connection):
        yield engine
        return
    with engine.connect() as connection:
        yield connection


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


def _transactional_sqlite(engine: Engine) -> Engine:
    """An engine on the same SQLite file whose transactions really hold DDL: pysqlite's own
    transaction handling is off, and every transaction starts with BEGIN IMMEDIATE."""
    separate = create_engine(engine.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(separate, "connect")
    def _no_pysqlite_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(separate, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return separate


def _half_made(connection: Connection) -> list[str]:
    """Tables of a schema whose creation never finished (no version recorded)."""
    tables = inspect(connection).get_table_names()
    return [] if "alembic_version" in tables else tables


def _clear_half_made(connection: Connection, where: str) -> None:
    tables = _half_made(connection)
    if any(connection.execute(text(f'SELECT 1 FROM "{t}" LIMIT 1')).first() for t in tables if t != "meta"):
        raise SchemaError(
            f"database: {where} holds a journal whose set-up never finished; move it aside and "
            "import your last export into a new data folder ('unknot import')"
        )
    for table in tables:
        connection.execute(text(f'DROP TABLE "{table}"'))


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema, whole or not at all; a no-op when it is there."""
    if schema_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    config = alembic_config()
    where = engine.url.database or engine.url.render_as_string(hide_password=True)
    runner = _transactional_sqlite(engine) if engine.dialect.name == "sqlite" else engine
    try:
        with _migration_lock(engine), runner.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(7386201)"))
            if schema_revision(connection) is None:
                _clear_half_made(connection, where)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DatabaseError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise SchemaError(f"database: {where} could not be brought up to date ({reason})") from None
    finally:
        if runner is not engine:
            runner.dispose()
