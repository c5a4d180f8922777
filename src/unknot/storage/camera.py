"""The camera features' rows: the coach's counts of a saved session, the posture watch's days."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from unknot.core.coach.records import Coached, PostureDay
from unknot.storage.tables import CoachedRow, PostureDayRow, SessionRow


def add_coaching(db: Session, token: str, coached: list[Coached]) -> None:
    """The coach's counts for the session saved with this play token."""
    session_id = db.scalars(select(SessionRow.id).where(SessionRow.token == token)).one()
    db.add_all(
        CoachedRow(
            session_id=session_id,
            exercise_id=c.exercise,
            side=c.side,
            reps=c.reps,
            hold_seconds=c.hold_seconds,
        )
        for c in coached
    )
    db.flush()


def coaching(db: Session, token: str) -> list[Coached]:
    query = (
        select(CoachedRow)
        .join(SessionRow, SessionRow.id == CoachedRow.session_id)
        .where(SessionRow.token == token)
        .order_by(CoachedRow.id)
    )
    return [Coached(r.exercise_id, r.side, r.reps, r.hold_seconds) for r in db.scalars(query)]


def add_posture(db: Session, day: PostureDay) -> PostureDay:
    """Add a stretch of watching to its day's totals; the day's totals after it."""
    row = db.get(PostureDayRow, day.date)
    if row is None:
        row = PostureDayRow(date=day.date, watched_seconds=0.0, slouch_seconds=0.0, alerts=0)
        db.add(row)
    row.watched_seconds += day.watched_seconds
    row.slouch_seconds += day.slouch_seconds
    row.alerts += day.alerts
    db.flush()
    return PostureDay(row.date, row.watched_seconds, row.slouch_seconds, row.alerts)


def posture_days(db: Session, since: dt.date) -> list[PostureDay]:
    query = select(PostureDayRow).where(PostureDayRow.date >= since).order_by(PostureDayRow.date)
    return [PostureDay(r.date, r.watched_seconds, r.slouch_seconds, r.alerts) for r in db.scalars(query)]
