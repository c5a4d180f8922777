"""The reminder daemon's events, as the journal keeps them: stored once each, counted per day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from unknot.core.reminders import BreakEvent
from unknot.storage.tables import BreakEventRow


def add(db: Session, events: list[BreakEvent]) -> int:
    """Store the events not stored yet (by key); returns how many were new."""
    known = keys(db, [e.key for e in events])
    fresh = {e.key: e for e in events if e.key not in known}
    db.add_all(
        BreakEventRow(key=e.key, at=e.at, date=e.at.date(), kind=e.kind.value, seconds=e.seconds)
        for e in fresh.values()
    )
    db.flush()
    return len(fresh)


def keys(db: Session, keys: list[str]) -> set[str]:
    return set(db.scalars(select(BreakEventRow.key).where(BreakEventRow.key.in_(keys))))


def counts(db: Session, since: dt.date) -> list[tuple[dt.date, str, int]]:
    """Events per day and kind, from `since` on."""
    e = BreakEventRow
    query = select(e.date, e.kind, func.count()).where(e.date >= since).group_by(e.date, e.kind)
    return [(day, kind, int(count)) for day, kind, count in db.execute(query)]
