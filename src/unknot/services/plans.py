"""The assessment a person follows and its plan: the plan now, and adapting it."""

from __future__ import annotations

import dataclasses

from unknot.core.answers import answers_from_dict
from unknot.core.errors import NotAllowedError
from unknot.core.programme import programme_plan
from unknot.core.progression import PlanChange, adapt, review
from unknot.core.result import CurrentPlan
from unknot.services.context import Context
from unknot.storage import repository, windows
from unknot.storage.scope import Db


def current(ctx: Context) -> CurrentPlan | None:
    """The saved assessment and the plan to follow now: the clinician's programme when one is
    assigned, but only where the assessment offers a plan (a programme never bypasses a red flag)."""
    return ctx.once("current_plan", lambda: _current(ctx))


def _current(ctx: Context) -> CurrentPlan | None:
    with ctx.store.reading() as db:
        now = repository.current_plan(db, ctx.zone)
    if now is None or now.plan is None or ctx.programme is None:
        return now
    # The automatic plan's changes do not describe the clinician's programme that replaces it.
    followed = programme_plan(ctx.programme, ctx.library, now.plan)
    return dataclasses.replace(now, plan=followed, changed_on=None, change_reason=None)


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
    transaction `db` of the write that may call for it. A clinician's programme is left alone: the
    clinician changes its doses, not the automatic progression."""
    if ctx.programme is not None:
        return None
    now = repository.current_plan(db, ctx.zone)
    if now is None or now.plan is None or now.plan_id is None:
        return None
    since, assessment_id = repository.plan_started(db, now.plan_id)
    change = review(*windows.review_window(db, since, ctx.today()), since, ctx.today())
    if change is None:
        return None
    answers = answers_from_dict(repository.answers_of(db, assessment_id))
    new_plan = adapt(now.plan, change, ctx.library.planned_exercises, answers)
    if new_plan is None:
        return None
    reason = f"Your plan changed because {change.reason}."
    repository.add_plan(db, assessment_id, new_plan, reason, ctx.now())
    return change
