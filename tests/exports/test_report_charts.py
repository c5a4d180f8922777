"""The report's charts are the web's: the same SVG in the HTML and, as vector text and paths, in the
PDF, with their marks, and a sentence in place of a chart with nothing to draw."""

from __future__ import annotations

import datetime as dt
import io
import logging

import pytest
from pypdf import PdfReader

from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.exports.pdf import report_pdf
from unknot.exports.report import report_html
from unknot.present.chart_html import TABLE_SUMMARY
from unknot.present.charts import PAIN_EMPTY, SESSIONS_EMPTY
from unknot.services import Context, checkins, intake, reports, sessions


def pdf_text(ctx: Context) -> str:
    reader = PdfReader(io.BytesIO(report_pdf(reports.report(ctx))))
    return " ".join(page.extract_text() for page in reader.pages)


def on(ctx: Context, day: int, hour: int) -> Context:
    """The same journal, at a moment of November 2026."""
    moment = FixedClock(dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC))
    return Context(ctx.settings, ctx.store, moment, ctx.library)


def flare_journal(ctx: Context) -> None:
    """Check-ins over two weeks, a session a day, and on 10 Nov a session that left the pain worse:
    a flare-up, after which the plan eased off."""
    intake.save_assessment(on(ctx, 1, 8), answers_from_dict(base_answers()))
    for n in range(1, 15):
        checkins.log(on(ctx, n, 9), 4)
        sessions.record(on(ctx, n, 18), pain_before=3, pain_after=6 if n == 10 else 3)


def test_the_pdf_charts_mark_plan_changes_and_flare_ups(
    ctx: Context, caplog: pytest.LogCaptureFixture
) -> None:
    flare_journal(ctx)
    view = reports.report(ctx)
    [pain, weekly] = view.charts
    marked = [(m.date.day, m.kind) for m in pain.marks]
    assert marked == [(8, "plan"), (10, "plan"), (10, "flare")], "a good week, then the flare-up"
    assert weekly.marks == pain.marks
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        text = pdf_text(ctx)
    assert not caplog.records, "fpdf2 draws every part of the SVG"
    chart = text[text.index("Pain by day, 1 Nov to 14 Nov 2026") :]
    assert "Daily pain 7-day mean Plan changed Flare-up" in " ".join(chart.split())


def test_the_html_report_has_each_chart_with_its_table(ctx: Context) -> None:
    flare_journal(ctx)
    html = report_html(reports.report(ctx))
    assert html.count('<figure class="chart-figure">') == 2 and html.count(TABLE_SUMMARY) == 2
    assert "<figcaption>Pain by day, 1 Nov to 14 Nov 2026</figcaption>" in html
    assert (
        "Plan changed on 10 Nov: Your plan changed because your pain after the session on 2026-11-10" in html
    )
    assert "<td>Plan changed: Your plan changed because your pain after the session on 2026-11-10" in html


def test_charts_with_nothing_to_draw_are_sentences(ctx: Context) -> None:
    text = " ".join(pdf_text(ctx).split())
    assert PAIN_EMPTY in text and SESSIONS_EMPTY in text
    html = report_html(reports.report(ctx))
    assert PAIN_EMPTY in html and "<svg" not in html


def test_a_single_check_in_is_charted_with_its_day_and_value(ctx: Context) -> None:
    checkins.log(ctx, 6, None, "", (), "2026-11-20")
    text = pdf_text(ctx)
    chart = text[text.index("Pain by day, 20 Nov 2026") : text.index("Completed sessions")]
    assert chart.split("\n")[1:7] == ["Pain (0-10)", "0", "5", "10", "20 Nov", "6"]
