"""A chart model (`present.charts.Chart`) drawn as SVG: one drawing for the web, the HTML report and
the PDF (fpdf2 places it as vector graphics).

Every element carries its colours as presentation attributes, which fpdf2 and a printed page use,
and a class, through which the web's stylesheet (`charts.css`) gives the light and dark themes:
a stylesheet's rule wins over a presentation attribute. Text is drawn in `<text>` with its size
and colour on each element and no rotation, which fpdf2 renders as PDF text.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from unknot.present.charts import BARS, FLARE, LINE, MARK_NAMES, MEAN, PLAN, Chart, Mark, Series
from unknot.present.dates import date_ticks

WIDTH, LEFT, RIGHT = 400.0, 34.0, 14.0
TOP, PLOT_HEIGHT = 34.0, 150.0
BOTTOM = TOP + PLOT_HEIGHT
FONT = 14.0
LEGEND_ROW = 22.0
FEWEST_BAR_DAYS = 28
# The light theme's colours, as the web's `--text`, `--muted`, `--border`, `--accent` and `--danger`:
# each day's pain muted, its trend (the mean) and the sessions in the accent.
INK = {
    "text": "#1b1d1f",
    "muted": "#4a5258",
    "grid": "#c9d0d3",
    LINE: "#4a5258",
    MEAN: "#0b5d57",
    BARS: "#0b5d57",
    PLAN: "#1b1d1f",
    FLARE: "#a4161a",
}
PLAN_DASH, FLARE_DASH = "5 4", "2 3"


def _text(x: float, y: float, words: str, css: str, anchor: str = "start", colour: str = "muted") -> str:
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" font-size="{FONT:g}" fill="{INK[colour]}" '
        f'text-anchor="{anchor}">{escape(words)}</text>'
    )


def _width(words: str) -> float:
    """About how wide a text is drawn (half an em a character, a little over for safety)."""
    return len(words) * FONT * 0.56


class _Frame:
    """Where a day and a value fall: each day a slot of equal width, a point in its middle. Bars
    have at least `FEWEST_BAR_DAYS` of room, their few weeks centred (a lone week is no wall)."""

    def __init__(self, chart: Chart) -> None:
        assert chart.span is not None, "an empty chart is a sentence, not a drawing"
        first, last = chart.span
        drawn = (last - first).days + 1
        days = max(drawn, FEWEST_BAR_DAYS) if chart.bar_days else drawn
        self.first = first.toordinal() - (days - drawn) // 2
        self.day_width = (WIDTH - LEFT - RIGHT) / days
        self.top = chart.y_top
        self.bar_days = chart.bar_days

    def x(self, day: dt.date, within: float = 0.5) -> float:
        return LEFT + self.day_width * (day.toordinal() - self.first + within)

    def y(self, value: float) -> float:
        return BOTTOM - PLOT_HEIGHT * min(value, self.top) / self.top


def _grid(frame: _Frame, chart: Chart) -> str:
    """The y-axis: its name above it, a line and a number at each of its marks."""
    lines = " ".join(f"M{LEFT:g},{frame.y(mark):.1f} H{WIDTH - RIGHT:g}" for mark in chart.y_marks)
    parts = [
        _text(4, TOP - 14, chart.y_label, "y-label", colour="text"),
        f'<path class="grid" d="{lines}" fill="none" stroke="{INK["grid"]}" stroke-width="1"/>',
    ]
    parts += [
        _text(LEFT - 6, frame.y(mark) + FONT * 0.35, f"{mark:g}", "tick-label", "end")
        for mark in chart.y_marks
    ]
    return "".join(parts)


def _ticks(frame: _Frame, chart: Chart) -> str:
    """The x-axis: its dated ticks, each label kept within the drawing."""
    assert chart.span is not None
    ticks = date_ticks(*chart.span, weekly=bool(chart.bar_days))
    xs = [
        frame.x(tick.date, chart.bar_days / 2 if chart.bar_days else 0.5) for tick in ticks
    ]  # a bar's middle
    marks = " ".join(f"M{x:.1f},{BOTTOM:g} V{BOTTOM + 5:g}" for x in xs)
    parts = [f'<path class="tick" d="{marks}" fill="none" stroke="{INK["muted"]}" stroke-width="1"/>']
    for tick, x in zip(ticks, xs, strict=True):
        half = _width(tick.label) / 2
        centre = min(max(x, half + 2), WIDTH - half - 2)
        parts.append(_text(centre, BOTTOM + 8 + FONT, tick.label, "tick-label", "middle"))
    return "".join(parts)


def _series(frame: _Frame, series: Series, alone: bool) -> str:
    """A series; `alone` when it is the chart's only point, which then carries its value."""
    colour = INK[series.look]
    if series.look == BARS:
        return _bars(frame, series, colour, alone)
    at = [f"{frame.x(day):.1f},{frame.y(value):.1f}" for day, value in series.points]
    width = 3.5 if series.look == MEAN else 1.5
    drawn = (
        f'<polyline class="{series.look}" points="{" ".join(at)}" fill="none" stroke="{colour}" '
        f'stroke-width="{width:g}" stroke-linejoin="round"/>'
        if len(at) > 1
        else ""
    )
    if series.look == LINE:
        drawn += _dots(at, 4 if alone else 2.5, colour)
    if alone and series.look == LINE:
        day, value = series.points[0]
        drawn += _text(frame.x(day), frame.y(value) - 12, f"{value:g}", "value", "middle", "text")
    return drawn


