"""Server mode's database: one PostgreSQL database holding the server's own tables (`public`) and
each patient's journal in a schema of its own (`journal_<account id>`), the local app's tables
migrated by the same chain. A journal's store sets `search_path` at the start of every transaction,
so the repository runs unchanged for one patient and cannot see another's rows."""

from __future__ import annotations

import contextlib
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from unknot.core.errors import UserError
from unknot.storage.engine import RevisionReader, Store, count_revision
from unknot.storage.schema import SCHEMA_HEAD, SchemaError, alembic_config, schema_revision

SERVER_HEAD = "s001"
MIGRATION_LOCK = 7386201  # the same advisory lock as the local store's migrations
JOURNAL = re.compile(r"^journal_[0-9]+$")
KEPT_JOURNALS = 256  # journal stores kept per process (a session factory each; no data)


class ServerConfigError(UserError):
    """Server mode is not configured as it needs to be; the message says what to set."""


def journal_schema(account_id: int) -> str:
    return f"journal_{account_id}"


def _checked(schema: str) -> str:
    if not JOURNAL.match(schema):
        raise ValueError(f"not a journal schema: {schema!r}")
    return schema


def server_engine(url: str | None) -> Engine:
    if not url:
        raise ServerConfigError("server: set UNKNOT_DATABASE_URL to a PostgreSQL database")
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        raise ServerConfigError("server: UNKNOT_DATABASE_URL must name a PostgreSQL database")
    return engine


def _server_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("unknot.storage") / "server_migrations"))
    return config


def server_revision(connection: Connection) -> str | None:
    found = connection.execute(text("SELECT to_regclass('public.server_version')")).scalar()
    if found is None:
        return None
    return connection.execute(text("SELECT version_num FROM public.server_version")).scalar()


@contextlib.contextmanager
def _migrating(engine: Engine, what: str) -> Iterator[Connection]:
    try:
        with engine.begin() as connection:
            connection.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
            yield connection
    except DatabaseError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        raise SchemaError(f"database: {what} could not be brought up to date ({reason})") from None


def migrate_server(engine: Engine) -> None:
    """The server's own tables to the newest schema, whole or not at all."""
    from alembic import command

    with _migrating(engine, "the server's tables") as connection:
        if server_revision(connection) == SERVER_HEAD:
            return
        config = _server_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def migrate_journal(engine: Engine, schema: str) -> None:
    """Create (when new) and upgrade one patient's journal schema, whole or not at all."""
    from alembic import command

    with _migrating(engine, f"journal {schema}") as connection:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{_checked(schema)}"'))
        connection.execute(text(f'SET LOCAL search_path TO "{schema}"'))
        if schema_revision(connection) == SCHEMA_HEAD:
            return
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def ping(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DatabaseError:
        return False
    return True


def journals(engine: Engine) -> list[str]:
    """Every journal schema in the database."""
    with engine.connect() as connection:
        names = connection.execute(
            text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'journal\\_%' ORDER BY nspname")
        ).scalars()
        return [name for name in names if JOURNAL.match(name)]


def journals_behind(engine: Engine) -> list[str]:
    """The journal schemas not at the newest version (read on one connection: a start-up with a
    thousand journals does not migrate, or lock, each one to find it up to date)."""
    behind = []
    with engine.connect() as connection:
        for name in journals(engine):
            found = connection.execute(text(f"SELECT to_regclass('\"{name}\".alembic_version')")).scalar()
            version = (
                connection.execute(text(f'SELECT version_num FROM "{name}".alembic_version')).scalar()
                if found is not None
                else None
            )
            if version != SCHEMA_HEAD:
                behind.append(name)
    return behind


def drop_journal(db: Session, schema: str) -> None:
    """Remove a patient's journal, in the transaction that removes their account."""
    db.execute(text(f'DROP SCHEMA IF EXISTS "{_checked(schema)}" CASCADE'))


class SchemaRevision(RevisionReader):
    """The journal's revision (see storage.engine.RevisionReader), read from its schema."""

    def __init__(self, engine: Engine, schema: str) -> None:
        self.engine = engine
        self.raw = None
        self.sql = text(f"SELECT value FROM \"{schema}\".meta WHERE key = 'revision'")

    def __call__(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(self.sql).scalar() or 0)

    def close(self) -> None:
        """The engine is the server's, shared by every journal: nothing to close here."""


def _journal_store(engine: Engine, schema: str) -> Store:
    sessions = sessionmaker(engine, expire_on_commit=False)
    statement = text(f'SET LOCAL search_path TO "{_checked(schema)}"')

    @event.listens_for(sessions, "after_begin")
    def _to_the_journal(session: Session, _transaction: Any, connection: Connection) -> None:
        connection.execute(statement)

    event.listen(sessions, "after_flush", count_revision)
    return Store(engine, sessions, SchemaRevision(engine, schema), where=f"journal {schema}")


@dataclass
class ServerStore:
    """The server's engine, its tables' sessions, and the journal stores made from them."""

    engine: Engine
    sessions: sessionmaker[Session]
    kept: OrderedDict[str, Store]

    def journal(self, schema: str) -> Store:
        """The store of one patient's journal (made once per process, kept for the next request)."""
        store = self.kept.get(schema)
        if store is None:
            store = _journal_store(self.engine, schema)
            self.kept[schema] = store
            if len(self.kept) > KEPT_JOURNALS:
                self.kept.popitem(last=False)
        else:
            self.kept.move_to_end(schema)
        return store

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def reading(self) -> contextlib.AbstractContextManager[Session]:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def open_server_store(url: str | None, *, migrate: bool = True) -> ServerStore:
    engine = server_engine(url)
    if migrate:
        migrate_server(engine)
    return ServerStore(engine, sessionmaker(engine, expire_on_commit=False), OrderedDict())
