"""The journal's rows read in batches, oldest first, for exports that write as they read.

Each function returns an iterator that runs its query when first asked and then fetches `BATCH` rows
at a time (a server-side cursor on PostgreSQL), so a journal of twenty years is never all in memory.
They run inside the caller's database session and can be read side by side.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Executable, select
from sqlalchemy.orm import Session

from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord
from unknot.core.questionnaires import Response
from unknot.storage.tables import CheckinRow, ResponseRow, SessionRow

BATCH = 50  # rows: fifty plans (their exercises as JSON) are under 2 MB in memory


def rows(db: Session, query: Executable) -> Iterator[Any]:
    """The rows of a query, fetched a batch at a time."""
    yield from db.execute(query.execution_options(yield_per=BATCH))


def checkins(db: Session) -> Iterator[Checkin]:
    query = select(
        CheckinRow.date,
        CheckinRow.pain,
        CheckinRow.stiffness,
        CheckinRow.note,
        CheckinRow.red_flags,
        CheckinRow.recorded_at,
    ).order_by(CheckinRow.date)
    for day, pain, stiffness, note, flags, recorded_at in rows(db, query):
        yield Checkin(day, pain, stiffness, note, tuple(flags), recorded_at)


def session_records(db: Session) -> Iterator[SessionRecord]:
    query = select(SessionRow.date, SessionRow.completed).order_by(SessionRow.date, SessionRow.id)
    for day, completed in rows(db, query):
        yield SessionRecord(day, completed)


def responses(db: Session) -> Iterator[Response]:
    query = select(ResponseRow.questionnaire, ResponseRow.date, ResponseRow.answers, ResponseRow.score)
    for name, day, answers, score in rows(db, query.order_by(ResponseRow.date, ResponseRow.questionnaire)):
        yield Response(name, day, tuple(answers), score)
