"""Guided sessions: what today's session plays (if anything may be played now), and saving one."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import Exercise
from unknot.core.checkins import JournalInputError, parse_date, parse_score
from unknot.core.errors import NotAllowedError
from unknot.core.history import SessionResult
from unknot.core.player import Phase, build_phases
from unknot.core.preferences import Preferences
from unknot.core.progress import Escalation
from unknot.core.progression import flared
from unknot.core.result import CurrentPlan, Plan
from unknot.services import plans, preferences, progress
from unknot.services.context import Context
from unknot.storage import repository


class UrgentCareError(NotAllowedError):
    """A warning sign needs care first: no session until then."""

    def __init__(self, escalation: Escalation) -> None:
        super().__init__("session: a warning sign needs urgent care first; no session today")
        self.escalation = escalation


@dataclass(frozen=True)
class SessionStart:
    """Today's session: the plan, its phases and exercises, and any escalation to show before it."""

    current: CurrentPlan
    plan: Plan
    phases: list[Phase]
    exercises: dict[str, Exercise]
    escalation: Escalation
    cues: Preferences  # the person's voice and bell


def start(ctx: Context) -> SessionStart:
    """What a session plays now; NotAllowedError (UrgentCareError when urgent) when none may be."""
    current = plans.self_care_plan(ctx)
    assert current.plan is not None  # a self-care plan always has one
    escalation = progress.progress(ctx).escalation
    if escalation.level.blocks_sessions:
        raise UrgentCareError(escalation)
    plan = current.plan
    exercises = {item.id: ctx.library.exercises[item.id] for item in plan.items}
    phases = build_phases(plan, ctx.library.exercises)
    return SessionStart(current, plan, phases, exercises, escalation, preferences.get(ctx))


@dataclass(frozen=True)
class RecordedSession:
    session: SessionResult
    planned: int  # exercises in the plan it was played from
    flared: bool  # the pain afterwards was 2 or more points worse: ease off next time


def record(
    ctx: Context,
    *,
    date_text: str | None = None,
    items_done: list[str] | None = None,
    completed: bool = True,
    pain_before: str | int | None = None,
    pain_after: str | int | None = None,
    source: str = "manual",
) -> RecordedSession:
    """Save a session of the current plan (all of it, unless `items_done` says otherwise)."""
    day = parse_date(date_text, ctx.today())
    current = plans.self_care_plan(ctx)
    assert current.plan is not None
    planned = [i.id for i in current.plan.items]
    done = items_done if items_done is not None else planned
    unknown = [i for i in done if i not in planned]
    if unknown:
        raise JournalInputError(f"items_done: '{unknown[0]}' is not an exercise in your plan")
    before = parse_score(pain_before, "pain_before", required=False)
    after = parse_score(pain_after, "pain_after", required=False)
    session = SessionResult(day, completed, tuple(done), before, after, ctx.now())
    with ctx.store.writing() as db:
        repository.add_session(db, session, current.plan_id, source)
    plans.adapt_plan(ctx)
    return RecordedSession(session, len(planned), flared(before, after))
