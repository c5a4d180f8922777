"""The progress charts in a real browser on a phone: drawn, readable, and no wider than the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.strategies import base_answers
from tests.web.conftest import ARTIFACTS, Served, signed_in
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import SystemClock
from unknot.present.dates import period_words
from unknot.services import checkins, intake, open_context, sessions
from unknot.settings import Settings

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_the_charts_fit_a_phone_and_fold_out_as_tables(browser: Browser, server: Served, home: Path) -> None:
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    last = ctx.today()
    first = last - dt.timedelta(days=59)
    for n in range(60):
        day = (first + dt.timedelta(days=n)).isoformat()
        checkins.log(ctx, 2 + n % 5, date_text=day)
        if n % 3:
            sessions.record(ctx, date_text=day, pain_before=3, pain_after=3)
    ctx.close()
    page = signed_in(browser, server, **PHONE)
    page.goto(server + "/progress")
    pain = page.locator("figure.chart-figure", has_text="Pain by day")
    expect(pain.locator("figcaption")).to_have_text(f"Pain by day, {period_words(first, last)}")
    drawing = pain.get_by_role("img")
    expect(drawing).to_be_visible()
    box = drawing.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["height"] > 150
    tick = pain.locator("text.tick-label").last.bounding_box()
    assert tick is not None and tick["height"] >= 9, "tick labels stay readable on a phone"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    pain.get_by_text("Show as a table").click()
    expect(pain.get_by_role("table")).to_be_visible()
    expect(pain.get_by_role("row")).to_have_count(61)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "the table scrolls in its box"
    expect(
        page.locator("figure.chart-figure", has_text="Completed sessions").get_by_role("img")
    ).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "progress-phone.png"), full_page=True)
    page.context.close()
