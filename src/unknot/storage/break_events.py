"""The reminder daemon's events, as the journal keeps them: stored once each, counted per day.

An event's key is unique in the table, and events are inserted with "on conflict do nothing", so two
processes moving the same outbox lines into the journal at once store each line once, and neither fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Insert, Table, func, insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from unknot.core.reminders import BreakEvent
from unknot.storage.tables import BreakEventRow, MetaRow

BATCH = 500  # rows per INSERT, well under SQLite's limit of bound parameters
TABLE = cast(Table, BreakEventRow.__table__)


def add(db: Session, events: Iterable[BreakEvent]) -> int:
    """Store the events not stored yet (by key); returns how many were new."""
    fresh = {e.key: e for e in events}
    rows = [
        {"key": e.key, "at": e.at, "date": e.at.date(), "kind": e.kind.value, "seconds": e.seconds}
        for e in fresh.values()
    ]
    dialect = db.get_bind().dialect.name
    added = sum(_insert_new(db, dialect, rows[i : i + BATCH]) for i in range(0, len(rows), BATCH))
    if added:  # pages are cached until the journal's revision moves (core inserts skip the ORM's flush)
        db.execute(update(MetaRow).where(MetaRow.key == "revision").values(value=MetaRow.value + 1))
    return added


def _insert_new(db: Session, dialect: str, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose key is not in the table yet; how many were."""
    statement: Insert
    if dialect == "sqlite":
        statement = sqlite.insert(TABLE).on_conflict_do_nothing(index_elements=["key"])
    elif dialect == "postgresql":
        from sqlalchemy.dialects import postgresql  # loaded only where it is used: it is large

        statement = postgresql.insert(TABLE).on_conflict_do_nothing(index_elements=["key"])
    else:  # another database: one row at a time, each in a savepoint
        return sum(_insert_one(db, row) for row in rows)
    # RETURNING names the rows inserted (a conflict returns none); rowcount is not reliable here
    return len(db.execute(statement.values(rows).returning(TABLE.c.key)).all())


def _insert_one(db: Session, row: dict[str, Any]) -> int:
    try:
        with db.begin_nested():
            db.execute(insert(TABLE).values(row))
    except IntegrityError:
        return 0
    return 1


def keys(db: Session, keys: list[str]) -> set[str]:
    return set(db.scalars(select(BreakEventRow.key).where(BreakEventRow.key.in_(keys))))


def counts(db: Session, since: dt.date) -> list[tuple[dt.date, str, int]]:
    """Events per day and kind, from `since` on."""
    e = BreakEventRow
    query = select(e.date, e.kind, func.count()).where(e.date >= since).group_by(e.date, e.kind)
    return [(day, kind, int(count)) for day, kind, count in db.execute(query)]
