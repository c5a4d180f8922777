"""The daily check-in, and the journal day by day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.content.schema import CareLevel
from unknot.core.checkins import Checkin, make_checkin, parse_date
from unknot.core.history import HistoryDay, HistoryPage, page_count, page_number, summarise_days
from unknot.core.progression import PlanEvents
from unknot.present.charts import CHART_WEEKS
from unknot.present.report import CHART_DAYS
from unknot.services import plans, preferences, reminders
from unknot.services.context import Context
from unknot.storage import repository, windows


@dataclass(frozen=True)
class CheckinOutcome:
    checkin: Checkin
    replaced: bool
    urgency: CareLevel  # of the warning signs it reported (self-care when none)


def log(
    ctx: Context,
    pain: str | int | None,
    stiffness: str | int | None = None,
    note: str = "",
    red_flags: tuple[str, ...] = (),
    date_text: str | None = None,
) -> CheckinOutcome:
    """Record the check-in for a date (today by default), replacing that date's earlier one."""
    day = parse_date(date_text, ctx.today())
    checkin = make_checkin(day=day, pain=pain, stiffness=stiffness, note=note, red_flags=red_flags)
    with ctx.store.writing() as db:
        replaced = repository.put_checkin(db, checkin, ctx.now())
        plans.adapt_plan(ctx, db)
    reminders.refresh_config(ctx, preferences.get(ctx))
    urgency = CareLevel.highest(f.urgency for f in ctx.library.safety.flags if f.id in checkin.red_flags)
    return CheckinOutcome(checkin, replaced, urgency)


def today_checkin(ctx: Context) -> Checkin | None:
    with ctx.store.reading() as db:
        return repository.checkin_on(db, ctx.today())


def history(ctx: Context) -> list[HistoryDay]:
    with ctx.store.reading() as db:
        return summarise_days(repository.checkins(db), repository.session_records(db))


def recent_history(ctx: Context, entries: int = CHART_DAYS, weeks: int = CHART_WEEKS) -> list[HistoryDay]:
    """What the charts show of the history: its latest `entries` days with an entry, and its last
    `weeks` weeks (Monday to Sunday, up to the latest entry), counted as `weekly_counts` does."""
    with ctx.store.reading() as db:
        latest = windows.latest_entry_day(db)
        if latest is None:
            return []
        since = latest - dt.timedelta(days=latest.weekday(), weeks=weeks - 1)
        return windows.recent_history(db, entries, since)


def plan_events(ctx: Context, since: dt.date | None) -> PlanEvents:
    """What the charts mark from `since` on: the plan's changes and the flare-ups (none without a
    day to start from)."""
    if since is None:
        return PlanEvents([], [])
    with ctx.store.reading() as db:
        return windows.plan_events(db, since, ctx.zone)


def charted(ctx: Context) -> tuple[list[HistoryDay], PlanEvents]:
    """What the charts show (`recent_history`) and what they mark, from its first day on."""
    days = recent_history(ctx)
    return days, plan_events(ctx, days[0].date if days else None)


@dataclass(frozen=True)
class HistoryView:
    days: list[HistoryDay]  # the latest `recent` days with an entry (or a few more), oldest first
    page: HistoryPage
    events: PlanEvents  # from the first of `days` on


def history_page(ctx: Context, page_text: str | None, size: int, recent: int = CHART_DAYS) -> HistoryView:
    """A page of `size` days with entries, and the latest `recent` of them (read from the database
    alone, however long the journal)."""
    with ctx.store.reading() as db:
        pages = page_count(windows.entry_days(db), size)
        number = page_number(page_text, pages)
        days = windows.recent_history(db, recent)
        events = plan_events(ctx, days[0].date if days else None)
        if number * size <= recent:  # the page is among the latest days
            shown = days[::-1][(number - 1) * size : number * size]
            return HistoryView(days, HistoryPage(shown, number, pages), events)
        newest = windows.latest_entry_day(db, (number - 1) * size)
        oldest = windows.latest_entry_day(db, number * size - 1)
        shown = windows.history_between(db, oldest or dt.date.min, newest) if newest else []
        return HistoryView(days, HistoryPage(shown[::-1], number, pages), events)
