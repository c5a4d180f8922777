"""The journal day by day: a summary per date, pages of it, and a pain sparkline. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from unknot.core.checkins import Checkin, JournalInputError
from unknot.core.parsing import whole_number

SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class SessionRecord:
    """A saved session as history and adherence count it: its date, and whether it was completed."""

    date: dt.date
    completed: bool


@dataclass(frozen=True)
class SessionResult:
    """A saved session in full: what was done (and what hurt), the pain before and after, when it
    was saved, and the token that makes saving it twice save it once."""

    date: dt.date
    completed: bool
    items_done: tuple[str, ...]
    pain_before: int | None
    pain_after: int | None
    recorded_at: dt.datetime
    hurt: tuple[str, ...] = ()
    token: str | None = None


def is_completed(done: int, planned: int) -> bool:
    """A session counts as completed when at least half of its planned exercises were done."""
    return planned > 0 and 2 * done >= planned


@dataclass(frozen=True)
class HistoryDay:
    date: dt.date
    checkin: Checkin | None
    sessions_completed: int


def summarise_days(checkins: Iterable[Checkin], sessions: Iterable[SessionRecord]) -> list[HistoryDay]:
    """One entry per date with anything recorded, oldest first."""
    by_date = {c.date: c for c in checkins}
    completed: dict[dt.date, int] = {}
    for session in sessions:
        completed.setdefault(session.date, 0)
        completed[session.date] += session.completed
    dates = sorted(set(by_date) | set(completed))
    return [HistoryDay(d, by_date.get(d), completed.get(d, 0)) for d in dates]


@dataclass(frozen=True)
class HistoryPage:
    days: list[HistoryDay]  # newest first
    number: int
    pages: int


def page_count(days: int, size: int) -> int:
    """How many pages of `size` days `days` days with entries make (one, when there are none)."""
    return max(1, -(-days // size))


def page_number(page_text: str | None, pages: int) -> int:
    """The page asked for (the first when none is)."""
    number = 1 if page_text is None else whole_number(page_text.strip())
    if number is None or not 1 <= number <= pages:
        raise JournalInputError(f"page: must be a whole number from 1 to {pages}, not '{page_text}'")
    return number


def page_of_history(days: list[HistoryDay], page_text: str | None, size: int) -> HistoryPage:
    """One page of the history, newest first; page 1 is the latest `size` days with entries."""
    pages = page_count(len(days), size)
    number = page_number(page_text, pages)
    newest_first = days[::-1]
    return HistoryPage(newest_first[(number - 1) * size : number * size], number, pages)


def pains(days: list[HistoryDay]) -> list[int | None]:
    """Each day's pain rating (None on a day without a check-in)."""
    return [d.checkin.pain if d.checkin else None for d in days]


def window_means(days: list[HistoryDay], window: int) -> list[tuple[dt.date, float]]:
    """On each day with a check-in (oldest first), the mean pain of the check-ins dated in the
    `window` days ending that day: calendar days, so a gap in the journal shortens the window's
    count instead of reaching back past it."""
    rated = [(d.date, d.date.toordinal(), d.checkin.pain) for d in days if d.checkin]
    means: list[tuple[dt.date, float]] = []
    total, start = 0, 0
    for index, (day, ordinal, pain) in enumerate(rated):
        total += pain
        while rated[start][1] <= ordinal - window:
            total -= rated[start][2]
            start += 1
        means.append((day, total / (index + 1 - start)))
    return means


def sparkline(values: Iterable[int | None]) -> str:
    """Pain 0-10 as one character each; a gap for a day without a value."""
    return "".join(" " if v is None else SPARKS[min(v, 10) * (len(SPARKS) - 1) // 10] for v in values)


WEEK_DAYS = 7


@dataclass(frozen=True)
class WeekDay:
    date: dt.date
    done: bool  # a completed session that day


def last_week(days: Iterable[HistoryDay], today: dt.date) -> list[WeekDay]:
    """The seven days ending today, oldest first, each with whether a session was completed."""
    done = {day.date for day in days if day.sessions_completed}
    dates = [today - dt.timedelta(days=back) for back in range(WEEK_DAYS - 1, -1, -1)]
    return [WeekDay(date, date in done) for date in dates]


def streak(days: Iterable[HistoryDay], today: dt.date) -> int:
    """Days in a row with a completed session, up to today (or up to yesterday while today's is
    still to do: an unfinished today does not break it)."""
    done = {day.date for day in days if day.sessions_completed}
    day = today if today in done else today - dt.timedelta(days=1)
    count = 0
    while day in done:
        count += 1
        day -= dt.timedelta(days=1)
    return count
