"""Today at a glance: the plan, the check-in, the sessions done, what to do next, what is due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unknot.core.checkins import Checkin
from unknot.core.progress import Escalation
from unknot.core.questionnaires import Due
from unknot.core.result import CurrentPlan
from unknot.core.today import NextStep, next_step
from unknot.services import plans, preferences, progress
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


def status(ctx: Context) -> TodayStatus:
    day = ctx.today()
    now = plans.current(ctx)
    with ctx.store.reading() as db:
        checkin = repository.checkin_on(db, day)
        completed = repository.sessions_completed_on(db, day)
    triage = now.assessment.triage if now else None
    step = next_step(triage=triage, checked_in=checkin is not None, sessions_completed=completed)
    escalation = progress.progress(ctx).escalation
    welcomed = preferences.get(ctx).seen_welcome
    return TodayStatus(day, now, checkin, completed, step, escalation, tuple(progress.due(ctx)), welcomed)


def welcome_read(ctx: Context) -> bool:
    """The welcome and safety notice was read; True when an assessment is already saved."""
    preferences.change(ctx, {"seen_welcome": "on"})
    return plans.current(ctx) is not None
