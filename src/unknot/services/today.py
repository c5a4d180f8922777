"""Today at a glance: the plan, the check-in, the sessions done, what to do next, what is due; and
whether it is the journal's first day, when the first session is all that is asked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unknot.content.schema import Lesson
from unknot.core.care import CareNow
from unknot.core.checkins import Checkin
from unknot.core.progress import Escalation
from unknot.core.questionnaires import Due
from unknot.core.result import CurrentPlan
from unknot.core.today import NextStep, is_first_day, journal_day, next_step
from unknot.services import care, lessons, plans, preferences, progress
from unknot.services.context import Context
from unknot.storage import repository


@dataclass(frozen=True)
class TodayStatus:
    date: dt.date
    current: CurrentPlan | None
    checkin: Checkin | None
    sessions_completed: int
    next_step: NextStep
    escalation: Escalation = field(default_factory=Escalation)
    due: tuple[Due, ...] = ()
    welcomed: bool = True  # the web app's welcome and safety notice was read
    care: CareNow | None = None
    lesson: Lesson | None = None  # the lesson chosen for today
    first_day: bool = False  # `core.today.is_first_day`: the first session first, the rest later


def status(ctx: Context) -> TodayStatus:
    day = ctx.today()
    allowed = care.now(ctx)
    with ctx.store.reading() as db:
        checkin = repository.checkin_on(db, day)
        completed = repository.sessions_completed_on(db, day)
    number = journal_day(progress.journal_start(ctx), day)
    first = is_first_day(allowed, day=number, sessions_completed=completed)
    step = next_step(allowed, checked_in=checkin is not None, sessions_completed=completed, first_day=first)
    return TodayStatus(
        date=day,
        current=plans.current(ctx),
        checkin=checkin,
        sessions_completed=completed,
        next_step=step,
        escalation=allowed.escalation,
        due=tuple(progress.due(ctx)),
        welcomed=preferences.get(ctx).seen_welcome,
        care=allowed,
        lesson=lessons.for_today(ctx),
        first_day=first,
    )


def welcome_read(ctx: Context) -> bool:
    """The welcome and safety notice was read; True when an assessment is already saved."""
    preferences.change(ctx, {"seen_welcome": "on"})
    return plans.current(ctx) is not None
