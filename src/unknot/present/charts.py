"""The charts' model: what each chart shows, in data and words, drawn by `present.chart_svg`.

One model per chart (pain by day, sessions per week, a questionnaire's scores) gives its title, its
axes, its series, the plan changes and flare-ups it marks, the sentence shown when it has nothing
to draw, and the table that says the same for anyone who cannot see it. The web pages, the HTML
report and the PDF all draw these models with the same renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.core.history import HistoryDay, window_means
from unknot.core.progress import WINDOW_DAYS
from unknot.core.progression import PlanEvents
from unknot.present.dates import date_words, day_words, period_words
from unknot.present.words import counted, number, score

DAYS_IN_WEEK = 7  # the top of every sessions chart: a session every day
CHART_WEEKS = 12
LINE, MEAN, BARS = "line", "mean", "bars"  # how a series is drawn
PLAN, FLARE = "plan", "flare"  # the kinds of mark
MARK_NAMES = {PLAN: "Plan changed", FLARE: "Flare-up"}
MARKED = "Plan changes, flare-ups"  # the heading of a table's column of marks
DASH = "\u2013"  # an en dash, between the ends of a scale ("0 to 10")
PAIN_EMPTY = "No check-ins yet: your pain chart starts with your first check-in."
SESSIONS_EMPTY = "No sessions yet: this chart counts your completed sessions week by week."


def weeks_words(first: dt.date, last: dt.date) -> str:
    """Weeks named by their Mondays: `week of 2 Nov 2026`, `weeks of 2 Nov to 16 Nov 2026`."""
    return ("week of " if first == last else "weeks of ") + period_words(first, last)


@dataclass(frozen=True)
class Series:
    name: str
    look: str  # LINE (a thin line through dots), MEAN (a thick line) or BARS (a bar a week)
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class Mark:
    """A day the chart marks: the plan changed, or a session was followed by a flare-up."""

    date: dt.date
    kind: str  # PLAN or FLARE
    detail: str

    @property
    def words(self) -> str:
        return f"{MARK_NAMES[self.kind]} on {day_words(self.date)}: {self.detail}"


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    ident: str  # unique on a page: the ids of its title and description
    title: str
    y_label: str
    y_marks: tuple[float, ...]  # the grid's values, lowest first; the last is the top of the axis
    series: tuple[Series, ...]
    summary: str  # the chart in one or two sentences (its description for screen readers)
    empty: str  # shown in the chart's place when it has nothing to draw
    table: Table
    marks: tuple[Mark, ...] = ()
    bar_days: int = 0  # the days one bar spans (a week); 0 for charts of points
    span: tuple[dt.date, dt.date] | None = None  # the first and last day drawn; None: nothing to draw

    @property
    def is_empty(self) -> bool:
        return self.span is None

    @property
    def period(self) -> str:
        """The days drawn in words; a chart of weeks names its first and last weeks by their Monday
        (the last week may not be over)."""
        if self.span is None:
            return ""
        first, last = self.span
        if self.bar_days:
            return weeks_words(first, last - dt.timedelta(days=self.bar_days - 1))
        return period_words(first, last)

    @property
    def caption(self) -> str:
        return f"{self.title}, {self.period}" if self.span else self.title

    @property
    def y_top(self) -> float:
        return self.y_marks[-1]


def _marks(events: PlanEvents | None, first: dt.date, last: dt.date) -> tuple[Mark, ...]:
    if events is None:
        return ()
    plans = [Mark(day, PLAN, reason) for day, reason in events.changes]
    flares = [
        Mark(f.date, FLARE, f"pain {f.pain_before} before the session, {f.pain_after} after")
        for f in events.flare_ups
    ]
    return tuple(sorted((m for m in plans + flares if first <= m.date <= last), key=lambda m: m.date))


def _marked(marks: tuple[Mark, ...]) -> dict[dt.date, str]:
    """Each marked day's marks in words, for a table's column."""
    days: dict[dt.date, list[str]] = {}
    for mark in marks:
        days.setdefault(mark.date, []).append(f"{MARK_NAMES[mark.kind]}: {mark.detail}")
    return {day: "; ".join(words) for day, words in days.items()}


def _marks_summary(marks: tuple[Mark, ...]) -> str:
    if not marks:
        return ""
    plans = sum(m.kind == PLAN for m in marks)
    changes = counted(plans, "plan change", "plan changes")
    return f" Marked: {changes}, {counted(len(marks) - plans, 'flare-up', 'flare-ups')}."


PAIN_MARKS = (0, 5, 10)
PAIN_LABEL = f"Pain (0{DASH}10)"


def pain_chart(days: list[HistoryDay], events: PlanEvents | None = None) -> Chart:
    """Pain by day with its 7-day mean, from the first to the last check-in of `days`."""
    pains = tuple((d.date, float(d.checkin.pain)) for d in days if d.checkin)
    means = tuple(window_means(days, WINDOW_DAYS))
    mean_name = f"{WINDOW_DAYS}-day mean"
    if not pains:
        table = Table("Pain by day", ("Date", "Pain"), ())
        return Chart("pain", "Pain by day", PAIN_LABEL, PAIN_MARKS, (), PAIN_EMPTY, PAIN_EMPTY, table)
    first, last = pains[0][0], pains[-1][0]
    marks = _marks(events, first, last)
    noted, mean_of = _marked(marks), dict(means)
    pain_of = {day: f"{value:g}" for day, value in pains}
    rows = tuple(
        (date_words(day), pain_of.get(day, ""), number(mean_of.get(day), unknown=""), noted.get(day, ""))
        for day in sorted(set(pain_of) | set(noted))
    )
    summary = (
        f"Pain from 0 to 10, {period_words(first, last)}: {counted(len(pains), 'check-in', 'check-ins')}, "
        f"first {pains[0][1]:g}, latest {pains[-1][1]:g}, {mean_name} {means[-1][1]:.1f}."
    ) + _marks_summary(marks)
    series: tuple[Series, ...] = (Series("Daily pain", LINE, pains),)
    if len(pains) > 1:  # the mean of a single check-in is that check-in
        series += (Series(mean_name, MEAN, means),)
    table = Table("Pain by day", ("Date", "Pain", mean_name, MARKED), rows)
    return Chart(
        "pain", "Pain by day", PAIN_LABEL, PAIN_MARKS, series, summary, PAIN_EMPTY, table, marks,
        span=(first, last),
    )  # fmt: skip


def weekly_counts(days: list[HistoryDay], weeks: int = CHART_WEEKS) -> list[tuple[dt.date, int]]:
    """Completed sessions per week (weeks starting on Monday), the last `weeks` weeks with data."""
    counts: dict[dt.date, int] = {}
    for day in days:
        monday = day.date - dt.timedelta(days=day.date.weekday())
        counts[monday] = counts.get(monday, 0) + day.sessions_completed
    if not counts:
        return []
    first, last = min(counts), max(counts)
    mondays = [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    return [(m, counts.get(m, 0)) for m in mondays][-weeks:]


def sessions_chart(weeks: list[tuple[dt.date, int]], events: PlanEvents | None = None) -> Chart:
    """Bars of completed sessions per week (from `weekly_counts`), against every day of the week."""
    top = max([DAYS_IN_WEEK, *(n for _, n in weeks)])
    title, y_label, y_marks = "Completed sessions", "Sessions per week", tuple(range(top + 1))
    if not weeks:
        table = Table(title, ("Week of", "Sessions"), ())
        return Chart("sessions", title, y_label, y_marks, (), SESSIONS_EMPTY, SESSIONS_EMPTY, table)
    first, last = weeks[0][0], weeks[-1][0] + dt.timedelta(days=DAYS_IN_WEEK - 1)
    marks = _marks(events, first, last)
    period = weeks_words(first, weeks[-1][0])
    rows = tuple((date_words(monday), f"{n} of {DAYS_IN_WEEK} days") for monday, n in weeks)
    summary = (
        f"Completed sessions per week, {period}: "
        f"{counted(len(weeks), 'week', 'weeks')}, latest week {weeks[-1][1]} of {DAYS_IN_WEEK}."
    ) + _marks_summary(marks)
    series = (Series("Sessions in the week", BARS, tuple((m, float(n)) for m, n in weeks)),)
    table = Table(f"{title} by week", ("Week of", "Sessions"), rows)
    return Chart(
        "sessions", title, y_label, y_marks, series, summary, SESSIONS_EMPTY, table, marks,
        bar_days=DAYS_IN_WEEK, span=(first, last),
    )  # fmt: skip


SCORE_POINTS = 26  # the latest answers a score chart shows: half a year of a weekly questionnaire


def scores_chart(points: list[tuple[dt.date, float]], name: str, top: float, ident: str) -> Chart:
    """A questionnaire's latest scores (0 to `top`; `name` is its short name). Years of answers would
    make an unreadable line and a long drawing: the page's table of scores lists them all."""
    points = points[-SCORE_POINTS:]
    title, y_label, y_marks = f"{name} score", f"Score (0{DASH}{score(top)})", (0, top / 2, top)
    rows = tuple((date_words(day), f"{score(value)} of {score(top)}") for day, value in points)
    table = Table(title, ("Date", "Score"), rows)
    empty = f"No {name} answers yet."
    if not points:
        return Chart(f"score-{ident}", title, y_label, y_marks, (), empty, empty, table)
    summary = (
        f"{title} from 0 to {score(top)}, {period_words(points[0][0], points[-1][0])}: "
        f"first {score(points[0][1])}, latest {score(points[-1][1])}."
    )
    series = (Series(title, LINE, tuple(points)),)
    span = (points[0][0], points[-1][0])
    return Chart(f"score-{ident}", title, y_label, y_marks, series, summary, empty, table, span=span)
