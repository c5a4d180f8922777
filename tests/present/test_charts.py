"""The chart model and its drawing: the 7-day mean, marks on their days, 0 and 1 point, the table."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from unknot.core.checkins import Checkin
from unknot.core.history import HistoryDay, window_means
from unknot.core.progression import FlareUp, PlanEvents, flare_ups
from unknot.present.chart_html import TABLE_SUMMARY, chart_figure
from unknot.present.chart_svg import chart_svg
from unknot.present.charts import (
    FLARE,
    PAIN_EMPTY,
    PLAN,
    SCORE_POINTS,
    SESSIONS_EMPTY,
    Chart,
    pain_chart,
    scores_chart,
    sessions_chart,
    weekly_counts,
)

SVG = "{http://www.w3.org/2000/svg}"
START = dt.date(2026, 11, 2)  # a Monday


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def journal(pains: dict[int, int], sessions: dict[int, int] | None = None) -> list[HistoryDay]:
    """History days from {day number: pain} and {day number: sessions completed}."""
    sessions = sessions or {}
    numbers = sorted(set(pains) | set(sessions))
    return [
        HistoryDay(
            day(n), Checkin(day(n), pains[n], None, "", ()) if n in pains else None, sessions.get(n, 0)
        )
        for n in numbers
    ]


def drawn(chart: Chart) -> ET.Element:
    return ET.fromstring(chart_svg(chart))


def test_the_mean_is_over_calendar_days_not_entries() -> None:
    days = journal({0: 6, 1: 4, 2: 2, 11: 8, 12: 6})
    assert window_means(days, 7) == [(day(0), 6), (day(1), 5), (day(2), 4), (day(11), 8), (day(12), 7)]
    assert window_means(journal({0: 2, 6: 4, 7: 9}), 7) == [(day(0), 2), (day(6), 3), (day(7), 6.5)]
    assert window_means([], 7) == []


def test_a_flare_up_is_pain_two_points_worse_after_a_session() -> None:
    sessions = [(day(0), 3, 5), (day(1), 3, 4), (day(2), None, 9), (day(3), 6, 2), (day(4), 0, 7)]
    assert flare_ups(sessions) == [FlareUp(day(0), 3, 5), FlareUp(day(4), 0, 7)]


def test_the_pain_chart_speaks_of_its_days() -> None:
    chart = pain_chart(journal({0: 6, 1: 4, 2: 2, 11: 8}))
    assert chart.caption == "Pain by day, 2 Nov to 13 Nov 2026"
    assert chart.y_label == "Pain (0\u201310)" and chart.y_marks == (0, 5, 10)
    daily, mean = chart.series
    assert [v for _, v in daily.points] == [6, 4, 2, 8] and [v for _, v in mean.points] == [6, 5, 4, 8]
    assert chart.summary.startswith("Pain from 0 to 10, 2 Nov to 13 Nov 2026: 4 check-ins, first 6, latest 8")
    assert chart.table.columns == ("Date", "Pain", "7-day mean", "Plan changes, flare-ups")
    assert chart.table.rows[1] == ("3 Nov 2026", "4", "5.0", "")
    svg = drawn(chart)
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert labels[:1] == ["Pain (0\u201310)"] and [x for x in labels if "Nov" in x] == [
        "2 Nov",
        "4 Nov",
        "6 Nov",
        "8 Nov",
        "10 Nov",
        "12 Nov",
    ]
    assert "Daily pain" in labels and "7-day mean" in labels


def first_path(svg: ET.Element, css: str) -> ET.Element:
    """The first path of a class: the drawing's (the legend's samples come after it)."""
    return next(p for p in svg.iter(f"{SVG}path") if p.get("class") == css)


def starts(svg: ET.Element, css: str) -> list[tuple[float, float]]:
    """Where each subpath (a dot, a mark, a bar) of the path of class `css` starts."""
    found = re.findall(r"M([\d.]+),([\d.]+)", first_path(svg, css).get("d", ""))
    return [(float(x), float(y)) for x, y in found]


def test_plan_changes_and_flare_ups_are_marked_on_their_days() -> None:
    events = PlanEvents(
        [(day(-5), "before the chart"), (day(3), "the doses eased off")], [FlareUp(day(2), 3, 6)]
    )
    chart = pain_chart(journal({0: 4, 2: 3, 3: 6, 9: 5}), events)
    assert [(m.date, m.kind) for m in chart.marks] == [(day(2), FLARE), (day(3), PLAN)]
    svg = drawn(chart)
    x_of = dict(zip(["2 Nov", "4 Nov", "5 Nov", "11 Nov"], [x for x, _ in starts(svg, "dot")], strict=True))
    [(plan, _)] = starts(svg, "mark-plan")
    [(flare, _)] = starts(svg, "mark-flare")
    assert plan == x_of["5 Nov"] and flare == x_of["4 Nov"]
    plans = first_path(svg, "mark-plan").find(f"{SVG}title")
    assert plans is not None and plans.text == "Plan changed on 5 Nov: the doses eased off"
    legend = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "legend"]
    assert legend == ["Daily pain", "7-day mean", "Plan changed", "Flare-up"]
    assert chart.summary.endswith("Marked: 1 plan change, 1 flare-up.")
    assert chart.table.rows[1][3] == "Flare-up: pain 3 before the session, 6 after"


def test_a_mark_on_a_day_without_a_check_in_has_its_row() -> None:
    chart = pain_chart(journal({0: 4, 2: 3}), PlanEvents([(day(1), "stepped up")], []))
    assert chart.table.rows[1] == ("3 Nov 2026", "", "", "Plan changed: stepped up")


def test_no_check_in_is_a_sentence_not_an_empty_axis() -> None:
    chart = pain_chart(journal({}, {0: 1}))
    assert chart.is_empty and chart.empty == PAIN_EMPTY
    assert PAIN_EMPTY == "No check-ins yet: your pain chart starts with your first check-in."
    figure = chart_figure(chart)
    assert "<svg" not in figure and PAIN_EMPTY in figure and TABLE_SUMMARY not in figure
    with pytest.raises(AssertionError, match="an empty chart is a sentence"):
        chart_svg(chart)
    assert sessions_chart([]).empty == SESSIONS_EMPTY and "<svg" not in chart_figure(sessions_chart([]))


def test_one_check_in_is_a_labelled_point() -> None:
    chart = pain_chart(journal({3: 5}))
    assert chart.caption == "Pain by day, 5 Nov 2026" and [s.name for s in chart.series] == ["Daily pain"]
    svg = drawn(chart)
    [(x, _)] = starts(svg, "dot")
    texts = {t.text: t for t in svg.iter(f"{SVG}text")}
    assert float(texts["5"].get("x", "")) == x, "the value stands over its point"
    assert float(texts["5 Nov"].get("x", "")) == x, "the date stands under it"
    assert x == pytest.approx(34 + (400 - 34 - 14) / 2, abs=0.1), "in the middle"


def test_sessions_are_bars_a_week_named_by_their_monday() -> None:
    days = journal({0: 5, 9: 4}, {0: 1, 1: 1, 3: 1, 9: 2, 15: 1})
    weeks = weekly_counts(days)
    assert weeks == [(day(0), 3), (day(7), 2), (day(14), 1)]
    chart = sessions_chart(weeks)
    assert (
        chart.caption == "Completed sessions, weeks of 2 Nov to 16 Nov 2026"
        and chart.y_label == "Sessions per week"
    )
    assert chart.y_marks == tuple(range(8)) and chart.table.rows[0] == ("2 Nov 2026", "3 of 7 days")
    svg = drawn(chart)
    bars = first_path(svg, "bar")
    middles = [
        (float(a) + float(b)) / 2
        for a, b in re.findall(r"M([\d.]+),[\d.]+ V[\d.]+ H([\d.]+)", bars.get("d", ""))
    ]
    ticks = {t.text: float(t.get("x", "")) for t in svg.iter(f"{SVG}text") if t.get("class") == "tick-label"}
    assert [ticks["2 Nov"], ticks["9 Nov"], ticks["16 Nov"]] == pytest.approx(middles)


def test_a_questionnaires_scores_chart() -> None:
    chart = scores_chart([(day(0), 7.0), (day(30), 5.0)], "RMDQ", 24, "rmdq")
    assert chart.ident == "score-rmdq" and chart.caption == "RMDQ score, 2 Nov to 2 Dec 2026"
    assert sessions_chart([(day(0), 2)]).caption == "Completed sessions, week of 2 Nov 2026"
    assert chart.y_label == "Score (0\u201324)" and chart.table.rows == (
        ("2 Nov 2026", "7 of 24"),
        ("2 Dec 2026", "5 of 24"),
    )


ALL_CHARTS = [
    pain_chart(journal({0: 4, 2: 3, 3: 6, 9: 5}), PlanEvents([(day(3), "eased")], [FlareUp(day(2), 3, 6)])),
    pain_chart(journal({3: 5})),
    sessions_chart(weekly_counts(journal({0: 5}, {0: 1})), PlanEvents([(day(3), "eased")], [])),
    scores_chart([(day(0), 7.0)], "RMDQ", 24, "rmdq"),
]


@pytest.mark.parametrize("chart", ALL_CHARTS, ids=lambda c: c.caption)
def test_every_shape_carries_its_colours_for_the_pdf(chart: Chart) -> None:
    """The PDF has no stylesheet: each shape and text has its fill or stroke as an attribute, and a
    class the web's stylesheet themes."""
    svg = drawn(chart)
    shapes = [
        e
        for e in svg.iter()
        if e.tag.removeprefix(SVG) in ("line", "polyline", "rect", "circle", "path", "text")
    ]
    assert shapes
    for shape in shapes:
        assert shape.get("class"), ET.tostring(shape)
        assert shape.get("fill") or shape.get("stroke"), ET.tostring(shape)
    assert svg.get("role") == "img" and svg.find(f"{SVG}desc").text == chart.summary
    bare = ET.fromstring(chart_svg(chart, labelled=False))
    assert bare.find(f"{SVG}title") is None and bare.find(f"{SVG}desc") is None


def test_the_table_says_what_the_chart_shows() -> None:
    figure = chart_figure(ALL_CHARTS[0])
    assert figure.startswith(
        '<figure class="chart-figure"><figcaption>Pain by day, 2 Nov to 11 Nov 2026</figcaption>'
    )
    assert f'<details class="chart-table"><summary>{TABLE_SUMMARY}</summary>' in figure
    assert (
        '<th scope="row">4 Nov 2026</th><td>3</td><td>3.5</td><td>Flare-up: pain 3 before the session'
        in figure
    )


def test_a_score_chart_shows_the_latest_half_year_of_answers() -> None:
    start = dt.date(2025, 1, 6)
    points = [(start + dt.timedelta(weeks=n), float(n % 10)) for n in range(40)]
    chart = scores_chart(points, "PEG-3", 10, "peg")
    shown = chart.series[0].points
    assert len(shown) == SCORE_POINTS and shown[0] == points[-SCORE_POINTS] and shown[-1] == points[-1]
    assert chart.span == (points[-SCORE_POINTS][0], points[-1][0])
