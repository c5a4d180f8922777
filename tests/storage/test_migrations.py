"""Migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import stat

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from unknot.settings import Settings
from unknot.storage.engine import migrate, open_store
from unknot.storage.tables import Base


def test_upgrade_from_empty_matches_the_models(settings: Settings) -> None:
    store = open_store(settings)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert differences == []


def test_opening_twice_is_a_no_op(settings: Settings) -> None:
    open_store(settings).close()
    store = open_store(settings)
    migrate(store.engine)
    tables = set(inspect(store.engine).get_table_names())
    store.close()
    assert {"assessments", "plans", "checkins", "sessions", "settings", "alembic_version"} <= tables


def test_sqlite_pragmas_and_private_files(home: object) -> None:
    settings = Settings()
    store = open_store(settings)
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    store.close()
    assert stat.S_IMODE(os.stat(settings.home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(settings.database_path).st_mode) == 0o600


def test_schema_head_constant_names_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    from unknot.storage.engine import SCHEMA_HEAD, alembic_config, schema_revision

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD
    store = open_store(Settings())
    assert schema_revision(store.engine) == SCHEMA_HEAD
    store.close()
