"""Insert or replace one row by its natural key, safely when two writers race for the same key
(a double click on Save, two processes checking in for one date): the database decides, in one
statement, so the loser updates instead of failing on the unique constraint."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from unknot.storage.tables import Base

COUNT_REVISION = "UPDATE meta SET value = value + 1 WHERE key = 'revision'"


def upsert(db: Session, row: type[Base], keys: dict[str, Any], values: dict[str, Any]) -> bool:
    """Store `values` under `keys`; True when a row with those keys was there before (replaced)."""
    table = row.__table__
    where = [table.c[name] == value for name, value in keys.items()]
    replaced = db.execute(select(table.c[next(iter(keys))]).where(*where)).first() is not None
    statement = _dialect(db).insert(table).values(**keys, **values)
    db.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=values))
    db.execute(text(COUNT_REVISION))  # Core statements do not pass through the ORM's flush hook
    return replaced


def _dialect(db: Session) -> Any:
    """The dialect whose INSERT can say ON CONFLICT (PostgreSQL's is large: loaded only when used)."""
    if db.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql
    return sqlite
