"""The session player as someone on a mat uses it: it keeps the screen on, a reload resumes the play,
Stop asks first, Space pauses whatever has focus, the finish screen sums up, and a break reminder's
link plays one stretch in the same player."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect

from tests.strategies import base_answers
from tests.web.conftest import Visit
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import SystemClock
from unknot.services import intake, open_context, preferences, sessions
from unknot.settings import Settings

# Records what the page asks of the browser's wake lock (the browser's API, not our code).
WAKE_LOCK_SPY = """
window.__locks = [];
if (navigator.wakeLock) {
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (kind) => { window.__locks.push(kind); return request(kind); };
}
"""


def assessed(home: Path) -> list[str]:
    """A self-care plan (neck and lower back); the ids of its exercises."""
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    answers = base_answers(regions=["lower_back", "neck"], hamstrings_tight="yes", sitting_hours=8)
    intake.save_assessment(ctx, answers_from_dict(answers))
    preferences.change(ctx, {"seen_welcome": "on", "voice": "off"})
    ids = [item.id for item in sessions.start(ctx).plan.items]
    ctx.close()
    return ids


def begin(page: Page, base: str, pain: str = "4") -> None:
    page.goto(base + "/session")
    page.evaluate("document.getElementById('player').dataset.timeScale = '1'")
    page.locator("#before").get_by_label(pain, exact=True).check()
    page.get_by_role("button", name="Begin").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))


def test_a_reload_offers_to_resume_where_the_play_was(visit: Visit, home: Path) -> None:
    assessed(home)
    page = visit.page
    begin(page, visit.base)
    page.get_by_role("button", name="Next exercise").click()
    page.get_by_role("button", name="Next exercise").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 3 of"))
    token = page.locator("#token-field").input_value()
    page.reload()
    expect(page.get_by_role("heading", name="Carry on where you left off?")).to_be_visible()
    expect(page.locator("#resume-where")).to_contain_text("Exercise 3 of")
    page.get_by_role("button", name="Resume").click()
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 3 of"))
    expect(page.locator("#phase")).to_have_text("Paused")  # time to get back on the mat
    assert page.locator("#token-field").input_value() == token  # the same play: saved once
    page.get_by_role("button", name="Resume").click()
    expect(page.locator("#phase")).not_to_have_text("Paused")


def test_start_again_forgets_the_kept_play_and_saving_clears_it(visit: Visit, home: Path) -> None:
    assessed(home)
    page = visit.page
    begin(page, visit.base)
    page.reload()
    page.get_by_role("button", name="Start again").click()
    expect(page.get_by_role("button", name="Begin")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="Begin")).to_be_visible()  # nothing offered now
    begin(page, visit.base)
    page.get_by_role("button", name="Stop the session").click()
    page.get_by_role("dialog").get_by_role("button", name="Stop", exact=True).click()
    page.locator("#after").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_text("Session saved")).to_be_visible()
    page.wait_for_load_state("load")  # the finish page's script (deferred) forgets the kept play
    assert page.evaluate("Object.keys(localStorage)") == []
    page.goto(visit.base + "/session")
    expect(page.get_by_role("heading", name="Carry on where you left off?")).to_be_hidden()


def test_stop_asks_first_and_keep_going_goes_on(visit: Visit, home: Path) -> None:
    assessed(home)
    page = visit.page
    begin(page, visit.base)
    page.get_by_role("button", name="Stop the session").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("kept when you save")
    expect(page.locator("#phase")).to_have_text("Paused")
    dialog.get_by_role("button", name="Keep going").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#playing")).to_be_visible()
    expect(page.locator("#phase")).not_to_have_text("Paused")
    page.keyboard.press("Escape")  # nothing open: Escape stops nothing
    expect(page.locator("#playing")).to_be_visible()


def test_space_pauses_whatever_has_focus(visit: Visit, home: Path) -> None:
    assessed(home)
    page = visit.page
    begin(page, visit.base)
    for focused in ("#voice-toggle", "#next", "#hurt", "#pause"):
        page.locator(focused).focus()
        page.keyboard.press(" ")
        expect(page.locator("#phase")).to_have_text("Paused")
        page.keyboard.press(" ")
        expect(page.locator("#phase")).not_to_have_text("Paused")
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))  # nothing clicked
    assert page.locator("#voice-toggle").is_checked() is False


def test_the_screen_is_kept_on_while_playing(visit: Visit, home: Path) -> None:
    assessed(home)
    page = visit.page
    page.add_init_script(WAKE_LOCK_SPY)
    begin(page, visit.base)
    assert page.evaluate("window.__locks") == ["screen"]


def test_the_finish_screen_sums_up_the_session(visit: Visit, home: Path) -> None:
    names = [default_library().exercises[i].name for i in assessed(home)]
    page = visit.page
    begin(page, visit.base, pain="5")
    while page.locator("#playing").is_visible():
        page.keyboard.press("ArrowRight")  # skipped: none done
    page.locator("#after").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_text("Pain 5 before, 3 after: 2 points lower.")).to_be_visible()
    expect(page.get_by_role("heading", name="Your week")).to_be_visible()
    expect(page.locator(".week li")).to_have_count(7)
    expect(page.get_by_text("0 days with a completed session in the last 7.")).to_be_visible()
    expect(page.locator(".done-list li")).to_have_count(0)
    expect(page.get_by_text("Not done this time:")).to_contain_text(", ".join(names))
    expect(page.get_by_role("heading", name="What comes next")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"Check in tomorrow, then your next session: \d+ exercises"))
    ).to_be_visible()


def test_a_break_reminder_link_plays_one_stretch_and_saves_nothing(client: TestClient, home: Path) -> None:
    ids = assessed(home)
    page = client.get(f"/session/stretch/{ids[0]}")
    assert page.status_code == 200
    assert "A break from sitting" in page.text and 'id="finish-form"' not in page.text
    script = re.search(r'<script type="application/json" id="session-script">(.*?)</script>', page.text, re.S)
    assert script and set(re.findall(r'"exercise_id": "([a-z_]+)"', script.group(1))) == {ids[0]}
    unknown = client.get("/session/stretch/not_in_the_plan")
    assert unknown.status_code == 400 and "is not an exercise in your programme" in unknown.text


def test_a_stretch_plays_to_its_end_in_the_browser(visit: Visit, home: Path) -> None:
    ids = assessed(home)
    page = visit.page
    page.goto(f"{visit.base}/session/stretch/{ids[0]}")
    page.get_by_role("button", name="Begin").click()
    expect(page.locator("#exercise-count")).to_have_text("Exercise 1 of 1")
    expect(page.get_by_role("heading", name=re.compile("Back to what you were doing"))).to_be_visible(
        timeout=20_000
    )
