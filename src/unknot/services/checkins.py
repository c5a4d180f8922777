"""The daily check-in, and the journal day by day."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.content.schema import CareLevel
from unknot.core.checkins import Checkin, make_checkin, parse_date
from unknot.core.history import HistoryDay, HistoryPage, page_of_history, summarise_days
from unknot.services import plans, preferences, reminders
from unknot.services.context import Context
from unknot.storage import repository


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
    plans.adapt_plan(ctx)
    reminders.refresh_config(ctx, preferences.get(ctx))
    urgency = CareLevel.highest(f.urgency for f in ctx.library.safety.flags if f.id in checkin.red_flags)
    return CheckinOutcome(checkin, replaced, urgency)


def today_checkin(ctx: Context) -> Checkin | None:
    with ctx.store.reading() as db:
        return repository.checkin_on(db, ctx.today())


def history(ctx: Context) -> list[HistoryDay]:
    with ctx.store.reading() as db:
        return summarise_days(repository.checkins(db), repository.session_records(db))


@dataclass(frozen=True)
class HistoryView:
    days: list[HistoryDay]  # every day with an entry, oldest first
    page: HistoryPage


def history_page(ctx: Context, page_text: str | None, size: int) -> HistoryView:
    days = history(ctx)
    return HistoryView(days, page_of_history(days, page_text, size))
