"""The posture watch page in Debian's Chromium with a fake camera (the squats recording): it
calibrates, watches two pictures a second through the app's rules, and at Stop the time watched
reaches the journal and the progress page. The alert itself is tested over HTTP with a synthetic
slouch (test_camera_channel.py), since no recording here slouches."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from tests.web.conftest import Served, Visit
from tests.web.fake_camera import camera_visits

pytestmark = pytest.mark.slow
WAIT = 60_000


@pytest.fixture
def watch_visit(fake_camera_browser: Browser, realtime_server: Served) -> Iterator[Visit]:
    yield from camera_visits(fake_camera_browser, realtime_server)


def test_the_watch_calibrates_watches_and_keeps_its_time(watch_visit: Visit) -> None:
    page, realtime_server = watch_visit.page, watch_visit.base
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url))
    page.goto(realtime_server + "/posture")
    expect(page.locator("#posture")).to_have_attribute("data-ready", "yes")
    page.get_by_role("button", name="Start watching").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_visible(timeout=WAIT)
    expect(page.locator("#posture-status")).to_have_text(re.compile("Sit tall"), timeout=WAIT)
    expect(page.locator("#posture")).to_have_attribute("data-calibrated", "yes", timeout=WAIT)
    expect(page.locator("#posture-status")).to_have_text(re.compile(r"^(Upright|Slouching|Nobody)"))
    page.wait_for_timeout(3000)
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    expect(page.locator("#posture-status")).to_have_text("The posture watch is off.")
    page.wait_for_timeout(500)  # the stop request goes out as the camera goes off
    page.goto(realtime_server + "/progress")
    table = page.get_by_role("region", name="Posture watch, a table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(1)
    assert any(u.endswith("/posture/frames") for u in sent) and any(u.endswith("/posture/stop") for u in sent)