def _dots(at: list[str], radius: float, colour: str) -> str:
    """A dot at each point ("x,y"): one path of zero-length strokes with round caps, a single
    element however many days (as separate circles, a long chart took the PDF ten times as long)."""
    strokes = " ".join(f"M{xy} h0" for xy in at)
    return (
        f'<path class="dot" d="{strokes}" fill="none" stroke="{colour}" '
        f'stroke-width="{2 * radius:g}" stroke-linecap="round"/>'
    )


def _bars(frame: _Frame, series: Series, colour: str, alone: bool) -> str:
    """A bar for each point, spanning its days: one path of rectangles."""
    shapes, labels = [], []
    for start, value in series.points:
        left = frame.x(start, 0) + 2
        right = frame.x(start + dt.timedelta(days=frame.bar_days), 0) - 2
        top = frame.y(value)
        shapes.append(f"M{left:.1f},{BOTTOM:g} V{top:.1f} H{right:.1f} V{BOTTOM:g} Z")
        if alone:
            labels.append(_text((left + right) / 2, top - 8, f"{value:g}", "value", "middle", "text"))
    return f'<path class="bar" d="{" ".join(shapes)}" fill="{colour}"/>' + "".join(labels)


def _marks(frame: _Frame, marks: tuple[Mark, ...], kind: str) -> str:
    """The marks of a kind: a dashed line on each of their days (a triangle over a flare-up's), one
    path each, titled with what happened on those days."""
    days = [mark for mark in marks if mark.kind == kind]
    if not days:
        return ""
    colour, dash = INK[kind], PLAN_DASH if kind == PLAN else FLARE_DASH
    xs = [frame.x(mark.date) for mark in days]
    lines = " ".join(f"M{x:.1f},{TOP:g} V{BOTTOM:g}" for x in xs)
    title = f"<title>{escape('; '.join(mark.words for mark in days))}</title>"
    drawn = (
        f'<path class="mark-{kind}" d="{lines}" fill="none" stroke="{colour}" stroke-width="1.5" '
        f'stroke-dasharray="{dash}">{title}</path>'
    )
    return drawn + (_triangles(xs, TOP, colour, title) if kind == FLARE else "")


def _triangles(xs: list[float], y: float, colour: str, title: str = "") -> str:
    """Triangles pointing down to `y` at each x, the flare-ups' sign."""
    shapes = " ".join(f"M{x - 6:.1f},{y - 9:.1f} L{x + 6:.1f},{y - 9:.1f} L{x:.1f},{y:.1f} Z" for x in xs)
    return f'<path class="mark-{FLARE}-sign" d="{shapes}" fill="{colour}">{title}</path>'


def _key(look: str, x: float, y: float) -> str:
    """The legend's sample of a series or a mark, 18 wide, centred on `y`."""
    colour = INK[look]
    if look in (LINE, MEAN):
        width = 3.5 if look == MEAN else 1.5
        return (
            f'<line class="{look}" x1="{x:.1f}" x2="{x + 18:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="{width:g}"/>'
        )
    if look == BARS:
        return f'<path class="bar" d="M{x + 2:.1f},{y - 6:.1f} h14 v12 h-14 Z" fill="{colour}"/>'
    if look == FLARE:
        return _triangles([x + 9], y + 5, colour)
    return (
        f'<line class="mark-{PLAN}" x1="{x + 9:.1f}" x2="{x + 9:.1f}" y1="{y - 8:.1f}" y2="{y + 8:.1f}" '
        f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="{PLAN_DASH}"/>'
    )


def _legend(chart: Chart) -> tuple[str, float]:
    """The legend, wrapped to the width, and where it ends (the drawing's height)."""
    entries = [(s.look, s.name) for s in chart.series]
    entries += [
        (kind, MARK_NAMES[kind]) for kind in (PLAN, FLARE) if any(m.kind == kind for m in chart.marks)
    ]
    y = BOTTOM + 2 * FONT + 14
    if len(entries) < 2:
        return "", y - FONT
    parts, x = [], 4.0
    for look, name in entries:
        width = 24 + _width(name) + 14
        if x + width > WIDTH and x > 4:
            x, y = 4.0, y + LEGEND_ROW
        parts.append(_key(look, x, y) + _text(x + 24, y + FONT * 0.35, name, "legend", colour="text"))
        x += width
    return "".join(parts), y + 12


def chart_height(chart: Chart) -> float:
    """The drawing's height, in the units of its width (`WIDTH`)."""
    return round(_legend(chart)[1])


def chart_svg(chart: Chart, *, labelled: bool = True) -> str:
    """The chart as an SVG document; `labelled` adds its title and description (for screen
    readers: the PDF, which cannot use them, leaves them out)."""
    frame = _Frame(chart)
    alone = len(chart.series[0].points) == 1
    drawing = _grid(frame, chart) + _ticks(frame, chart)
    drawing += _marks(frame, chart.marks, PLAN) + _marks(frame, chart.marks, FLARE)
    drawing += "".join(_series(frame, series, False) for series in reversed(chart.series[1:]))
    drawing += "".join(_series(frame, series, alone) for series in chart.series[:1])  # on top
    legend, height = _legend(chart)
    ident, title, summary = chart.ident, escape(chart.caption), escape(chart.summary)
    head = (
        f'role="img" aria-labelledby="{ident}-t {ident}-d">'
        f'<title id="{ident}-t">{title}</title><desc id="{ident}-d">{summary}</desc>'
        if labelled
        else ">"
    )
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {height:.0f}" '
        f'width="{WIDTH:g}" height="{height:.0f}" {head}{drawing}{legend}</svg>'
    )
