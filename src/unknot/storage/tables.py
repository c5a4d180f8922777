"""The journal's tables (SQLAlchemy 2 typed models). Change them only together with a migration."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    cast,
    literal_column,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stored as naive UTC on every database; always read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes must be timezone-aware")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    pass


Base.metadata.naming_convention = NAMING


class AssessmentRow(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    triage: Mapped[str] = mapped_column(String(20))


class PlanRow(Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    level: Mapped[str] = mapped_column(String(20))
    total_minutes: Mapped[float] = mapped_column(Float)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    habits: Mapped[list[str]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    walking: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # None before version 2
    lessons: Mapped[list[str]] = mapped_column(JSON, default=list)


class CheckinRow(Base):
    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    pain: Mapped[int] = mapped_column(Integer)
    stiffness: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    red_flags: Mapped[list[str]] = mapped_column(JSON)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"), nullable=True)
    completed: Mapped[bool] = mapped_column(default=False)
    items_done: Mapped[list[str]] = mapped_column(JSON)
    pain_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_after: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    hurt: Mapped[list[str]] = mapped_column(JSON, default=list)  # exercises where "this hurts" was pressed
    token: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)  # one save per play


# A check-in that reported a warning sign: its red flags are not the empty list. Pages read these
# (and the completed sessions) of the whole journal; the indexes keep that from reading every row.
FLAGGED = cast(CheckinRow.red_flags, Text) != literal_column("'[]'")
Index("ix_checkins_flagged", CheckinRow.date, sqlite_where=FLAGGED, postgresql_where=FLAGGED)
Index("ix_sessions_completed", SessionRow.completed, SessionRow.date)


class ClearanceRow(Base):
    """A clinician's all-clear: for a red flag, or for the pain rules of the escalation."""

    __tablename__ = "clearances"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flag: Mapped[str] = mapped_column(String(60))
    date: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class PreferenceRow(Base):
    """One of the person's preferences (the table's name is older than the word "preferences")."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class ResponseRow(Base):
    """One answered questionnaire; one per questionnaire and date."""

    __tablename__ = "questionnaire_responses"
    __table_args__ = (UniqueConstraint("questionnaire", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[list[int]] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class BreakEventRow(Base):
    """What the reminder daemon saw and did: prompts, answers, natural breaks, water."""

    __tablename__ = "break_events"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CoachedRow(Base):
    """What the camera coach saw of one exercise in a saved session (one row per side)."""

    __tablename__ = "session_coaching"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[str] = mapped_column(String(64))
    side: Mapped[str | None] = mapped_column(String(5), nullable=True)
    reps: Mapped[int] = mapped_column(Integer)
    hold_seconds: Mapped[float] = mapped_column(Float)


class PostureDayRow(Base):
    """The posture watch's day: seconds watched, seconds in sustained slouches, alerts."""

    __tablename__ = "posture_days"

    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    watched_seconds: Mapped[float] = mapped_column(Float)
    slouch_seconds: Mapped[float] = mapped_column(Float)
    alerts: Mapped[int] = mapped_column(Integer)


class MetaRow(Base):
    """Journal-wide counters. `revision` grows with every write, so pages can be cached until it moves."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
