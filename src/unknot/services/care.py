"""What this person may do now (`core.care.CareNow`), from the saved assessment and the journal."""

from __future__ import annotations

from unknot.core.care import CareNow
from unknot.core.result import CONTRACT_VERSION
from unknot.services import plans, progress
from unknot.services.context import Context


def now(ctx: Context) -> CareNow:
    return ctx.once("care", lambda: _now(ctx))


def _now(ctx: Context) -> CareNow:
    current = plans.current(ctx)
    triage = current.assessment.triage if current else None
    has_plan = current is not None and current.plan is not None
    outdated = current is not None and current.assessment.contract < CONTRACT_VERSION
    return CareNow(triage, progress.progress(ctx).escalation, has_plan, outdated)
