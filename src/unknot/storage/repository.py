"""Reading and writing the journal. Each public function runs inside a session the caller opens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from unknot.core.journal import Checkin, SessionRecord
from unknot.core.progression import DoneSession, Rating
from unknot.core.questionnaires import Response
from unknot.storage.tables import (
    AssessmentRow,
    Base,
    CheckinRow,
    PlanRow,
    ResponseRow,
    SessionRow,
    SettingRow,
)

FIRST_PLAN_REASON = "From your assessment."


def add_assessment(
    db: Session, answers: dict[str, Any], result: dict[str, Any], now: dt.datetime
) -> AssessmentRow:
    row = AssessmentRow(created_at=now, answers=answers, result=result, triage=result["triage"])
    db.add(row)
    db.flush()
    plan = result.get("plan")
    if plan is not None:
        add_plan(db, row.id, plan, FIRST_PLAN_REASON, now)
    return row


def current_assessment(db: Session) -> AssessmentRow | None:
    return db.scalars(select(AssessmentRow).order_by(AssessmentRow.id.desc()).limit(1)).first()


def current_plan(db: Session, assessment: AssessmentRow) -> PlanRow | None:
    query = select(PlanRow).where(PlanRow.assessment_id == assessment.id).order_by(PlanRow.id.desc()).limit(1)
    return db.scalars(query).first()


def put_checkin(db: Session, checkin: Checkin, now: dt.datetime) -> bool:
    """Store the check-in for its date, replacing any earlier one. Returns True when it replaced one."""
    row = db.scalars(select(CheckinRow).where(CheckinRow.date == checkin.date)).first()
    replaced = row is not None
    if row is None:
        row = CheckinRow(date=checkin.date)
        db.add(row)
    row.pain = checkin.pain
    row.stiffness = checkin.stiffness
    row.note = checkin.note
    row.red_flags = list(checkin.red_flags)
    row.recorded_at = now
    db.flush()
    return replaced


def add_session(db: Session, row: SessionRow) -> SessionRow:
    db.add(row)
    db.flush()
    return row


def checkins(db: Session, until: dt.date | None = None) -> list[Checkin]:
    # Columns, not ORM objects: a history of years is read on every page that charts it.
    c = CheckinRow
    query = select(c.date, c.pain, c.stiffness, c.note, c.red_flags).order_by(c.date)
    if until is not None:
        query = query.where(c.date <= until)
    return [Checkin(d, p, s, n, tuple(f)) for d, p, s, n, f in db.execute(query)]


def session_records(db: Session, until: dt.date | None = None) -> list[SessionRecord]:
    query = select(SessionRow.date, SessionRow.completed).order_by(SessionRow.date, SessionRow.id)
    if until is not None:
        query = query.where(SessionRow.date <= until)
    return [SessionRecord(d, c) for d, c in db.execute(query)]


def sessions_on(db: Session, day: dt.date) -> list[SessionRow]:
    return list(db.scalars(select(SessionRow).where(SessionRow.date == day).order_by(SessionRow.id)))


def checkin_on(db: Session, day: dt.date) -> CheckinRow | None:
    return db.scalars(select(CheckinRow).where(CheckinRow.date == day)).first()


def get_settings(db: Session) -> dict[str, Any]:
    return {row.key: row.value for row in db.scalars(select(SettingRow).order_by(SettingRow.key))}


def put_setting(db: Session, key: str, value: Any) -> None:
    row = db.get(SettingRow, key)
    if row is None:
        db.add(SettingRow(key=key, value=value))
    else:
        row.value = value
    db.flush()


def is_empty(db: Session) -> bool:
    tables = (AssessmentRow, PlanRow, CheckinRow, SessionRow, SettingRow, ResponseRow)
    return all(db.scalar(select(func.count()).select_from(t)) == 0 for t in tables)


def reset_sequences(db: Session) -> None:
    """After inserting explicit ids on PostgreSQL, move each id sequence past the largest id."""
    if db.get_bind().dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" in table.c:
            db.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                )
            )


def put_response(db: Session, response: Response, now: dt.datetime) -> bool:
    """Store a questionnaire's answers for its date, replacing any earlier ones that day."""
    query = select(ResponseRow).where(
        ResponseRow.questionnaire == response.questionnaire, ResponseRow.date == response.date
    )
    row = db.scalars(query).first()
    replaced = row is not None
    if row is None:
        row = ResponseRow(questionnaire=response.questionnaire, date=response.date)
        db.add(row)
    row.answers = list(response.answers)
    row.score = response.score
    row.recorded_at = now
    db.flush()
    return replaced


def responses(db: Session, until: dt.date | None = None) -> list[Response]:
    query = select(ResponseRow).order_by(ResponseRow.date, ResponseRow.questionnaire)
    if until is not None:
        query = query.where(ResponseRow.date <= until)
    return [Response(r.questionnaire, r.date, tuple(r.answers), r.score) for r in db.scalars(query)]


def done_sessions(db: Session) -> list[DoneSession]:
    rows = db.scalars(select(SessionRow).order_by(SessionRow.date, SessionRow.id))
    return [DoneSession(r.date, r.completed, r.pain_before, r.pain_after, r.recorded_at) for r in rows]


def ratings(db: Session) -> list[Rating]:
    rows = db.scalars(select(CheckinRow).order_by(CheckinRow.date))
    return [Rating(r.date, r.pain, r.recorded_at) for r in rows]


def add_plan(db: Session, assessment_id: int, plan: dict[str, Any], reason: str, now: dt.datetime) -> PlanRow:
    row = PlanRow(
        assessment_id=assessment_id,
        created_at=now,
        level=plan["level"],
        total_minutes=plan["total_minutes"],
        items=plan["items"],
        habits=plan["habits"],
        reason=reason,
    )
    db.add(row)
    db.flush()
    return row


def plan_history(db: Session, assessment_id: int) -> list[PlanRow]:
    query = select(PlanRow).where(PlanRow.assessment_id == assessment_id).order_by(PlanRow.id)
    return list(db.scalars(query))
