"""Small charts drawn as SVG on the server (web pages and the report): nothing to load, no script."""

from __future__ import annotations

import datetime as dt
from html import escape

from markupsafe import Markup

from unknot.core.history import HistoryDay, pains

DAYS_IN_WEEK = 7  # the top of every sessions chart: a session every day
CHART_WEEKS = 12

WIDTH, HEIGHT, PAD = 640.0, 200.0, 28.0


def _x(index: int, count: int) -> float:
    return PAD + (WIDTH - 2 * PAD) * (index / max(count - 1, 1))


def _y(pain: float) -> float:
    return HEIGHT - PAD - (HEIGHT - 2 * PAD) * pain / 10


def rolling_mean(values: list[int | None], window: int = 7) -> list[float | None]:
    means: list[float | None] = []
    for index in range(len(values)):
        recent = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        means.append(sum(recent) / len(recent) if recent else None)
    return means


def _polyline(values: list[float | None], count: int, css: str) -> str:
    points = " ".join(f"{_x(i, count):.1f},{_y(v):.1f}" for i, v in enumerate(values) if v is not None)
    return f'<polyline class="{css}" points="{points}"/>' if points else ""


def pain_chart(days: list[HistoryDay]) -> Markup:
    """Pain per day with its 7-day mean; an accessible summary in the title and description."""
    values = pains(days)
    known = [p for p in values if p is not None]
    if not known:
        return Markup("")
    count = len(days)
    grid = "".join(
        f'<line class="grid" x1="{PAD}" x2="{WIDTH - PAD}" y1="{_y(v):.1f}" y2="{_y(v):.1f}"/>'
        f'<text class="axis" x="4" y="{_y(v) + 4:.1f}">{v}</text>'
        for v in (0, 5, 10)
    )
    dots = "".join(
        f'<circle class="pain-dot" cx="{_x(i, count):.1f}" cy="{_y(p):.1f}" r="3"/>'
        for i, p in enumerate(values)
        if p is not None
    )
    summary = f"Pain from {days[0].date} to {days[-1].date}: first {known[0]}, latest {known[-1]} out of 10."
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" '
        'aria-labelledby="pain-t pain-d">'
        f'<title id="pain-t">Pain trend</title><desc id="pain-d">{summary}</desc>{grid}'
        f"{_polyline(rolling_mean(values), count, 'mean-line')}"
        f"{_polyline([_float(p) for p in values], count, 'pain-line')}{dots}</svg>"
    )


def _float(value: int | None) -> float | None:
    return None if value is None else float(value)


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


def sessions_chart(weeks: list[tuple[dt.date, int]]) -> Markup:
    """Bars of completed sessions per week (from `weekly_counts`), against every day of the week."""
    if not weeks:
        return Markup("")
    slot = (WIDTH - 2 * PAD) / len(weeks)
    bars = "".join(
        _bar(PAD + i * slot + 3, slot - 6, n, f"Week of {monday}: {n} sessions")
        for i, (monday, n) in enumerate(weeks)
    )
    summary = f"Sessions per week over {len(weeks)} weeks; latest week {weeks[-1][1]} of {DAYS_IN_WEEK}."
    grid = _grid((0, DAYS_IN_WEEK), DAYS_IN_WEEK)
    return _frame("sessions", "Sessions per week", summary, grid + bars)


def scores_chart(points: list[tuple[dt.date, float]], name: str, top: float) -> Markup:
    """A questionnaire's scores over time (0 to `top`)."""
    if not points:
        return Markup("")
    count = len(points)
    values: list[float | None] = [score * 10 / top for _, score in points]
    dots = "".join(
        _dot(i, count, score * 10 / top, f"{day}: {score:g}") for i, (day, score) in enumerate(points)
    )
    summary = f"{name}: first {points[0][1]:g}, latest {points[-1][1]:g} (of {top:g})."
    body = _grid((0, top / 2, top), top) + _polyline(values, count, "pain-line") + dots
    return _frame(name.lower().replace(" ", "-"), name, summary, body)


def _bar(x: float, width: float, sessions: int, label: str) -> str:
    top = _y(min(sessions, DAYS_IN_WEEK) * 10 / DAYS_IN_WEEK)
    return (
        f'<rect class="bar" x="{x:.1f}" y="{top:.1f}" width="{width:.1f}" height="{_y(0) - top:.1f}">'
        f"<title>{escape(label)}</title></rect>"
    )


def _dot(index: int, count: int, value: float, label: str) -> str:
    return (
        f'<circle class="pain-dot" cx="{_x(index, count):.1f}" cy="{_y(value):.1f}" r="4">'
        f"<title>{escape(label)}</title></circle>"
    )


def _grid(marks: tuple[float, ...], top: float) -> str:
    lines = []
    for mark in marks:
        y = _y(mark * 10 / top)
        lines.append(f'<line class="grid" x1="{PAD}" x2="{WIDTH - PAD}" y1="{y:.1f}" y2="{y:.1f}"/>')
        lines.append(f'<text class="axis" x="4" y="{y + 4:.1f}">{mark:g}</text>')
    return "".join(lines)


def _frame(ident: str, title: str, summary: str, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(summary)}</desc>{body}</svg>'
    )
