"""Reading only the part of the journal a page needs: the first check-ins, a window of days, the
latest entries, and counts done by the database, so a page costs the same after 20 years of use as
after a month. Each function gives what the straightforward read of everything would give (the tests
compare them on seeded journals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, func, literal, select, true, union
from sqlalchemy.orm import Session

from unknot.core.checkins import Checkin
from unknot.core.history import HistoryDay, SessionRecord, SessionResult, summarise_days
from unknot.core.progress import BASELINE_COUNT, WINDOW_DAYS, JournalWindow
from unknot.core.progression import FLARE_POINTS, FOLLOW_UP_DAYS, WEEK, PlanEvents, Rating, flare_ups
from unknot.storage.repository import CHECKIN_COLUMNS, checkin_of, session_of
from unknot.storage.tables import FLAGGED, AssessmentRow, CheckinRow, PlanRow, ResponseRow, SessionRow


def _checkins(db: Session, *where: Any, limit: int | None = None) -> list[Checkin]:
    query = select(*CHECKIN_COLUMNS).where(*where).order_by(CheckinRow.date).limit(limit)
    return [checkin_of(row) for row in db.execute(query)]


def journal_window(db: Session, today: dt.date) -> JournalWindow:
    """What progress reads of the journal as of `today` (as `core.progress.journal_window` makes it
    from every check-in and session)."""
    known = CheckinRow.date <= today
    first = _checkins(db, known, limit=BASELINE_COUNT)
    recent = _checkins(db, known, CheckinRow.date >= today - dt.timedelta(days=WINDOW_DAYS - 1))
    flagged = _checkins(db, known, FLAGGED, func.json_array_length(CheckinRow.red_flags) > 0)
    days = _session_days(db, first[0].date, today) if first else 0
    return JournalWindow(first, recent, flagged, days)


def _session_days(db: Session, first: dt.date, last: dt.date) -> int:
    """How many days from `first` to `last` have a completed session."""
    days = (
        select(SessionRow.date)
        .distinct()
        .where(SessionRow.completed == true(), SessionRow.date >= first, SessionRow.date <= last)
    )
    return _count(db, days)


def _count(db: Session, rows: Any) -> int:
    """How many rows a query gives (counting a subquery's rows: SQLite's count(distinct) is slower)."""
    return int(db.scalar(select(func.count()).select_from(rows.subquery())) or 0)


def last_answered(db: Session, questionnaires: Iterable[str]) -> dict[str, dt.date]:
    """The date each questionnaire was last answered (those never answered are left out)."""
    latest = [
        select(literal(name).label("name"), func.max(ResponseRow.date).label("last")).where(
            ResponseRow.questionnaire == name
        )
        for name in questionnaires
    ]
    if not latest:
        return {}
    return {name: last for name, last in db.execute(union(*latest)) if last is not None}


# Unordered: ordered by date, SQLite would walk the date index past the recorded_at one.
def _ratings(db: Session, *where: Any) -> list[Rating]:
    query = select(CheckinRow.date, CheckinRow.pain, CheckinRow.recorded_at).where(*where)
    return [Rating(d, p, at) for d, p, at in db.execute(query)]


def _sessions(db: Session, *where: Any) -> dict[int, SessionResult]:
    return {row.id: session_of(row) for row in db.scalars(select(SessionRow).where(*where))}


def review_window(
    db: Session, since: dt.datetime, today: dt.date
) -> tuple[list[SessionResult], list[Rating]]:
    """The sessions and ratings `core.progression.review` needs for a plan changed at `since`: what
    was recorded since; the days around the ratings recorded since (a session's follow-up); the two
    weeks before today. `review` of them gives what `review` of the whole journal gives."""
    sessions = _sessions(db, SessionRow.recorded_at > since)
    ratings = {r.date: r for r in _ratings(db, CheckinRow.date >= today - 2 * WEEK, CheckinRow.date < today)}
    sessions |= _sessions(db, SessionRow.date >= today - WEEK, SessionRow.date < today)
    fresh = _ratings(db, CheckinRow.recorded_at > since)
    if fresh:
        low = min(r.date for r in fresh) - dt.timedelta(days=FOLLOW_UP_DAYS)
        high = max(r.date for r in fresh)
        around = _ratings(db, CheckinRow.date >= low, CheckinRow.date <= high)
        before = select(func.max(CheckinRow.date)).where(CheckinRow.date < low).scalar_subquery()
        ratings |= {r.date: r for r in [*around, *_ratings(db, CheckinRow.date == before)]}
        sessions |= _sessions(db, SessionRow.date >= low, SessionRow.date <= high)
    in_order = [sessions[key] for key in sorted(sessions, key=lambda key: (sessions[key].date, key))]
    return in_order, sorted(ratings.values(), key=lambda r: r.date)


def entry_days(db: Session) -> int:
    """How many days have an entry: a check-in, or a session on a day without one."""
    alone = select(SessionRow.date).distinct().where(SessionRow.date.not_in(select(CheckinRow.date)))
    return int(db.scalar(select(func.count()).select_from(CheckinRow)) or 0) + _count(db, alone)


def _latest_dates(column: Any, before: bool) -> Any:
    query = select(column.label("date")).distinct().order_by(column.desc()).limit(bindparam("count"))
    return select(query.where(column < bindparam("before")).subquery() if before else query.subquery())


def _latest_day(before: bool) -> Any:
    dates = union(*(_latest_dates(column, before) for column in (CheckinRow.date, SessionRow.date)))
    found = dates.subquery()
    return select(found.c.date).order_by(found.c.date.desc()).limit(1).offset(bindparam("skip"))


# Built once: building a statement of unions costs a request more than running it.
LATEST_DAY = {before: _latest_day(before) for before in (False, True)}


def latest_entry_day(db: Session, skip: int = 0, before: dt.date | None = None) -> dt.date | None:
    """The latest day with an entry (before `before`, when given), or the one `skip` entry days
    before it: among the latest `skip + 1` days of check-ins and of sessions."""
    values = {"count": skip + 1, "skip": skip} | ({"before": before} if before else {})
    day: dt.date | None = db.scalar(LATEST_DAY[bool(before)], values)
    return day


def history_between(db: Session, first: dt.date, last: dt.date = dt.date.max) -> list[HistoryDay]:
    """The history (`core.history.summarise_days`) of the days from `first` to `last`."""
    checkins = _checkins(db, CheckinRow.date >= first, CheckinRow.date <= last)
    query = select(SessionRow.date, SessionRow.completed).where(
        SessionRow.date >= first, SessionRow.date <= last
    )
    records = [SessionRecord(d, c) for d, c in db.execute(query.order_by(SessionRow.date, SessionRow.id))]
    return summarise_days(checkins, records)


def recent_history(db: Session, entries: int, since: dt.date | None = None) -> list[HistoryDay]:
    """The history of the last `entries` days with an entry, and of every day from `since`, with the
    entry day before them: a count by week of them (`present.charts.weekly_counts`) then starts
    where the whole history's does, and its weeks from `since` on are whole."""
    cut = latest_entry_day(db, entries - 1)
    if cut is None:
        return history_between(db, dt.date.min)
    cut = min(cut, since or cut)
    return history_between(db, latest_entry_day(db, before=cut) or cut)


_LATEST_ASSESSMENT = select(func.max(AssessmentRow.id)).scalar_subquery()
_FIRST_PLAN = (
    select(func.min(PlanRow.id)).where(PlanRow.assessment_id == _LATEST_ASSESSMENT).scalar_subquery()
)
PLAN_CHANGES = (
    select(PlanRow.created_at, PlanRow.reason)
    .where(PlanRow.assessment_id == _LATEST_ASSESSMENT, PlanRow.id > _FIRST_PLAN)
    .where(PlanRow.created_at >= bindparam("early", type_=PlanRow.created_at.type))
    .order_by(PlanRow.id)
)
WORSE_SESSIONS = (  # the rows `core.progression.flare_ups` may keep
    select(SessionRow.date, SessionRow.pain_before, SessionRow.pain_after)
    .where(
        SessionRow.date >= bindparam("since"), SessionRow.pain_after >= SessionRow.pain_before + FLARE_POINTS
    )
    .order_by(SessionRow.date, SessionRow.id)
)


def plan_events(db: Session, since: dt.date, zone: dt.tzinfo | None) -> PlanEvents:
    """From `since` on: the changes of the current plan (as `repository.plan_changes` gives them, a
    change's day in `zone`) and the flare-ups (`core.progression.flare_ups` of the sessions)."""
    early = dt.datetime.combine(since - dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)  # any zone's day
    changes = [
        (at.astimezone(zone).date(), reason) for at, reason in db.execute(PLAN_CHANGES, {"early": early})
    ]
    flares = flare_ups((d, b, a) for d, b, a in db.execute(WORSE_SESSIONS, {"since": since}))
    return PlanEvents([(day, reason) for day, reason in changes if day >= since], flares)
