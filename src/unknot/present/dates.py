"""Dates as people read them ("25 Nov", "25 Nov 2026"), and the dated ticks of a chart's x-axis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# English names whatever the machine's locale (strftime's %b follows it).
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MOST_TICKS = 6  # more labels than this crowd a phone-wide chart
DAY_STEPS = (1, 2, 3, 7, 14)  # days between ticks; a week or more falls on Mondays
WEEK_STEPS = (7, 14, 21, 28, 35, 42)  # a weekly chart's ticks: Mondays, so a tick names a bar
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 600)  # months between ticks, on the first of the month


def day_words(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def date_words(day: dt.date) -> str:
    return f"{day_words(day)} {day.year}"


def period_words(first: dt.date, last: dt.date) -> str:
    """`25 Nov 2026`, `1 Sep to 25 Nov 2026` or `1 Dec 2025 to 25 Jan 2026`."""
    if first == last:
        return date_words(last)
    start = day_words(first) if first.year == last.year else date_words(first)
    return f"{start} to {date_words(last)}"


@dataclass(frozen=True)
class Tick:
    date: dt.date
    label: str


def _day_ticks(first: dt.date, last: dt.date, step: int, most: int) -> list[dt.date] | None:
    """Every `step` days from `first` (from its Monday for a step of weeks), or None if more than
    `most`."""
    start = first + dt.timedelta(days=-first.weekday() % 7 if step % 7 == 0 else 0)
    count = (last - start).days // step + 1
    if count > most:
        return None
    return [start + dt.timedelta(days=n * step) for n in range(count)]


def _month_ticks(first: dt.date, last: dt.date, step: int, most: int | None) -> list[dt.date] | None:
    """The first of every `step` months (counted from January) within the span, or None if more
    than `most` (when there is a most)."""
    low, high = first.year * 12 + first.month - 1 + (first.day > 1), last.year * 12 + last.month - 1
    months = range(-(-low // step) * step, high + 1, step)
    if most is not None and len(months) > most:
        return None
    return [dt.date(m // 12, m % 12 + 1, 1) for m in months]


def date_ticks(first: dt.date, last: dt.date, most: int = MOST_TICKS, *, weekly: bool = False) -> list[Tick]:
    """At most `most` dated ticks from `first` to `last`, evenly stepped: days ("25 Nov") over a
    short span, then the first of every month or few months ("Nov"; with the year on the first tick
    and on January when the span crosses a year), then years ("2027"). `weekly`: Mondays only (or
    months), for a chart of a bar a week."""
    if (last - first).days < 0:
        raise ValueError(f"date_ticks: the last day {last} is before the first {first}")
    for step in WEEK_STEPS if weekly else DAY_STEPS:
        if (days := _day_ticks(first, last, step, most)) is not None:
            return [Tick(day, day_words(day)) for day in days]
    widest = MONTH_STEPS[-1]  # taken whatever its count: a span of centuries is no chart of a journal
    months, days = next(
        (step, found)
        for step in MONTH_STEPS
        if (found := _month_ticks(first, last, step, None if step == widest else most)) is not None
    )
    if months >= 12:
        return [Tick(day, str(day.year)) for day in days]
    crosses = first.year != last.year
    return [
        Tick(day, MONTHS[day.month - 1] + (f" {day.year}" if crosses and (n == 0 or day.month == 1) else ""))
        for n, day in enumerate(days)
    ]
