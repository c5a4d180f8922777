"""The assessment a person follows and its plan: the plan now, and adapting it."""

from __future__ import annotations

from unknot.core.answers import answers_from_dict
from unknot.core.errors import NotAllowedError
from unknot.core.progression import PlanChange, adapt, review
from unknot.core.result import CurrentPlan
from unknot.services.context import Context
from unknot.storage import repository, windows
from unknot.storage.scope import Db


def current(ctx: Context) -> CurrentPlan | None:
    return ctx.once("current_plan", lambda: _current(ctx))


def _current(ctx: Context) -> CurrentPlan | None:
    with ctx.store.reading() as db:
        return repository.current_plan(db, ctx.zone)


def self_care_plan(ctx: Context) -> CurrentPlan:
    """The current plan, or NotAllowedError saying why there is none to follow."""
    now = current(ctx)
    if now is None:
        raise NotAllowedError(
            "session: no saved assessment yet; answer the questions first", answer_again=True
        )
    if now.plan is None:
        raise NotAllowedError(
            f"session: your saved assessment says '{now.assessment.triage.value}', so unknot offers "
            "no programme; see a clinician first, then answer the questions again",
            answer_again=True,
        )
    return now


def adapt_plan(ctx: Context, db: Db) -> PlanChange | None:
    """Step the current plan up or back when the journal says so (the new plan says why), in the
    transaction `db` of the write that may call for it."""
    now = repository.current_plan(db, ctx.zone)
    if now is None or now.plan is None or now.plan_id is None:
        return None
    since, assessment_id = repository.plan_started(db, now.plan_id)
    change = review(*windows.review_window(db, since, ctx.today()), since, ctx.today())
    if change is None:
        return None
    answers = answers_from_dict(repository.answers_of(db, assessment_id))
    new_plan = adapt(now.plan, change, ctx.library.exercises, answers)
    if new_plan is None:
        return None
    reason = f"Your plan changed because {change.reason}."
    repository.add_plan(db, assessment_id, new_plan, reason, ctx.now())
    return change
