"""Reading and writing the journal: all of its SQL, and the mapping of rows to unknot's own types.

Each function runs inside a database session the caller opens (`Store.reading()`/`writing()`), so a
use case that reads and writes several things does it in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from unknot.core.checkins import Checkin
from unknot.core.history import SessionRecord, SessionResult
from unknot.core.progress import Clearance, Intake
from unknot.core.progression import Rating
from unknot.core.questionnaires import Response
from unknot.core.result import Assessment, CurrentPlan, Plan
from unknot.storage.tables import (
    AssessmentRow,
    Base,
    CheckinRow,
    ClearanceRow,
    PlanRow,
    PostureDayRow,
    PreferenceRow,
    ResponseRow,
    SessionRow,
)
from unknot.storage.upsert import upsert

FIRST_PLAN_REASON = "From your assessment."


def add_assessment(db: Session, answers: dict[str, Any], result: Assessment, now: dt.datetime) -> None:
    """Store an assessment; its plan (if any) becomes the current plan."""
    row = AssessmentRow(
        created_at=now, answers=answers, result=result.model_dump(mode="json"), triage=result.triage.value
    )
    db.add(row)
    db.flush()
    if result.plan is not None:
        add_plan(db, row.id, result.plan, FIRST_PLAN_REASON, now)


def _latest_assessment(db: Session) -> AssessmentRow | None:
    return db.scalars(select(AssessmentRow).order_by(AssessmentRow.id.desc()).limit(1)).first()


def _plan(row: PlanRow) -> Plan:
    return Plan.model_validate(
        {
            "level": row.level,
            "total_minutes": row.total_minutes,
            "items": row.items,
            "habits": row.habits,
            "walking": row.walking,
            "lessons": row.lessons,
        }
    )


def current_plan(db: Session, zone: dt.tzinfo | None) -> CurrentPlan | None:
    """The latest assessment and its latest plan; a changed plan's date is a day in `zone`."""
    row = _latest_assessment(db)
    if row is None:
        return None
    assessment = Assessment.model_validate(row.result)
    query = select(PlanRow).where(PlanRow.assessment_id == row.id).order_by(PlanRow.id.desc()).limit(1)
    plan_row = db.scalars(query).first()
    if plan_row is None:
        return CurrentPlan(assessment, None, None)
    if plan_row.reason == FIRST_PLAN_REASON:
        return CurrentPlan(assessment, _plan(plan_row), plan_row.id)
    changed_on = plan_row.created_at.astimezone(zone).date()
    return CurrentPlan(assessment, _plan(plan_row), plan_row.id, changed_on, plan_row.reason)


def plan_started(db: Session, plan_id: int) -> tuple[dt.datetime, int]:
    """When a plan was made, and the id of its assessment."""
    row = db.get(PlanRow, plan_id)
    assert row is not None, "a current plan's id always names a stored plan"
    return row.created_at, row.assessment_id


def plan_changes(db: Session, zone: dt.tzinfo | None) -> tuple[dt.date | None, list[tuple[dt.date, str]]]:
    """The day of the latest assessment, and each change of its plan since (day and reason).
    Columns, not rows: a long journal's plans hold years of exercises."""
    latest = select(AssessmentRow.id, AssessmentRow.created_at).order_by(AssessmentRow.id.desc()).limit(1)
    found = db.execute(latest).first()
    if found is None:
        return None, []
    assessment, assessed_at = found
    plans = select(PlanRow.created_at, PlanRow.reason).where(PlanRow.assessment_id == assessment)
    changes = [(at.astimezone(zone).date(), reason) for at, reason in db.execute(plans.order_by(PlanRow.id))]
    return assessed_at.astimezone(zone).date(), changes[1:]


def add_plan(db: Session, assessment_id: int, plan: Plan, reason: str, now: dt.datetime) -> None:
    data = plan.model_dump(mode="json")
    db.add(
        PlanRow(
            assessment_id=assessment_id,
            created_at=now,
            level=data["level"],
            total_minutes=data["total_minutes"],
            items=data["items"],
            habits=data["habits"],
            walking=data["walking"],
            lessons=data["lessons"],
            reason=reason,
        )
    )
    db.flush()


def put_checkin(db: Session, checkin: Checkin, now: dt.datetime) -> bool:
    """Store the check-in for its date, replacing any earlier one. Returns True when it replaced one."""
    values = {
        "pain": checkin.pain,
        "stiffness": checkin.stiffness,
        "note": checkin.note,
        "red_flags": list(checkin.red_flags),
        "recorded_at": now,
    }
    return upsert(db, CheckinRow, {"date": checkin.date}, values)


# Columns, not ORM objects: a history of years is read on every page that charts it.
CHECKIN_COLUMNS = (
    CheckinRow.date,
    CheckinRow.pain,
    CheckinRow.stiffness,
    CheckinRow.note,
    CheckinRow.red_flags,
    CheckinRow.recorded_at,
)
_CHECKIN = select(*CHECKIN_COLUMNS)


def checkin_of(row: Any) -> Checkin:
    day, pain, stiffness, note, flags, recorded_at = row
    return Checkin(day, pain, stiffness, note, tuple(flags), recorded_at)


