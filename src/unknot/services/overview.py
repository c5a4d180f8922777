"""Everything the progress page and `unknot progress` show, gathered once."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.core.history import HistoryDay
from unknot.core.progress import Progress
from unknot.core.progression import PlanEvents
from unknot.core.questionnaires import Due, Response
from unknot.services import breaks, checkins, progress
from unknot.services.context import Context


@dataclass(frozen=True)
class ProgressOverview:
    """Everything the progress page and `unknot progress` show."""

    progress: Progress
    days: list[HistoryDay]  # what the charts show: `checkins.recent_history`
    events: PlanEvents  # what they mark, from the first of `days` on
    responses: list[Response]
    due: list[Due]
    break_days: list[breaks.BreakDay]


def gather(ctx: Context, today_text: str | None = None, break_days: int = 14) -> ProgressOverview:
    answered, (days, events) = progress.responses(ctx), checkins.charted(ctx)
    return ProgressOverview(
        progress.progress(ctx, today_text),
        days,
        events,
        answered,
        progress.due(ctx, answered),
        breaks.stats(ctx, break_days),
    )
