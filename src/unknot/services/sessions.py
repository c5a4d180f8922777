"""Guided sessions: what today's session plays (if anything may be played now), and saving one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from unknot.content.schema import Exercise
from unknot.core.checkins import JournalInputError, parse_date, parse_score
from unknot.core.coach.records import MOST_REPS, MOST_SECONDS, Coached
from unknot.core.errors import NotAllowedError, UserError
from unknot.core.history import SessionResult, is_completed
from unknot.core.player import Phase, build_phases
from unknot.core.preferences import Preferences
from unknot.core.progress import Escalation
from unknot.core.progression import flared
from unknot.core.result import CurrentPlan, Plan
from unknot.present.words import ANSWER_AGAIN_WORDS
from unknot.services import care, plans, preferences, reminders
from unknot.services.context import Context
from unknot.storage import camera, repository

TOKEN = re.compile(r"[A-Za-z0-9_-]{8,64}")


class UrgentCareError(NotAllowedError):
    """A warning sign needs care first: no session until then."""

    def __init__(self, escalation: Escalation) -> None:
        super().__init__(
            "session: a warning sign needs care first; no session until a clinician has seen you"
        )
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


def _playable(ctx: Context) -> tuple[CurrentPlan, Plan, Escalation]:
    """The plan a session may be played or recorded from now, or NotAllowedError saying why not."""
    current = plans.self_care_plan(ctx)
    assert current.plan is not None  # a self-care plan always has one
    allowed = care.now(ctx)
    if allowed.outdated and not allowed.escalation.blocks_sessions:
        raise NotAllowedError(f"session: {ANSWER_AGAIN_WORDS}", answer_again=True)
    if not allowed.may_exercise:
        raise UrgentCareError(allowed.escalation)
    return current, current.plan, allowed.escalation


def start(ctx: Context) -> SessionStart:
    """What a session plays now; NotAllowedError (UrgentCareError when care comes first) if none."""
    current, plan, escalation = _playable(ctx)
    exercises = {item.id: ctx.library.exercises[item.id] for item in plan.items}
    phases = build_phases(plan, ctx.library.exercises)
    return SessionStart(current, plan, phases, exercises, escalation, preferences.get(ctx))


def stretch(ctx: Context, exercise_id: str) -> SessionStart:
    """One exercise of the plan played on its own, as a break reminder suggests it: the same player,
    nothing saved. NotAllowedError as for a session; UserError when it is not in the programme."""
    current, plan, escalation = _playable(ctx)
    item = next((i for i in plan.items if i.id == exercise_id), None)
    if item is None:
        raise UserError(f"stretch: '{exercise_id}' is not an exercise in your programme")
    single = plan.model_copy(update={"items": [item], "total_minutes": item.minutes})
    phases = build_phases(single, ctx.library.exercises)
    exercises = {item.id: ctx.library.exercises[item.id]}
    return SessionStart(current, single, phases, exercises, escalation, preferences.get(ctx))


@dataclass(frozen=True)
class RecordedSession:
    session: SessionResult
    planned: int  # exercises in the plan it was played from
    flared: bool  # the pain afterwards was 2 or more points worse: ease off next time
    again: bool = False  # the same play was saved before (a reload, a retried request): not saved twice
    plan: Plan | None = None  # the plan it was played from (before any change the session caused)
    coached: tuple[Coached, ...] = ()  # what the camera coach counted, when it was on


def _checked_items(done: list[str], planned: list[str], field: str) -> list[str]:
    unknown = [i for i in done if i not in planned]
    if unknown:
        raise JournalInputError(f"{field}: '{unknown[0]}' is not an exercise in your plan")
    return done


def _checked_coaching(coached: list[Coached], planned: list[str], token: str | None) -> list[Coached]:
    if coached and token is None:
        raise JournalInputError("coaching: only a played session carries the camera's counts")
    for c in coached:
        _checked_items([c.exercise], planned, "coaching")
        if c.side not in (None, "left", "right"):
            raise JournalInputError(f"coaching: side '{c.side}' is not left or right")
        if not 0 <= c.reps <= MOST_REPS or not 0 <= c.hold_seconds <= MOST_SECONDS:
            raise JournalInputError(f"coaching: the counts for '{c.exercise}' are out of range")
    return coached


def record(
    ctx: Context,
    *,
    date_text: str | None = None,
    items_done: list[str] | None = None,
    hurt: list[str] | None = None,
    pain_before: str | int | None = None,
    pain_after: str | int | None = None,
    source: str = "manual",
    token: str | None = None,
    coached: list[Coached] | None = None,
) -> RecordedSession:
    """Save a session of the current plan (all of it, unless `items_done` says otherwise). It counts
    as completed when at least half of the plan was done; a `token` saves one play only once."""
    day = parse_date(date_text, ctx.today())
    if token is not None and not TOKEN.fullmatch(token):
        raise JournalInputError("token: must be 8 to 64 letters, digits, - or _")
    current, plan, _ = _playable(ctx)
    planned = [i.id for i in plan.items]
    done = _checked_items(items_done if items_done is not None else planned, planned, "items_done")
    before = parse_score(pain_before, "pain_before", required=False)
    after = parse_score(pain_after, "pain_after", required=False)
    counts = _checked_coaching(coached or [], planned, token)
    with ctx.store.writing() as db:
        earlier = repository.session_with_token(db, token) if token else None
        if earlier is not None and token is not None:
            kept = tuple(camera.coaching(db, token))
            return RecordedSession(
                earlier, len(planned), flared(earlier.pain_before, earlier.pain_after), True, plan, kept
            )
        completed = is_completed(len(done), len(planned))
        hurt_items = tuple(_checked_items(hurt or [], planned, "hurt"))
        session = SessionResult(day, completed, tuple(done), before, after, ctx.now(), hurt_items, token)
        repository.add_session(db, session, current.plan_id, source)
        if token is not None and counts:
            camera.add_coaching(db, token, counts)
        plans.adapt_plan(ctx, db)
    reminders.refresh_config(ctx, preferences.get(ctx))
    return RecordedSession(session, len(planned), flared(before, after), plan=plan, coached=tuple(counts))
