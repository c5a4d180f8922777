"""The camera coach in the session player, end to end: Debian's Chromium with a fake camera that
films the real squats recording (tests/media/pose_squats.mp4), then an empty room. The coach
finds the person, counts the two completed squats on sit to stand, and the finish screen keeps them;
a hold it coaches waits while the person is not in position."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.strategies import base_answers
from tests.web.conftest import Served, Visit, fake_camera_flags, launch, open_visit, serve
from tests.web.fake_camera import SQUATS, camera_visits, make_y4m
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import SystemClock
from unknot.services import intake, open_context
from unknot.settings import Settings

pytestmark = pytest.mark.slow
WAIT = 90_000  # ms: the model loads and the clip plays 13 s, on a loaded 2-core machine


@pytest.fixture(scope="module")
def squats_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("camera") / "squats-once.y4m"
    make_y4m(SQUATS, target, width=288, height=512, fps=5, tail_seconds=45)
    return target


@pytest.fixture(scope="module")
def squats_browser(playwright: Playwright, squats_once: Path) -> Iterator[Browser]:
    yield from launch(playwright, *fake_camera_flags(squats_once))


@pytest.fixture
def planned(tmp_path: Path) -> Iterator[Served]:
    """An app in real time whose plan has sit to stand (4th) and standing on one leg (5th)."""
    ctx = open_context(Settings(home=tmp_path), SystemClock(), default_library())
    intake.save_assessment(ctx, answers_from_dict(base_answers(regions=["lower_back"], sitting_hours=9)))
    ctx.close()
    yield from serve(Settings(home=tmp_path))


@pytest.fixture
def coach_visit(squats_browser: Browser, planned: Served) -> Iterator[Visit]:
    yield from camera_visits(squats_browser, planned)


def _play_until(page: Page, name: str) -> None:
    page.locator("#before").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Begin").click()
    for _ in range(12):
        if page.locator("#exercise-name").inner_text() == name:
            return
        page.get_by_role("button", name="Next exercise").click()
    raise AssertionError(f"{name} is not in the plan")


def _camera_on(page: Page) -> None:
    page.get_by_role("button", name="Camera coach").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_visible(timeout=WAIT)


def test_the_coach_counts_the_two_squats_and_the_finish_screen_keeps_them_after_a_reload(
    coach_visit: Visit,
) -> None:
    page = coach_visit.page
    page.goto(coach_visit.base + "/session")
    _play_until(page, "Sit to stand")
    _camera_on(page)
    expect(page.locator("#coach-count-label")).to_have_text("Repetitions counted")
    expect(page.locator("#coach-number")).to_have_text("2", timeout=WAIT)
    # Off at once: Chromium plays the file in a loop, and a loaded machine can bring the clip round
    # again. With the camera off, the count stays as counted (an empty room counting nothing is
    # tested on the rules, tests/core/test_coach.py).
    page.get_by_role("button", name="Camera coach").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    page.wait_for_timeout(1500)
    expect(page.locator("#coach-number")).to_have_text("2")
    page.reload()  # an accidental reload: the play resumes, and the camera's counts with it
    page.get_by_role("button", name="Resume").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    page.get_by_role("button", name="Stop the session").click()
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    page.locator("#after").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.locator("#camera-counted")).to_be_visible()
    expect(page.locator(".coached")).to_contain_text("Sit to stand: 2 repetitions")


def test_a_hold_the_coach_follows_waits_while_the_person_is_not_in_position(coach_visit: Visit) -> None:
    page = coach_visit.page
    page.goto(coach_visit.base + "/session")
    _play_until(page, "Standing on one leg")
    _camera_on(page)
    expect(page.locator("#coach-count-label")).to_have_text("Seconds in position")
    expect(page.locator("#coach-advice")).to_contain_text("the timer waits", timeout=WAIT)
    page.wait_for_function("() => document.getElementById('phase').textContent === 'Hold'", timeout=WAIT)
    before = page.locator("#countdown").inner_text()
    page.wait_for_timeout(3000)  # both feet on the floor, squatting: never in position for this hold
    assert page.locator("#countdown").inner_text() == before
    expect(page.locator("#coach-number")).to_have_text("0")
    page.get_by_role("button", name="Camera coach").click()  # off: the timer runs again
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    page.wait_for_timeout(2500)
    assert page.locator("#countdown").inner_text() != before


def test_without_a_camera_the_session_plays_as_before(browser: Browser, planned: Served) -> None:
    visits = open_visit(browser, planned)
    page = next(visits).page
    page.goto(planned + "/session")
    _play_until(page, "Standing on one leg")
    page.get_by_role("button", name="Camera coach").click()
    expect(page.locator("#coach-status")).to_have_text(
        re.compile(r"^(No camera was found|The camera was not allowed)")
    )
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    page.wait_for_function("() => document.getElementById('phase').textContent === 'Hold'", timeout=WAIT)
    before = page.locator("#countdown").inner_text()
    page.wait_for_timeout(2500)
    assert page.locator("#countdown").inner_text() != before  # the hold timer runs as without the coach
    next(visits, None)