def checkins(db: Session, until: dt.date | None = None) -> list[Checkin]:
    query = _CHECKIN.order_by(CheckinRow.date)
    if until is not None:
        query = query.where(CheckinRow.date <= until)
    return [checkin_of(row) for row in db.execute(query)]


def last_checkin_date(db: Session) -> dt.date | None:
    return db.scalar(select(func.max(CheckinRow.date)))


def checkin_on(db: Session, day: dt.date) -> Checkin | None:
    found = db.execute(_CHECKIN.where(CheckinRow.date == day)).first()
    return None if found is None else checkin_of(found)


def ratings(db: Session) -> list[Rating]:
    query = select(CheckinRow.date, CheckinRow.pain, CheckinRow.recorded_at).order_by(CheckinRow.date)
    return [Rating(d, p, at) for d, p, at in db.execute(query)]


def add_session(db: Session, session: SessionResult, plan_id: int | None, source: str) -> None:
    db.add(
        SessionRow(
            date=session.date,
            plan_id=plan_id,
            completed=session.completed,
            items_done=list(session.items_done),
            pain_before=session.pain_before,
            pain_after=session.pain_after,
            source=source,
            recorded_at=session.recorded_at,
            hurt=list(session.hurt),
            token=session.token,
        )
    )
    db.flush()


def session_of(row: SessionRow) -> SessionResult:
    return SessionResult(
        row.date,
        row.completed,
        tuple(row.items_done),
        row.pain_before,
        row.pain_after,
        row.recorded_at,
        tuple(row.hurt),
        row.token,
    )


def session_with_token(db: Session, token: str) -> SessionResult | None:
    row = db.scalars(select(SessionRow).where(SessionRow.token == token)).first()
    return None if row is None else session_of(row)


def session_records(db: Session, until: dt.date | None = None) -> list[SessionRecord]:
    query = select(SessionRow.date, SessionRow.completed).order_by(SessionRow.date, SessionRow.id)
    if until is not None:
        query = query.where(SessionRow.date <= until)
    return [SessionRecord(d, c) for d, c in db.execute(query)]


def sessions_completed_on(db: Session, day: dt.date) -> int:
    query = select(func.count()).where(SessionRow.date == day, SessionRow.completed)
    return int(db.scalar(query) or 0)


def session_results(db: Session) -> list[SessionResult]:
    return [session_of(r) for r in db.scalars(select(SessionRow).order_by(SessionRow.date, SessionRow.id))]


def add_clearance(db: Session, clearance: Clearance, now: dt.datetime) -> None:
    db.add(ClearanceRow(flag=clearance.flag, date=clearance.date, recorded_at=now))
    db.flush()


def clearances(db: Session) -> list[Clearance]:
    query = select(ClearanceRow.flag, ClearanceRow.date).order_by(ClearanceRow.date, ClearanceRow.id)
    return [Clearance(flag, day) for flag, day in db.execute(query)]


def latest_answers(db: Session) -> dict[str, Any] | None:
    """The answers of the assessment a person follows now (None before any)."""
    row = _latest_assessment(db)
    return None if row is None else dict(row.answers)


def answers_of(db: Session, assessment_id: int) -> dict[str, Any]:
    """The answers a saved assessment was made from."""
    return dict(
        db.execute(select(AssessmentRow.answers).where(AssessmentRow.id == assessment_id)).scalar_one()
    )


def intakes(db: Session) -> list[Intake]:
    """Every saved assessment: when, and the red flags its answers reported."""
    query = select(AssessmentRow.created_at, AssessmentRow.answers).order_by(AssessmentRow.id)
    return [Intake(at, tuple(answers.get("red_flags", []))) for at, answers in db.execute(query)]


def first_intake_at(db: Session) -> dt.datetime | None:
    """When the first assessment was saved: the journal's day 1 (None before any)."""
    query = select(AssessmentRow.created_at).order_by(AssessmentRow.id).limit(1)
    return db.execute(query).scalar_one_or_none()


def preferences(db: Session) -> dict[str, Any]:
    query = select(PreferenceRow).order_by(PreferenceRow.key)
    return {row.key: row.value for row in db.scalars(query)}


def put_preference(db: Session, key: str, value: Any) -> None:
    row = db.get(PreferenceRow, key)
    if row is None:
        db.add(PreferenceRow(key=key, value=value))
    else:
        row.value = value
    db.flush()


def put_response(db: Session, response: Response, now: dt.datetime) -> bool:
    """Store a questionnaire's answers for its date, replacing any earlier ones that day."""
    keys = {"questionnaire": response.questionnaire, "date": response.date}
    values = {"answers": list(response.answers), "score": response.score, "recorded_at": now}
    return upsert(db, ResponseRow, keys, values)


def responses(db: Session, until: dt.date | None = None) -> list[Response]:
    columns = (ResponseRow.questionnaire, ResponseRow.date, ResponseRow.answers, ResponseRow.score)
    query = select(*columns).order_by(ResponseRow.date, ResponseRow.questionnaire)
    if until is not None:
        query = query.where(ResponseRow.date <= until)
    return [Response(name, day, tuple(answers), score) for name, day, answers, score in db.execute(query)]


def is_empty(db: Session) -> bool:
    tables = (
        AssessmentRow,
        PlanRow,
        CheckinRow,
        SessionRow,
        PreferenceRow,
        ResponseRow,
        ClearanceRow,
        PostureDayRow,
    )
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
