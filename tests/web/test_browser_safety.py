"""What keeps a person safe, in a real browser: each exercise's own stop rules while it plays, "this
hurts", no heat after an emergency, no session after a warning sign, and skipping is not a session."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from tests.web.conftest import Visit
from tests.web.intake_steps import answer_details, answer_safety, answer_where, welcome
from unknot.content.schema import Library


def self_care(page: Page, base: str, regions: list[str]) -> None:
    welcome(page, base)
    answer_where(page, regions, "40", "No")
    answer_safety(page)
    answer_details(page, pain="3", days="20", sitting="3")
    expect(page.get_by_role("heading", name="Self-care looks reasonable")).to_be_visible()


def begin_slowly(page: Page, base: str) -> None:
    page.goto(base + "/session")
    page.evaluate("document.getElementById('player').dataset.timeScale = '1'")
    page.locator("#before").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Begin").click()


def shown_exercise(page: Page) -> str:
    return str(page.locator(".how:not([hidden])").get_attribute("data-exercise"))


def test_a_neck_session_shows_each_exercises_own_stop_rules(visit: Visit, library: Library) -> None:
    page, base = visit.page, visit.base
    self_care(page, base, ["Neck"])
    begin_slowly(page, base)
    seen: list[str] = []
    while page.locator("#playing").is_visible():
        exercise = library.exercises[shown_exercise(page)]
        how = page.locator(".how:not([hidden])")
        for line in exercise.stop_if:
            expect(how.locator(".stop-if")).to_contain_text(line)
        expect(how.locator(".easier")).to_contain_text(exercise.regression)
        seen.append(exercise.id)
        page.get_by_role("button", name="Next exercise").click()
    dizzy = [e for e in seen if any("Dizziness" in line for line in library.exercises[e].stop_if)]
    assert dizzy, f"a neck session shows 'dizziness' as a reason to stop: {seen}"
    visit.shot("session-neck-stop-rules")


def test_this_hurts_offers_the_easier_version_then_leaves_the_exercise(
    visit: Visit, library: Library
) -> None:
    page, base = visit.page, visit.base
    self_care(page, base, ["Lower back"])
    begin_slowly(page, base)
    first = shown_exercise(page)
    page.get_by_role("button", name="This hurts").click()
    expect(page.locator("#hurt-note")).to_contain_text(library.exercises[first].regression)
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 1 of"))
    page.keyboard.press("h")
    expect(page.locator("#exercise-count")).to_have_text(re.compile("Exercise 2 of"))
    page.get_by_role("button", name="Stop the session").click()
    page.get_by_role("dialog").get_by_role("button", name="Stop", exact=True).click()
    page.locator("#after").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    [session] = json.loads(page.request.get(base + "/export/json").text())["sessions"]
    assert session["hurt"] == [first] and first not in session["items_done"]


def test_skipping_every_exercise_is_not_counted_as_a_session(visit: Visit) -> None:
    page, base = visit.page, visit.base
    self_care(page, base, ["Lower back"])
    begin_slowly(page, base)
    while page.locator("#playing").is_visible():
        page.keyboard.press("ArrowRight")
    page.locator("#after").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_role("heading", name="Session stopped early")).to_be_visible()
    expect(page.get_by_text("0 of")).to_be_visible()
    page.get_by_role("navigation", name="Main", exact=True).get_by_role("link", name="Today").click()
    expect(page.get_by_role("heading", name="Your first session")).to_be_visible()  # it did not count


def test_no_heat_or_cold_timer_after_an_emergency_intake(visit: Visit) -> None:
    page, base = visit.page, visit.base
    welcome(page, base)
    answer_where(page, ["Lower back"], "50", "No")
    answer_safety(page, legs="Yes, in both legs")
    expect(page.get_by_role("heading", name="Go to an emergency department now")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("timer"))).to_have_count(0)
    page.goto(base + "/relief")
    expect(page.get_by_role("link", name=re.compile("timer"))).to_have_count(0)
    expect(page.get_by_text("No heat timer until a clinician has seen you")).to_be_visible()
    refused = page.request.get(base + "/relief/heat")
    assert refused.status >= 400 and "get care first" in refused.text()


def test_a_warning_sign_at_a_check_in_takes_the_session_off_every_page(visit: Visit) -> None:
    page, base = visit.page, visit.base
    self_care(page, base, ["Lower back"])
    expect(page.get_by_role("link", name="Start today's session")).to_be_visible()
    page.get_by_role("link", name="Check in", exact=True).click()
    page.locator("fieldset", has_text="Pain today").get_by_label("4", exact=True).check()
    page.get_by_label(re.compile("fever or chills")).check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Saved your check-in")).to_be_visible()
    for path in ("/", "/result"):
        page.goto(base + path)
        expect(page.get_by_role("link", name="Start today's session")).to_have_count(0)
        expect(page.get_by_role("heading", name=re.compile("see a professional", re.I)).first).to_be_visible()
    page.goto(base + "/exercises")
    expect(page.locator(".care-strip")).to_be_visible()
    page.goto(base + "/session")
    expect(page.get_by_role("button", name="Begin")).to_have_count(0)
    visit.shot("blocked-after-warning-sign")
