"""The finish screen of a session: what was done, the pain change, the week so far, what comes next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.content.schema import Lesson
from unknot.core.history import WeekDay, last_week, streak
from unknot.core.result import Plan
from unknot.services import lessons, plans
from unknot.services.context import Context
from unknot.services.sessions import RecordedSession
from unknot.storage import windows

STREAK_DAYS = 366  # a streak is counted back a year at most: one short read, however old the journal


@dataclass(frozen=True)
class Finish:
    recorded: RecordedSession
    done: list[str]  # names of the exercises done, in the plan's order
    left: list[str]  # names of those not done
    week: list[WeekDay]  # the last seven days, today last
    streak: int  # days in a row with a completed session
    plan: Plan  # the programme now (it may have just changed)
    changed_today: str | None  # why the programme changed today, if it did
    lesson: Lesson | None  # today's lesson, when it is still unread


def finish(ctx: Context, recorded: RecordedSession) -> Finish:
    today = ctx.today()
    played = recorded.plan
    assert played is not None  # sessions.record always says which plan was played
    with ctx.store.reading() as db:
        days = windows.history_between(db, today - dt.timedelta(days=STREAK_DAYS - 1), today)
    done = set(recorded.session.items_done)
    current = plans.current(ctx)
    assert current is not None and current.plan is not None  # a session was just saved from it
    changed = current.change_reason if current.changed_on == today and current.plan != played else None
    lesson = lessons.for_today(ctx)
    return Finish(
        recorded=recorded,
        done=[item.name for item in played.items if item.id in done],
        left=[item.name for item in played.items if item.id not in done],
        week=last_week(days, today),
        streak=streak(days, today),
        plan=current.plan,
        changed_today=changed,
        lesson=lesson if lesson is not None and lesson.id not in lessons.read(ctx) else None,
    )
