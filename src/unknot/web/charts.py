"""Small charts drawn on the server as SVG: nothing to load, readable without script."""

from __future__ import annotations

from markupsafe import Markup

from unknot.core.journal import HistoryDay

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
    pains: list[int | None] = [d.checkin.pain if d.checkin else None for d in days]
    known = [p for p in pains if p is not None]
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
        for i, p in enumerate(pains)
        if p is not None
    )
    summary = f"Pain from {days[0].date} to {days[-1].date}: first {known[0]}, latest {known[-1]} out of 10."
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" '
        'aria-labelledby="pain-t pain-d">'
        f'<title id="pain-t">Pain trend</title><desc id="pain-d">{summary}</desc>{grid}'
        f"{_polyline(rolling_mean(pains), count, 'mean-line')}"
        f"{_polyline([_float(p) for p in pains], count, 'pain-line')}{dots}</svg>"
    )


def _float(value: int | None) -> float | None:
    return None if value is None else float(value)
